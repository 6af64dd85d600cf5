import { defineCatalog } from '../types';

/** The words around the row badges that the velocity and compliance catalogs do not have. */
export const badges = defineCatalog({
  'badges.level.ok': { en: 'Stock OK', zh_CN: '库存充足' },
  'badges.level.low': { en: 'Low stock', zh_CN: '库存不足' },
  'badges.level.out': { en: 'Out of stock', zh_CN: '已断货' },
  'badges.level.unknown': { en: 'Stock level unknown', zh_CN: '库存状况未知' },
  'badges.compliance.name': { en: 'Listing checks', zh_CN: '合规检查' },
  'badges.compliance.ok': { en: 'OK', zh_CN: '合规' },
  'badges.compliance.none': { en: 'No findings on this listing.', zh_CN: '此商品未发现问题。' },
  'badges.compliance.muteFailed': {
    en: 'Not saved: Shelfwise could not be reached. Reload the page and try again.',
    zh_CN: '未保存：无法连接 Shelfwise。请刷新页面后重试。',
  },
  'badges.velocity.unmarked': {
    en: 'No history yet: this page’s marketplace is not known, so nothing is recorded here.',
    zh_CN: '尚无历史：无法确定此页面的站点，因此不在此记录。',
  },
});
