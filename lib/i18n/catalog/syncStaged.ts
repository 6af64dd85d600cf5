import { defineCatalog } from '../types';

/**
 * What the bulk-edit panel says about rows staged from the dashboard's stock sync. A catalog of its
 * own, because the panel's on-demand bundle must not carry the dashboard's text.
 */
export const syncStaged = defineCatalog({
  'syncStaged.offer': {
    en: { one: 'Staged from stock sync ({count} row)', other: 'Staged from stock sync ({count} rows)' },
    zh_CN: '来自库存同步的待处理批量编辑（{count} 行）',
  },
  'syncStaged.hint': {
    en: 'The merchant-fulfilled SKUs whose quantity differs from your stock file, each set to the file’s quantity. Every guard of the preview applies.',
    zh_CN: '与库存文件数量不一致的自发货 SKU，每行设为文件中的数量。预览中的所有保护规则照常生效。',
  },
  'syncStaged.use': { en: 'Use these rows', zh_CN: '使用这些行' },
  'syncStaged.dismiss': { en: 'Dismiss', zh_CN: '忽略' },
  'syncStaged.notOnPage': {
    en: {
      one: '{count} staged SKU is not on this page: scroll to load it, or export the file from the dashboard.',
      other: '{count} staged SKUs are not on this page: scroll to load them, or export the file from the dashboard.',
    },
    zh_CN: '有 {count} 个待处理 SKU 不在此页面：请滚动加载，或在控制台导出文件。',
  },
  'syncStaged.error': { en: 'The staged rows could not be read: {error}', zh_CN: '无法读取待处理的行：{error}' },
});
