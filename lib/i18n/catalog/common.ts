import { defineCatalog } from '../types';

/** Words used by every surface: product name, channels, states, units. */
export const common = defineCatalog({
  'app.name': { en: 'Shelfwise', zh_CN: 'Shelfwise 库存助手' },
  'language.auto': { en: 'Same as the browser', zh_CN: '跟随浏览器' },
  'language.en': { en: 'English', zh_CN: 'English（英语）' },
  'language.zh_CN': { en: '简体中文 (Simplified Chinese)', zh_CN: '简体中文' },
  'channel.fba': { en: 'FBA', zh_CN: '亚马逊物流' },
  'channel.mfn': { en: 'Merchant', zh_CN: '自发货' },
  'state.active': { en: 'Active', zh_CN: '在售' },
  'state.inactive': { en: 'Inactive', zh_CN: '不可售' },
  'state.closed': { en: 'Closed', zh_CN: '已关闭' },
  'reason.out_of_stock': { en: 'Out of stock', zh_CN: '缺货' },
  'reason.pricing_error': { en: 'Pricing error', zh_CN: '价格错误' },
  'reason.search_suppressed': { en: 'Search suppressed', zh_CN: '搜索禁止显示' },
  'reason.missing_information': { en: 'Missing information', zh_CN: '信息不完整' },
  'reason.approval_required': { en: 'Approval required', zh_CN: '需要审批' },
  'reason.stranded': { en: 'Stranded', zh_CN: '无在售信息' },
  'unit.perDay': { en: '{value}/day', zh_CN: '日均 {value}' },
  'unit.days': { en: { one: '{count} day', other: '{count} days' }, zh_CN: '{count} 天' },
  'unit.units': { en: { one: '{count} unit', other: '{count} units' }, zh_CN: '{count} 件' },
  'term.available': { en: 'Available', zh_CN: '可售' },
  'term.inbound': { en: 'In transit', zh_CN: '在途' },
  'term.reserved': { en: 'Reserved', zh_CN: '预留' },
  'term.daysOfCover': { en: 'Days of cover', zh_CN: '可售天数' },
  'term.unitsPerDay': { en: 'Units per day', zh_CN: '日均销量' },
  'term.stockOutDate': { en: 'Stock-out date', zh_CN: '断货日期' },
  'term.suggestedQuantity': { en: 'Suggested reorder', zh_CN: '建议补货量' },
  'term.reorderBy': { en: 'Reorder by', zh_CN: '最晚补货日' },
  'error.generic': {
    en: 'Something went wrong: {message}',
    zh_CN: '出错了：{message}',
  },
  'error.backgroundUnavailable': {
    en: 'Shelfwise’s background worker did not answer. Reload the page; if it persists, reload the extension.',
    zh_CN: 'Shelfwise 后台没有响应。请刷新页面；如仍然如此，请重新加载扩展。',
  },
});
