import { defineCatalog } from '../types';

/** The dashboard's list of bulk-edit batches (journal, outcomes, interrupted runs). */
export const batches = defineCatalog({
  'batches.nav': { en: 'Batches', zh_CN: '批量修改记录' },
  'batches.title': { en: 'Bulk-edit batches', zh_CN: '批量修改记录' },
  'batches.intro': {
    en: 'Every batch Shelfwise applied through the page or exported as a file, newest first, with what happened to each row. A batch that was interrupted (the tab closed, the page navigated, the extension updated) shows which rows were saved and which were not reached; nothing is retried on its own.',
    zh_CN:
      '通过页面应用或导出为文件的每一批修改，按时间倒序排列，并列出每一行的结果。被中断的批次（标签页关闭、页面跳转、扩展更新）会显示哪些行已保存、哪些行未处理；Shelfwise 不会自行重试。',
  },
  'batches.filter.label': { en: 'Show', zh_CN: '显示' },
  'batches.filter.all': { en: 'All batches', zh_CN: '全部批次' },
  'batches.filter.attention': {
    en: 'Needing attention (interrupted, cancelled, failed, partly applied)',
    zh_CN: '需要处理的（已中断、已取消、失败、部分生效）',
  },
  'batches.count': {
    en: { one: '{count} batch', other: '{count} batches' },
    zh_CN: '{count} 个批次',
  },
  'batches.empty': {
    en: 'No batches yet. Open Bulk edit on Manage Inventory to make one.',
    zh_CN: '还没有批次。在“管理所有库存”页面打开“批量编辑”来创建。',
  },
  'batches.emptyFiltered': { en: 'No batch needs attention.', zh_CN: '没有需要处理的批次。' },
  'batches.loadError': {
    en: 'The batches could not be read from this browser’s storage: {error}. Reload the dashboard; if it persists, restart the browser.',
    zh_CN: '无法从浏览器存储中读取批次：{error}。请刷新控制台；如仍出现，请重启浏览器。',
  },
  'batches.more': { en: 'Show older batches', zh_CN: '显示更早的批次' },
});
