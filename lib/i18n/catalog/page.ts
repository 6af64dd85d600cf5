import { defineCatalog } from '../types';

/** Text shown inside Seller Central pages by the content script. Keep it short: it ships on every page load. */
export const page = defineCatalog({
  'page.unrecognised': {
    en: 'Shelfwise is inactive on this page: its layout was not recognised, so nothing is read or changed here.',
    zh_CN: 'Shelfwise 未能识别此页面的布局，已暂停：不会读取或修改此页面的任何内容。',
  },
  'page.noMarketplace': {
    en: 'Shelfwise could not tell which marketplace this page shows, so it is not recording history here.',
    zh_CN: 'Shelfwise 无法确定此页面所属的站点，因此不会在此记录历史。',
  },
  'page.bulkEdit': { en: 'Bulk edit', zh_CN: '批量编辑' },
  'page.panelFailed': {
    en: 'The bulk-edit panel could not be opened: {message}. Reload the page and try again.',
    zh_CN: '无法打开批量编辑面板：{message}。请刷新页面后重试。',
  },
  'row.parent': { en: 'Variation parent', zh_CN: '变体父体' },
});
