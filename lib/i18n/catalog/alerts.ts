import { defineCatalog } from '../types';

/** Low-stock alerts: states, reasons, notifications, the toolbar badge, the popup list and its CSV. */
export const alerts = defineCatalog({
  'alerts.state.ok': { en: 'OK', zh_CN: '正常' },
  'alerts.state.low': { en: 'Low stock', zh_CN: '库存不足' },
  'alerts.state.critical': { en: 'Restock too late', zh_CN: '补货来不及' },
  'alerts.state.out': { en: 'Out of stock', zh_CN: '已断货' },

  'alerts.reason.out-of-stock': { en: 'Out of stock: 0 available', zh_CN: '已断货：可售 0' },
  'alerts.reason.runs-out-before-arrival': {
    en: 'Runs out {stockOut}, before stock ordered today can arrive even by {method} ({arrives})',
    zh_CN: '预计 {stockOut} 断货，今天下单即使走{method}也要 {arrives} 才能到货',
  },
  'alerts.reason.below-units': {
    en: '{available} available, below your threshold of {threshold}',
    zh_CN: '可售 {available} 件，低于您设置的 {threshold} 件',
  },
  'alerts.reason.below-days': {
    en: '{days} days of cover, below your threshold of {threshold}',
    zh_CN: '可售天数 {days} 天，低于您设置的 {threshold} 天',
  },
  'alerts.reason.reorder-due': {
    en: 'Reorder by {method} by {date}',
    zh_CN: '{method}最晚补货日：{date}',
  },
  'alerts.reason.reorder-late': {
    en: 'Every shipping method is late: the last one ({method}) had to be ordered by {date}',
    zh_CN: '所有运输方式都已来不及：{method}最晚补货日为 {date}',
  },
  'alerts.reason.fee-risk': {
    en: 'Low-inventory-level fee risk: historical days of supply {dos30} (30 days) and {dos90} (90 days), both below 28',
    zh_CN: '低库存水平费风险：父 ASIN 历史供货天数近 30 天 {dos30} 天、近 90 天 {dos90} 天，均低于 28 天',
  },
  'alerts.reason.confidence-low': {
    en: 'Few sales seen yet: the figures are rough',
    zh_CN: '销售数据较少，数字仅供参考',
  },
  'alerts.reason.snoozed': { en: 'Snoozed until {date}', zh_CN: '已暂停提醒至 {date}' },

  'alerts.method.cutOff': {
    en: 'Must be received at Amazon by the {event} cut-off ({date})',
    zh_CN: '须在 {event} 入仓截止日（{date}）前完成入库',
  },
  'alerts.method.supplyDelay': {
    en: '{event} adds {days} days to production',
    zh_CN: '受 {event} 影响，生产周期延长 {days} 天',
  },
  'alerts.method.supplyAhead': {
    en: 'Order before {event} so that production ends before factories close',
    zh_CN: '须在 {event} 前下单，确保工厂停工前完成生产',
  },
  'alerts.method.late': { en: 'Late', zh_CN: '已来不及' },

  'alerts.amazon.suggestion': {
    en: 'Amazon suggests {quantity}, ship by {date}',
    zh_CN: '亚马逊建议补货 {quantity} 件，建议发货日 {date}',
  },
  'alerts.amazon.quantityOnly': { en: 'Amazon suggests {quantity}', zh_CN: '亚马逊建议补货 {quantity} 件' },
  'alerts.capacity.applied': {
    en: 'Capped by your monthly restock capacity (needed: {needed})',
    zh_CN: '受每月补货上限限制（实际需要 {needed} 件）',
  },

  'alerts.notify.title.low': { en: 'Low stock: {sku}', zh_CN: '库存不足：{sku}' },
  'alerts.notify.title.critical': {
    en: 'Will run out before a restock can arrive: {sku}',
    zh_CN: '补货来不及，即将断货：{sku}',
  },
  'alerts.notify.title.out': { en: 'Out of stock: {sku}', zh_CN: '已断货：{sku}' },
  'alerts.notify.body': {
    en: '{product} · {marketplace} · {available} available · {days} days of cover',
    zh_CN: '{product} · {marketplace} · 可售 {available} 件 · 可售天数 {days} 天',
  },
  'alerts.notify.bodyNoCover': {
    en: '{product} · {marketplace} · {available} available',
    zh_CN: '{product} · {marketplace} · 可售 {available} 件',
  },
  'alerts.notify.reorder': {
    en: 'Suggested reorder {quantity}; reorder by {date} ({method})',
    zh_CN: '建议补货量 {quantity} 件，最晚补货日 {date}（{method}）',
  },
  'alerts.notify.reorderLate': {
    en: 'Suggested reorder {quantity}; ship now by the fastest method ({method})',
    zh_CN: '建议补货量 {quantity} 件，请尽快走最快的运输方式（{method}）',
  },
  'alerts.notify.group.title': {
    en: { one: '{count} SKU needs attention', other: '{count} SKUs need attention' },
    zh_CN: '{count} 个 SKU 需要处理',
  },
  'alerts.notify.group.body': {
    en: '{out} out of stock · {critical} restock too late · {low} low stock: {skus}',
    zh_CN: '已断货 {out} 个 · 补货来不及 {critical} 个 · 库存不足 {low} 个：{skus}',
  },
  'alerts.notify.group.more': { en: '{skus} and {more} more', zh_CN: '{skus} 等 {more} 个' },

  'alerts.badge.title': {
    en: { one: '{count} SKU low or running out', other: '{count} SKUs low or running out' },
    zh_CN: '{count} 个 SKU 库存不足或即将断货',
  },
  'alerts.badge.none': { en: 'No low-stock SKUs', zh_CN: '没有库存不足的 SKU' },

  'alerts.backup.raise': {
    en: '{fbaSku} (FBA) is out of stock: list {amount} units on the merchant-fulfilled backup',
    zh_CN: '{fbaSku}（亚马逊物流）已断货：自发货备用 SKU 上架 {amount} 件',
  },
  'alerts.backup.lower': {
    en: '{fbaSku} (FBA) is back in stock with {available} available: set the merchant-fulfilled backup to 0',
    zh_CN: '{fbaSku}（亚马逊物流）已恢复库存（可售 {available} 件）：自发货备用 SKU 改为 0',
  },
  'alerts.backup.erp': {
    en: 'Your ERP syncs this SKU’s quantity and may overwrite the change',
    zh_CN: '此 SKU 的库存由您的 ERP 同步，修改可能会被覆盖',
  },

  'alerts.pool.name': {
    en: { one: 'Pan-European pool ({count} marketplace)', other: 'Pan-European pool ({count} marketplaces)' },
    zh_CN: '泛欧库存池（{count} 个站点）',
  },

  'alerts.column.state': { en: 'Status', zh_CN: '状态' },
  'alerts.column.asin': { en: 'ASIN', zh_CN: 'ASIN' },
  'alerts.column.sku': { en: 'SKU', zh_CN: 'SKU' },
  'alerts.column.title': { en: 'Title', zh_CN: '商品名称' },
  'alerts.column.marketplace': { en: 'Marketplace', zh_CN: '站点' },
  'alerts.column.channel': { en: 'Fulfilment', zh_CN: '配送方式' },
  'alerts.column.available': { en: 'Available', zh_CN: '可售' },
  'alerts.column.inTransit': { en: 'In transit', zh_CN: '在途' },
  'alerts.column.perDay': { en: 'Units per day', zh_CN: '日均销量' },
  'alerts.column.daysOfCover': { en: 'Days of cover', zh_CN: '可售天数' },
  'alerts.column.stockOutDay': { en: 'Stock-out date', zh_CN: '断货日期' },
  'alerts.column.method': { en: 'Shipping method', zh_CN: '运输方式' },
  'alerts.column.reorderBy': { en: 'Reorder by', zh_CN: '最晚补货日' },
  'alerts.column.suggested': { en: 'Suggested reorder', zh_CN: '建议补货量' },
  'alerts.column.amazonSuggested': { en: 'Amazon’s suggestion', zh_CN: '亚马逊建议补货量' },
  'alerts.column.amazonShipDate': { en: 'Amazon’s ship date', zh_CN: '亚马逊建议发货日' },
  'alerts.column.reasons': { en: 'Why it is listed', zh_CN: '提醒原因' },
  'alerts.column.link': { en: 'Link', zh_CN: '链接' },
});

export type AlertsKey = keyof typeof alerts;
