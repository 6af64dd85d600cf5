import { defineCatalog } from '../types';

/**
 * Stock sync (库存对账): the seller's own stock file, the local SKU → MSKU mapping, reconciliation
 * against Amazon, ERP-managed SKUs and the sales analysis. The library returns these keys with
 * parameters; the dashboard formats them in the seller's language.
 */
export const sync = defineCatalog({
  // Reading a stock or mapping file: whole-file problems (nothing is imported).
  'sync.error.empty': {
    en: 'The file is empty. Choose the file exported from your inventory system.',
    zh_CN: '文件为空。请选择从您的库存系统导出的文件。',
  },
  'sync.error.image': {
    en: 'This is an image ({format}), not a stock file. Choose the CSV, TXT or .xlsx export.',
    zh_CN: '这是一张图片（{format}），不是库存文件。请选择导出的 CSV、TXT 或 .xlsx 文件。',
  },
  'sync.error.pdf': {
    en: 'This is a PDF, not a stock file. Export the stock list as CSV or .xlsx instead.',
    zh_CN: '这是 PDF 文件，不是库存文件。请将库存表导出为 CSV 或 .xlsx。',
  },
  'sync.error.xls': {
    en: 'This is an old Excel .xls file. Open it in Excel and save it as .xlsx or CSV, then choose that file.',
    zh_CN: '这是旧版 Excel .xls 文件。请在 Excel 中另存为 .xlsx 或 CSV，再选择该文件。',
  },
  'sync.error.archive': {
    en: 'This is a compressed archive ({format}). Unpack it and choose the stock file inside.',
    zh_CN: '这是压缩包（{format}）。请先解压，再选择其中的库存文件。',
  },
  'sync.error.binary': {
    en: 'This file is not text or .xlsx. Choose the CSV, TXT or .xlsx export of your stock.',
    zh_CN: '此文件不是文本或 .xlsx 文件。请选择库存的 CSV、TXT 或 .xlsx 导出文件。',
  },
  'sync.error.encoding': {
    en: 'Byte {offset} (near line {line}) is not valid {encoding}. Choose the file’s encoding (for a file saved by Chinese Excel: GB18030) and try again.',
    zh_CN:
      '第 {offset} 字节（约第 {line} 行）不是有效的 {encoding} 编码。请选择文件的编码（中文版 Excel 保存的文件通常为 GB18030）后重试。',
  },
  'sync.error.truncated': {
    en: 'The file ends in the middle of a character (byte {offset}): it was cut off. Export it again.',
    zh_CN: '文件在一个字符中间结束（第 {offset} 字节），文件不完整。请重新导出。',
  },
  'sync.error.unclosedQuote': {
    en: 'A quote opened on line {line} is never closed, so the rest of the file cannot be read. Fix that line or export the file again.',
    zh_CN: '第 {line} 行的引号没有闭合，文件其余部分无法读取。请修正该行或重新导出文件。',
  },
  'sync.error.xlsxInvalid': {
    en: 'This .xlsx file cannot be opened: {detail}. Open it in Excel and save it again, or export CSV.',
    zh_CN: '无法打开此 .xlsx 文件：{detail}。请在 Excel 中重新保存，或导出为 CSV。',
  },
  'sync.error.xlsxNoSheet': {
    en: 'This .xlsx file has no worksheet. Save the stock list as a normal worksheet and try again.',
    zh_CN: '此 .xlsx 文件中没有工作表。请将库存表保存为普通工作表后重试。',
  },
  'sync.error.noHeader': {
    en: 'No header row was found. The first row must name the columns (SKU, quantity …).',
    zh_CN: '未找到表头行。第一行必须是列名（SKU、数量……）。',
  },
  'sync.error.mappingRequired': {
    en: 'The columns were not recognised. Choose which column holds the SKU and which the quantity.',
    zh_CN: '无法识别列名。请指定哪一列是 SKU、哪一列是数量。',
  },
  'sync.error.badMapping': {
    en: 'The column choice does not fit this file ({column}): the file has {columns} columns. Choose the columns again.',
    zh_CN: '所选列与此文件不符（{column}）：文件共有 {columns} 列。请重新选择列。',
  },
  'sync.error.noRows': {
    en: 'The file has a header but no stock rows. Nothing was imported.',
    zh_CN: '文件只有表头，没有库存行。未导入任何内容。',
  },
  'sync.error.rows': {
    en: {
      one: '{count} row could not be read. Nothing was imported: fix the row and import the file again.',
      other: '{count} rows could not be read. Nothing was imported: fix the rows and import the file again.',
    },
    zh_CN: '有 {count} 行无法读取，未导入任何内容。请修正这些行后重新导入文件。',
  },
  'sync.error.mappingColumns': {
    en: 'The mapping file needs two columns: your own SKU (本地SKU) and the Amazon seller SKU (MSKU).',
    zh_CN: '映射文件需要两列：本地SKU 和亚马逊卖家 SKU（MSKU）。',
  },
  'sync.error.mappingConflicts': {
    en: {
      one: '{count} Amazon SKU is mapped from more than one local SKU. Nothing was imported.',
      other: '{count} Amazon SKUs are mapped from more than one local SKU. Nothing was imported.',
    },
    zh_CN: '有 {count} 个亚马逊 SKU 对应了多个本地SKU，未导入任何内容。',
  },

  // Row problems (line numbers are file lines; header = line 1; rows of an .xlsx: Excel's row number).
  'sync.row.noSku': { en: 'Line {line}: the SKU is empty.', zh_CN: '第 {line} 行：SKU 为空。' },
  'sync.row.skuTooLong': {
    en: 'Line {line}: the SKU is longer than 200 characters, more than Amazon allows.',
    zh_CN: '第 {line} 行：SKU 超过 200 个字符，超出亚马逊的上限。',
  },
  'sync.row.noQuantity': { en: 'Line {line}: the quantity is empty.', zh_CN: '第 {line} 行：数量为空。' },
  'sync.row.badQuantity': {
    en: 'Line {line}: “{value}” in {column} is not a quantity.',
    zh_CN: '第 {line} 行：{column} 列的“{value}”不是有效数量。',
  },
  'sync.row.notWhole': {
    en: 'Line {line}: “{value}” in {column} is not a whole number of units.',
    zh_CN: '第 {line} 行：{column} 列的“{value}”不是整数件数。',
  },
  'sync.row.negative': {
    en: 'Line {line}: “{value}” in {column} is negative. Stock to compare with Amazon cannot be below 0.',
    zh_CN: '第 {line} 行：{column} 列的“{value}”为负数。与亚马逊对比的库存不能小于 0。',
  },
  'sync.row.wrongLocale': {
    en: 'Line {line}: “{value}” in {column} is written differently from the rest of the file’s numbers (like {example}).',
    zh_CN: '第 {line} 行：{column} 列的“{value}”与文件中其他数字的写法（如 {example}）不一致。',
  },
  'sync.row.badCost': {
    en: 'Line {line}: “{value}” in {column} is not a cost.',
    zh_CN: '第 {line} 行：{column} 列的“{value}”不是有效成本。',
  },
  'sync.row.duplicate': {
    en: 'Line {line}: SKU {sku} already appears on line {first} for the same warehouse.',
    zh_CN: '第 {line} 行：SKU {sku} 在同一仓库中已出现在第 {first} 行。',
  },
  'sync.row.noMsku': { en: 'Line {line}: the Amazon SKU (MSKU) is empty.', zh_CN: '第 {line} 行：MSKU 为空。' },
  'sync.row.noLocal': { en: 'Line {line}: the local SKU is empty.', zh_CN: '第 {line} 行：本地SKU 为空。' },
  'sync.row.badMarketplace': {
    en: 'Line {line}: “{value}” is not a marketplace code (use US, UK, DE, JP …, or leave it empty for all).',
    zh_CN: '第 {line} 行：“{value}”不是站点代码（请填写 US、UK、DE、JP 等，留空表示所有站点）。',
  },
  'sync.row.mappingConflict': {
    en: 'Line {line}: MSKU {msku} is mapped from local SKU {local}, but line {otherLine} maps it from {otherLocal}. One Amazon SKU can come from one local SKU only.',
    zh_CN:
      '第 {line} 行：MSKU {msku} 对应本地SKU {local}，但第 {otherLine} 行将其对应到 {otherLocal}。一个亚马逊 SKU 只能对应一个本地SKU。',
  },
  'sync.warning.totalRows': {
    en: { one: '{count} total row was skipped.', other: '{count} total rows were skipped.' },
    zh_CN: '已跳过 {count} 行合计。',
  },
  'sync.warning.encodingGuessed': {
    en: 'The encoding was guessed as {encoding}. If names look wrong, choose the encoding and import again.',
    zh_CN: '文件编码推测为 {encoding}。如文字显示乱码，请选择编码后重新导入。',
  },

  // Column names for the mapping step.
  'sync.column.sku': { en: 'SKU', zh_CN: 'SKU' },
  'sync.column.localSku': { en: 'Local SKU', zh_CN: '本地SKU' },
  'sync.column.msku': { en: 'Amazon SKU (MSKU)', zh_CN: '亚马逊SKU（MSKU）' },
  'sync.column.quantity': { en: 'Quantity', zh_CN: '数量' },
  'sync.column.warehouse': { en: 'Warehouse', zh_CN: '仓库' },
  'sync.column.cost': { en: 'Unit cost', zh_CN: '成本' },
  'sync.column.marketplace': { en: 'Marketplace', zh_CN: '站点' },

  // Reconciliation (库存对账).
  'sync.reconcile.title': { en: 'Stock reconciliation', zh_CN: '库存对账' },
  'sync.category.differs': { en: 'Quantities differ', zh_CN: '数量差异' },
  'sync.category.only-file': { en: 'Only in the file', zh_CN: '仅在文件中' },
  'sync.category.only-amazon': { en: 'Only on Amazon', zh_CN: '仅在亚马逊' },
  'sync.category.matches': { en: 'Matches', zh_CN: '一致' },
  'sync.category.fba': { en: 'FBA — for information only', zh_CN: '亚马逊物流（FBA）— 仅供参考' },
  'sync.reconcile.category': { en: 'Category', zh_CN: '类别' },
  'sync.reconcile.fileQuantity': { en: 'File quantity', zh_CN: '文件库存' },
  'sync.reconcile.amazonQuantity': { en: 'Amazon quantity', zh_CN: '亚马逊库存' },
  'sync.reconcile.difference': { en: 'Difference', zh_CN: '差异' },
  'sync.reconcile.inbound': { en: 'Inbound', zh_CN: '在途' },
  'sync.reconcile.amazonUnknown': {
    en: 'Amazon’s quantity is not known yet: open this SKU on Manage Inventory.',
    zh_CN: '尚不知道亚马逊库存：请在“管理库存”页面打开此 SKU。',
  },
  'sync.reconcile.closed': {
    en: 'The listing is closed on Amazon.',
    zh_CN: '该商品在亚马逊已关闭。',
  },
  'sync.reconcile.sharedStock': {
    en: 'Shared stock: local SKU {local} feeds {count} Amazon SKUs, and each is compared with the whole {quantity}.',
    zh_CN: '共享库存：本地SKU {local} 对应 {count} 个亚马逊 SKU，每个都与全部库存 {quantity} 对比。',
  },
  'sync.reconcile.mergedSources': {
    en: 'Several local SKUs ({locals}) supply this Amazon SKU; their quantities were added up.',
    zh_CN: '多个本地SKU（{locals}）对应此亚马逊 SKU，数量已合并计算。',
  },
  'sync.reconcile.explained': { en: 'Explained', zh_CN: '已说明原因' },
  'sync.reconcile.explain': { en: 'Mark explained', zh_CN: '标记为已说明' },
  'sync.reconcile.note': { en: 'Note', zh_CN: '备注' },
  'sync.reconcile.stage': { en: 'Stage as bulk edit', zh_CN: '生成批量编辑' },
  'sync.reconcile.toleranceUnits': { en: 'Tolerance (units)', zh_CN: '允许误差（件）' },
  'sync.reconcile.tolerancePercent': { en: 'Tolerance (%)', zh_CN: '允许误差（%）' },

  // ERP-managed SKUs.
  'sync.erp.label': { en: 'ERP sync', zh_CN: 'ERP 同步' },
  'sync.erp.managed': { en: 'Managed by an ERP', zh_CN: '由 ERP 管理' },

  // Analysis.
  'sync.analysis.title': { en: 'Sales analysis', zh_CN: '销售分析' },
  'sync.analysis.abc': { en: 'ABC classification', zh_CN: 'ABC分类' },
  'sync.analysis.abcByUnits': { en: 'ABC by units', zh_CN: 'ABC分类（按销量）' },
  'sync.analysis.abcByRevenue': { en: 'ABC by revenue', zh_CN: 'ABC分类（按销售额）' },
  'sync.analysis.class': { en: 'Class', zh_CN: '类别' },
  'sync.analysis.share': { en: 'Share', zh_CN: '占比' },
  'sync.analysis.cumulativeShare': { en: 'Cumulative share', zh_CN: '累计占比' },
  'sync.analysis.noData': { en: 'No data', zh_CN: '无数据' },
  'sync.analysis.units': { en: 'Units sold', zh_CN: '销量' },
  'sync.analysis.revenue': { en: 'Revenue', zh_CN: '销售额' },
  'sync.analysis.perDay': { en: 'Units per day', zh_CN: '日均销量' },
  'sync.analysis.stock': { en: 'Stock on hand', zh_CN: '现有库存' },
  'sync.analysis.daysOfCover': { en: 'Days of cover', zh_CN: '可售天数' },
  'sync.analysis.fastMovers': { en: 'Fast movers', zh_CN: '畅销品' },
  'sync.analysis.slowMovers': { en: 'Slow movers', zh_CN: '滞销品' },
  'sync.analysis.deadStock': { en: 'Dead stock', zh_CN: '呆滞库存' },
  'sync.analysis.lastSale': { en: 'Last sale', zh_CN: '最近销售日期' },
  'sync.analysis.daysSinceSale': { en: 'Days since last sale', zh_CN: '距上次销售天数' },
  'sync.analysis.sellThrough': { en: 'Sell-through', zh_CN: '动销率' },
  'sync.analysis.stockValue': { en: 'Stock value', zh_CN: '库存货值' },
  'sync.analysis.unitCost': { en: 'Unit cost', zh_CN: '单位成本' },
  'sync.analysis.costMissing': {
    en: { one: '{count} SKU has no cost and is not counted.', other: '{count} SKUs have no cost and are not counted.' },
    zh_CN: '{count} 个 SKU 没有成本，未计入。',
  },
  'sync.analysis.export': { en: 'Export', zh_CN: '导出' },
  'sync.analysis.exportCsv': { en: 'Export CSV', zh_CN: '导出 CSV' },
  'sync.analysis.exportXlsx': { en: 'Export Excel (.xlsx)', zh_CN: '导出 Excel（.xlsx）' },
});

export type SyncCatalog = typeof sync;
export type SyncKey = Extract<keyof SyncCatalog, string>;
