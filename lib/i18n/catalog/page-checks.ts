import { defineCatalog } from '../types';

/** The listing-checks summary next to the Bulk edit button. Shipped in the content script: keep it short. */
export const pageChecks = defineCatalog({
  'pageChecks.line': { en: 'Listing checks: {counts}', zh_CN: '合规检查：{counts}' },
  'pageChecks.block': {
    en: { one: '{count} must fix', other: '{count} must fix' },
    zh_CN: '{count} 项必须修改',
  },
  'pageChecks.warn': {
    en: { one: '{count} warning', other: '{count} warnings' },
    zh_CN: '{count} 项警告',
  },
  'pageChecks.none': { en: 'no issues', zh_CN: '未发现问题' },
  'pageChecks.pending': {
    en: { one: '{count} main image being checked', other: '{count} main images being checked' },
    zh_CN: '{count} 张主图检查中',
  },
  'pageChecks.open': {
    en: 'Open every finding in the dashboard',
    zh_CN: '在控制台中查看所有问题',
  },
});
