import { defineCatalog } from '../types';

export const popup = defineCatalog({
  'popup.title': { en: 'Low stock', zh_CN: '低库存' },
  'popup.empty.title': { en: 'Nothing to show yet', zh_CN: '暂无数据' },
  'popup.empty.body': {
    en: 'Visit Manage Inventory in Seller Central to start: Shelfwise learns your stock from the pages you open.',
    zh_CN: '请先打开卖家平台的“管理所有库存”页面：Shelfwise 会从您打开的页面中记录库存。',
  },
  'popup.openDashboard': { en: 'Open dashboard', zh_CN: '打开控制台' },
});
