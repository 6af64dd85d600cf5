import { defineCatalog } from '../types';

/**
 * The dashboard's "Stock sync" section (库存同步): importing the seller's stock file and SKU mapping,
 * running a reconciliation (库存对账), investigating its differences, staging them as a bulk edit,
 * and the history of runs. The library's own messages are in the `sync` catalog.
 */
export const syncUi = defineCatalog({
  'syncUi.nav': { en: 'Stock sync', zh_CN: '库存同步' },
  'syncUi.heading': { en: 'Stock sync', zh_CN: '库存同步' },
  'syncUi.intro': {
    en: 'Compare the stock file from your own inventory system (ERP, WMS or a spreadsheet) with what Amazon shows, investigate every difference, and stage the merchant-fulfilled ones as a bulk edit. Files are read on this computer; nothing is sent anywhere.',
    zh_CN:
      '将您自己的库存系统（ERP、WMS 或表格）导出的库存文件与亚马逊显示的库存对比，逐条核查差异，并将自发货的差异生成批量编辑。文件只在本机读取，不会发送到任何地方。',
  },
  'syncUi.scope.label': { en: 'Compare with', zh_CN: '对比对象' },
  'syncUi.scope.option': { en: '{account} · {marketplace}', zh_CN: '{account} · {marketplace}' },
  'syncUi.scope.none': {
    en: 'Shelfwise has not seen any inventory yet. Open Manage Inventory in Seller Central first, then come back.',
    zh_CN: 'Shelfwise 还没有看到任何库存。请先在卖家平台打开“管理库存”页面，再回到这里。',
  },
  'syncUi.loadError': { en: 'The stored data could not be read: {error}', zh_CN: '无法读取已保存的数据：{error}' },

  // The stock file.
  'syncUi.file.heading': { en: '1. Your stock file', zh_CN: '1. 您的库存文件' },
  'syncUi.file.label': { en: 'Stock file (CSV, TSV, TXT or .xlsx)', zh_CN: '库存文件（CSV、TSV、TXT 或 .xlsx）' },
  'syncUi.file.hint': {
    en: 'Needs a SKU column and a quantity column; a warehouse and a unit cost column are used when present.',
    zh_CN: '需要 SKU 列和数量列；如有仓库列和成本列也会使用。',
  },
  'syncUi.file.encoding': { en: 'Encoding', zh_CN: '文件编码' },
  'syncUi.file.encodingAuto': { en: 'Detect automatically', zh_CN: '自动识别' },
  'syncUi.file.reading': { en: 'Reading {file}…', zh_CN: '正在读取 {file}……' },
  'syncUi.file.read': {
    en: { one: '{file}: {count} stock row read ({encoding}).', other: '{file}: {count} stock rows read ({encoding}).' },
    zh_CN: '{file}：已读取 {count} 行库存（{encoding}）。',
  },
  'syncUi.file.xlsx': { en: 'Excel workbook', zh_CN: 'Excel 工作簿' },
  'syncUi.file.rejected': { en: '{file}: {message}', zh_CN: '{file}：{message}' },
  'syncUi.file.more': {
    en: { one: 'and {count} more row', other: 'and {count} more rows' },
    zh_CN: '另有 {count} 行',
  },
  'syncUi.file.remembered': {
    en: 'The columns you chose for this file layout were used again.',
    zh_CN: '已沿用您上次为此文件格式选择的列。',
  },
  'syncUi.columns.legend': { en: 'Which column holds what?', zh_CN: '请指定各列的含义' },
  'syncUi.columns.hint': {
    en: 'Your choice is remembered for files with the same headers.',
    zh_CN: '您的选择会被记住，下次导入相同表头的文件时自动使用。',
  },
  'syncUi.columns.none': { en: '(none)', zh_CN: '（无）' },
  'syncUi.columns.use': { en: 'Read with these columns', zh_CN: '按这些列读取' },
  'syncUi.columns.cancel': { en: 'Cancel', zh_CN: '取消' },
  'syncUi.columns.required': {
    en: 'Choose a column for the SKU and one for the quantity.',
    zh_CN: '请为 SKU 和数量各选择一列。',
  },

  // The SKU mapping.
  'syncUi.map.heading': { en: '2. Local SKU → Amazon SKU mapping', zh_CN: '2. 本地SKU → 亚马逊SKU（MSKU）映射' },
  'syncUi.map.intro': {
    en: 'Only needed where your own codes differ from your Amazon seller SKUs. One local SKU may feed several Amazon SKUs; a local SKU without an entry is taken as its own Amazon SKU.',
    zh_CN:
      '仅在您的本地编码与亚马逊卖家 SKU 不同时需要。一个本地SKU 可以对应多个亚马逊 SKU；没有映射的本地SKU 视为同名的亚马逊 SKU。',
  },
  'syncUi.map.file': { en: 'Import a mapping file', zh_CN: '导入映射文件' },
  'syncUi.map.text': {
    en: 'Mapping: one line each, local SKU, tab, Amazon SKU (optionally tab, marketplace code)',
    zh_CN: '映射：每行一条，本地SKU、制表符、亚马逊SKU（可再加制表符和站点代码）',
  },
  'syncUi.map.save': { en: 'Save mapping', zh_CN: '保存映射' },
  'syncUi.map.saved': {
    en: { one: '{count} mapping entry saved.', other: '{count} mapping entries saved.' },
    zh_CN: '已保存 {count} 条映射。',
  },
  'syncUi.map.count': {
    en: { one: '{count} entry in use.', other: '{count} entries in use.' },
    zh_CN: '当前使用 {count} 条映射。',
  },

  // Running it.
  'syncUi.run.heading': { en: '3. Reconcile', zh_CN: '3. 对账' },
  'syncUi.run.button': { en: 'Reconcile', zh_CN: '开始对账' },
  'syncUi.run.needFile': { en: 'Import a stock file first.', zh_CN: '请先导入库存文件。' },
  'syncUi.run.done': {
    en: 'Reconciled {file} against {marketplace}: {differs} differ, {onlyFile} only in the file, {onlyAmazon} only on Amazon, {matches} match, {fba} FBA.',
    zh_CN:
      '已将 {file} 与 {marketplace} 对账：{differs} 个数量差异，{onlyFile} 个仅在文件中，{onlyAmazon} 个仅在亚马逊，{matches} 个一致，{fba} 个亚马逊物流（FBA）。',
  },
  'syncUi.run.failed': { en: 'The reconciliation failed: {error}', zh_CN: '对账失败：{error}' },
  'syncUi.run.merged': {
    en: 'Several local SKUs reached the same Amazon SKU and were added up: {skus}.',
    zh_CN: '多个本地SKU 对应同一亚马逊 SKU，数量已合并：{skus}。',
  },

  // The result.
  'syncUi.result.heading': { en: 'Reconciliation of {file}, {at}', zh_CN: '{file} 的对账结果（{at}）' },
  'syncUi.result.categoryHeading': {
    en: { one: '{category}: {count} SKU', other: '{category}: {count} SKUs' },
    zh_CN: '{category}：{count} 个 SKU',
  },
  'syncUi.result.fbaNote': {
    en: 'For information only: Amazon holds FBA stock in its own warehouses, so your file cannot set it and these rows are never staged or exported.',
    zh_CN: '仅供参考：亚马逊物流（FBA）库存在亚马逊仓库中，您的文件无法设置它，这些行不会被生成批量编辑或导出。',
  },
  'syncUi.result.matchesHidden': {
    en: {
      one: '{count} SKU matches; matching rows are not listed.',
      other: '{count} SKUs match; matching rows are not listed.',
    },
    zh_CN: '{count} 个 SKU 一致，一致的行不再列出。',
  },
  'syncUi.result.truncated': {
    en: 'The first {shown} are listed; export the table for all of them.',
    zh_CN: '仅列出前 {shown} 行；导出表格可查看全部。',
  },
  'syncUi.result.sku': { en: 'SKU', zh_CN: 'SKU' },
  'syncUi.result.status': { en: 'Investigation', zh_CN: '原因核查' },
  'syncUi.result.open': { en: 'Not explained', zh_CN: '未说明' },
  'syncUi.result.explainedNote': { en: 'Explained: {note}', zh_CN: '已说明：{note}' },
  'syncUi.result.explainFor': { en: 'Mark explained: {sku}', zh_CN: '标记为已说明：{sku}' },
  'syncUi.result.noteFor': { en: 'Note for {sku}', zh_CN: '{sku} 的备注' },
  'syncUi.result.save': { en: 'Save', zh_CN: '保存' },
  'syncUi.result.cancel': { en: 'Cancel', zh_CN: '取消' },
  'syncUi.result.reopen': { en: 'Reopen', zh_CN: '重新核查' },
  'syncUi.result.reopenFor': { en: 'Reopen: {sku}', zh_CN: '重新核查：{sku}' },
  'syncUi.result.explainedCount': {
    en: '{explained} of {total} differences explained.',
    zh_CN: '{total} 个差异中已说明 {explained} 个。',
  },
  'syncUi.result.unknown': { en: 'not known', zh_CN: '未知' },
  'syncUi.result.closed': { en: 'closed on Amazon', zh_CN: '亚马逊已关闭' },
  'syncUi.result.shared': { en: 'shared stock', zh_CN: '共享库存' },

  // Actions on a result.
  'syncUi.actions.heading': { en: 'What to do with the differences', zh_CN: '差异处理' },
  'syncUi.actions.stageHint': {
    en: {
      one: '{count} merchant-fulfilled SKU can be set to the file’s quantity.',
      other: '{count} merchant-fulfilled SKUs can be set to the file’s quantities.',
    },
    zh_CN: '{count} 个自发货 SKU 可按文件数量更新。',
  },
  'syncUi.actions.nothingToStage': {
    en: 'No merchant-fulfilled quantity differs: there is nothing to stage or export.',
    zh_CN: '没有自发货库存差异，无需生成批量编辑或导出。',
  },
  'syncUi.actions.staged': {
    en: {
      one: '{count} row staged. Manage Inventory opened in a new tab: open Bulk edit there to check and apply it.',
      other: '{count} rows staged. Manage Inventory opened in a new tab: open Bulk edit there to check and apply them.',
    },
    zh_CN: '已生成 {count} 行。已在新标签页打开“管理库存”：请在那里打开批量编辑，核对后应用。',
  },
  'syncUi.actions.stageFailed': { en: 'Could not stage the rows: {error}', zh_CN: '无法生成批量编辑：{error}' },
  'syncUi.actions.exportFile': { en: 'Export file', zh_CN: '导出文件' },
  'syncUi.actions.exportFileHint': {
    en: 'Amazon’s Price & Quantity file for Add Products via Upload, with the merchant-fulfilled rows whose quantity differs. The batch is kept in Batches.',
    zh_CN: '生成亚马逊“价格和数量”文件（用于“通过上传添加商品”），包含数量有差异的自发货行。该批次会保存在“批次”中。',
  },
  'syncUi.actions.exported': {
    en: { one: '{file} written with {count} row.', other: '{file} written with {count} rows.' },
    zh_CN: '已生成 {file}，共 {count} 行。',
  },
  'syncUi.actions.refused': {
    en: {
      one: '{count} row was left out by the bulk-edit guards: {reasons}',
      other: '{count} rows were left out by the bulk-edit guards: {reasons}',
    },
    zh_CN: '有 {count} 行被批量编辑的保护规则排除：{reasons}',
  },
  'syncUi.actions.exportFailed': { en: 'The file could not be written: {error}', zh_CN: '无法生成文件：{error}' },
  'syncUi.actions.batchName': { en: 'Stock sync: {file}', zh_CN: '库存同步：{file}' },
  'syncUi.actions.csv': { en: 'Export table as CSV', zh_CN: '导出表格（CSV）' },
  'syncUi.actions.xlsx': { en: 'Export table as Excel (.xlsx)', zh_CN: '导出表格（Excel .xlsx）' },

  // History.
  'syncUi.history.heading': { en: 'Earlier reconciliations', zh_CN: '历史对账记录' },
  'syncUi.history.empty': { en: 'No reconciliation yet.', zh_CN: '暂无对账记录。' },
  'syncUi.history.item': {
    en: '{at} · {file} · {differs} differ, {onlyFile} only in the file, {onlyAmazon} only on Amazon · {explained} explained',
    zh_CN:
      '{at} · {file} · {differs} 个数量差异，{onlyFile} 个仅在文件中，{onlyAmazon} 个仅在亚马逊 · 已说明 {explained} 个',
  },
  // Analysis.
  'syncUi.analysis.intro': {
    en: 'Units per day come from what Shelfwise saw on Manage Inventory and from imported order reports, with out-of-stock days left out. Revenue is units × the listing’s current price. Unit costs come from the stock file imported above.',
    zh_CN:
      '日均销量来自 Shelfwise 在“管理库存”页面看到的数据和导入的订单报告，已剔除断货天数。销售额 = 销量 × 商品当前价格。单位成本来自上方导入的库存文件。',
  },
  'syncUi.analysis.period': { en: 'Period', zh_CN: '统计周期' },
  'syncUi.analysis.days': { en: { one: 'Last {count} day', other: 'Last {count} days' }, zh_CN: '最近 {count} 天' },
  'syncUi.analysis.deadDays': { en: 'Dead stock: no sale in (days)', zh_CN: '呆滞库存：无销售天数' },
  'syncUi.analysis.run': { en: 'Analyse sales', zh_CN: '分析销售' },
  'syncUi.analysis.running': { en: 'Analysing…', zh_CN: '正在分析……' },
  'syncUi.analysis.failed': { en: 'The analysis failed: {error}', zh_CN: '分析失败：{error}' },
  'syncUi.analysis.skus': {
    en: { one: '{count} SKU analysed.', other: '{count} SKUs analysed.' },
    zh_CN: '已分析 {count} 个 SKU。',
  },
  'syncUi.analysis.empty': { en: 'No SKUs in this list.', zh_CN: '此列表中没有 SKU。' },
  'syncUi.analysis.firstRows': {
    en: 'The first {shown} of {count} are shown; the export has all of them.',
    zh_CN: '显示前 {shown} 个（共 {count} 个）；导出文件包含全部。',
  },
  'syncUi.analysis.total': { en: 'Total stock value: {value}', zh_CN: '库存货值合计：{value}' },
  'syncUi.analysis.exportCsvOf': { en: 'Export CSV: {list}', zh_CN: '导出 CSV：{list}' },
  'syncUi.analysis.exportXlsxOf': { en: 'Export Excel (.xlsx): {list}', zh_CN: '导出 Excel（.xlsx）：{list}' },

  // ERP-managed SKUs.
  'syncUi.erp.heading': { en: 'SKUs managed by an ERP', zh_CN: '由 ERP 管理的 SKU' },
  'syncUi.erp.intro': {
    en: 'Stock changes of these SKUs made outside Shelfwise are your ERP syncing, and a bulk edit of them warns that the ERP may overwrite it at its next sync.',
    zh_CN: '这些 SKU 在 Shelfwise 之外的库存变动视为 ERP 同步；对它们批量编辑时会提醒：ERP 下次同步可能会覆盖修改。',
  },
  'syncUi.erp.all': { en: 'All SKUs are managed by an ERP', zh_CN: '所有 SKU 均由 ERP 管理' },
  'syncUi.erp.name': { en: 'ERP name (optional)', zh_CN: 'ERP 名称（可选）' },
  'syncUi.erp.skus': {
    en: 'SKUs of {account} · {marketplace} managed by the ERP, one per line',
    zh_CN: '{account} · {marketplace} 中由 ERP 管理的 SKU，每行一个',
  },
  'syncUi.erp.save': { en: 'Save ERP settings', zh_CN: '保存 ERP 设置' },
  'syncUi.erp.saved': {
    en: { one: 'Saved: {count} SKU listed here.', other: 'Saved: {count} SKUs listed here.' },
    zh_CN: '已保存：此处列出 {count} 个 SKU。',
  },
  'syncUi.erp.failed': { en: 'The ERP settings could not be saved: {error}', zh_CN: '无法保存 ERP 设置：{error}' },
  'syncUi.history.show': { en: 'Show', zh_CN: '查看' },
  'syncUi.history.showing': { en: 'Shown above', zh_CN: '正在显示' },
});

export type SyncUiKey = Extract<keyof typeof syncUi, string>;
