import { defineCatalog } from '../types';

/** The velocity badge on each inventory row and its popover. */
export const velocity = defineCatalog({
  'velocity.badge.name': { en: 'Sales velocity', zh_CN: '销售速度' },
  'velocity.badge.compact': { en: '{perDay}/day · {days} d', zh_CN: '日均 {perDay} · 可售 {days} 天' },
  'velocity.badge.rateOnly': { en: '{perDay}/day', zh_CN: '日均 {perDay}' },
  'velocity.badge.out': { en: '{perDay}/day · out of stock', zh_CN: '日均 {perDay} · 已断货' },
  'velocity.badge.outNoRate': { en: 'Out of stock', zh_CN: '已断货' },
  'velocity.badge.noSales': { en: 'No sales', zh_CN: '无销量' },
  'velocity.badge.tooLittle': { en: 'Too little history', zh_CN: '历史数据不足' },
  'velocity.badge.noData': { en: 'No sales data yet', zh_CN: '暂无销量数据' },

  'velocity.popover.rate': { en: 'Units per day: {perDay}', zh_CN: '日均销量：{perDay}' },
  'velocity.popover.method.blend': {
    en: 'Weighted over the last 7, 14, 30 and 90 days; days out of stock are left out',
    zh_CN: '按近 7、14、30、90 天加权计算，已剔除断货天数',
  },
  'velocity.popover.method.intermittent': {
    en: {
      one: 'Sells now and then: rate from the size and spacing of {count} sale (Croston)',
      other: 'Sells now and then: rate from the size and spacing of {count} sales (Croston)',
    },
    zh_CN: '偶发销售：根据 {count} 次销售的数量与间隔估算（Croston 法）',
  },
  'velocity.popover.method.period': {
    en: 'Units over {days} days, divided by the days in stock',
    zh_CN: '{days} 天销量 ÷ 其中有货天数',
  },
  'velocity.popover.window': {
    en: 'Last {days} days: {perDay}/day ({units} units in {inStock} days in stock)',
    zh_CN: '近 {days} 天：日均 {perDay}（有货 {inStock} 天，售出 {units} 件）',
  },
  'velocity.popover.windowShort': {
    en: 'Last {days} days: too few days in stock to count ({inStock})',
    zh_CN: '近 {days} 天：有货天数不足（{inStock} 天），不计入',
  },
  'velocity.popover.outOfStockDays': {
    en: {
      one: 'Out of stock {count} day of the last 30, left out of the rate',
      other: 'Out of stock {count} days of the last 30, left out of the rate',
    },
    zh_CN: '近 30 天断货 {count} 天，未计入日均销量',
  },
  'velocity.popover.cover': { en: 'Days of cover: {days}', zh_CN: '可售天数：{days}' },
  'velocity.popover.coverUnknown': {
    en: 'Days of cover: unknown without sales',
    zh_CN: '可售天数：无销量，无法计算',
  },
  'velocity.popover.stock': {
    en: 'Stock counted: {available} available + {inbound} inbound',
    zh_CN: '计入库存：可售 {available} + 在途 {inbound}',
  },
  'velocity.popover.inboundTotal': {
    en: 'The inbound figure may include shipments still being prepared',
    zh_CN: '在途数量可能包含尚未发货（处理中）的货件',
  },
  'velocity.popover.availableDays': {
    en: 'Available alone lasts {days} days',
    zh_CN: '仅按当前可售库存：可售 {days} 天',
  },
  'velocity.popover.stockOut': { en: 'Stock-out date: {date}', zh_CN: '断货日期：{date}' },
  'velocity.popover.outNow': { en: 'Out of stock now', zh_CN: '当前已断货' },
  'velocity.popover.trend.up': { en: 'Trend: rising ({change})', zh_CN: '趋势：上升（{change}）' },
  'velocity.popover.trend.down': { en: 'Trend: falling ({change})', zh_CN: '趋势：下降（{change}）' },
  'velocity.popover.trend.flat': { en: 'Trend: steady', zh_CN: '趋势：平稳' },
  'velocity.popover.trend.unknown': { en: 'Trend: not enough history yet', zh_CN: '趋势：数据不足' },
  'velocity.popover.source.snapshots': {
    en: {
      one: 'Source: estimated from {count} visit to this page',
      other: 'Source: estimated from {count} visits to this page',
    },
    zh_CN: '来源：根据 {count} 次浏览本页面的库存记录估算',
  },
  'velocity.popover.source.page': {
    en: 'Source: units sold shown on this page ({days} days)',
    zh_CN: '来源：本页面显示的已售数量（{days} 天）',
  },
  'velocity.popover.source.orders': { en: 'Source: imported order report', zh_CN: '来源：导入的订单报告' },
  'velocity.popover.source.reports': {
    en: 'Source: imported sales report ({days} days)',
    zh_CN: '来源：导入的销售报告（{days} 天）',
  },
  'velocity.popover.confidence.low': { en: 'Confidence: low', zh_CN: '可信度：低' },
  'velocity.popover.confidence.medium': { en: 'Confidence: medium', zh_CN: '可信度：中' },
  'velocity.popover.confidence.high': { en: 'Confidence: high', zh_CN: '可信度：高' },
  'velocity.popover.asOf': { en: 'Stock as last seen: {time}', zh_CN: '库存最后记录时间：{time}' },
  'velocity.popover.tooLittle': {
    en: {
      one: 'Too little history for an estimate ({count} visit so far). Open Manage Inventory on a few more days: an estimate appears once the SKU has been seen in stock for 3 days.',
      other:
        'Too little history for an estimate ({count} visits so far). Open Manage Inventory on a few more days: an estimate appears once the SKU has been seen in stock for 3 days.',
    },
    zh_CN:
      '历史数据不足，暂无法估算（目前 {count} 次浏览记录）。请在接下来几天继续打开“管理库存”页面：记录到有货满 3 天后即显示估算。',
  },
  'velocity.popover.noData': {
    en: 'No sales data for this SKU yet. Shelfwise learns from the inventory pages you open, or from an imported report.',
    zh_CN: '该 SKU 暂无销量数据。Shelfwise 会从您打开的库存页面或导入的报告中获取数据。',
  },
});

export type VelocityKey = keyof typeof velocity;
