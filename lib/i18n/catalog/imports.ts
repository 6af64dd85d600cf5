import { defineCatalog } from '../types';

/**
 * The dashboard's Import section: choosing a report file, what Shelfwise asks about it, the
 * progress, the summary before anything is stored, and the import log. Messages about the file
 * itself (what is wrong with it, where) are in the `reports` catalog.
 */
export const imports = defineCatalog({
  'import.nav': { en: 'Import reports', zh_CN: '导入报告' },
  'import.heading': { en: 'Import Amazon reports', zh_CN: '导入亚马逊报告' },
  'import.intro': {
    en: 'Import the reports you download from Seller Central: All Orders, Business Reports, FBA Inventory, Restock Inventory, All or Active Listings and Manage FBA Inventory. Their sales become the source of units per day and reorder figures. Files are read on this computer; nothing is sent anywhere.',
    zh_CN:
      '导入从卖家平台下载的报告：所有订单、业务报告、亚马逊物流库存、补货库存、所有商品或在售商品、管理亚马逊库存。报告中的销量将作为日均销量和补货数据的来源。文件只在这台电脑上读取，不会发送到任何地方。',
  },
  'import.file.group': { en: 'Choose or drop a report', zh_CN: '选择或拖放报告' },
  'import.file.label': { en: 'Report file (.txt, .csv, .tsv)', zh_CN: '报告文件（.txt、.csv、.tsv）' },
  'import.file.hint': {
    en: 'Choose the file as downloaded, or drop it on this box.',
    zh_CN: '请选择下载的原始文件，或将文件拖放到此框中。',
  },
  'import.file.dropHere': { en: 'Drop the file to read it', zh_CN: '松开鼠标即可读取文件' },
  'import.file.oneAtATime': {
    en: 'Drop one file at a time: {count} were dropped.',
    zh_CN: '每次只能导入一个文件，您拖入了 {count} 个。',
  },
  'import.inspecting': { en: 'Reading the start of {file} …', zh_CN: '正在读取 {file} 的开头……' },

  'import.questions.heading': { en: 'What Shelfwise found', zh_CN: 'Shelfwise 识别的结果' },
  'import.field.file': { en: 'File', zh_CN: '文件' },
  'import.field.type': { en: 'Report', zh_CN: '报告类型' },
  'import.field.encoding': { en: 'Encoding', zh_CN: '文件编码' },
  'import.field.numberLocale': { en: 'Number format', zh_CN: '数字格式' },
  'import.field.dateOrder': { en: 'Date order', zh_CN: '日期顺序' },
  'import.field.marketplace': { en: 'Marketplace', zh_CN: '站点' },
  'import.field.account': { en: 'Account', zh_CN: '店铺账户' },
  'import.field.periodFrom': { en: 'First day of the report', zh_CN: '报告开始日期' },
  'import.field.periodTo': { en: 'Last day of the report', zh_CN: '报告结束日期' },
  'import.field.reportDate': { en: 'Day the report was downloaded', zh_CN: '报告下载日期' },
  'import.hint.type': {
    en: 'Recognised from the header row. Choose another only if Shelfwise got it wrong.',
    zh_CN: '根据表头识别。只有识别错误时才需要更改。',
  },
  'import.hint.encodingSure': { en: 'Detected from the file ({encoding}).', zh_CN: '已根据文件识别（{encoding}）。' },
  'import.hint.encodingUnsure': {
    en: 'Shelfwise could only guess the encoding ({encoding}). If names look garbled in the summary, choose another and read the file again.',
    zh_CN: 'Shelfwise 只能推测文件编码（{encoding}）。如果汇总中的名称显示为乱码，请选择其他编码后重新读取。',
  },
  'import.hint.marketplaceFallback': {
    en: 'The file names the marketplace of its rows; this one is used only where it does not.',
    zh_CN: '文件中的行已注明站点；只有未注明的行才使用此处选择的站点。',
  },
  'import.hint.marketplaceNeeded': {
    en: 'The file does not say its marketplace: choose the one you downloaded it from.',
    zh_CN: '文件中没有注明站点：请选择下载该报告的站点。',
  },
  'import.hint.account': {
    en: 'Records are kept per account and marketplace, as the inventory page shows them.',
    zh_CN: '数据按店铺账户和站点分别保存，与库存页面显示的一致。',
  },
  'import.hint.period': {
    en: 'A Business Report does not say its dates: enter the period you chose in Seller Central.',
    zh_CN: '业务报告中不含日期：请输入在卖家平台生成报告时选择的时间段。',
  },
  'import.hint.reportDate': {
    en: 'Its “last 30 days” end the day before. Filled in from the file’s own date; correct it if you downloaded it on another day.',
    zh_CN: '报告中的“过去 30 天”截至该日期的前一天。已按文件日期填写；如果不是当天下载的，请更正。',
  },
  'import.auto': { en: 'As the file shows', zh_CN: '按文件自动识别' },
  'import.number.en': { en: '1,234.56 (decimal point)', zh_CN: '1,234.56（小数点）' },
  'import.number.eu': { en: '1.234,56 (decimal comma)', zh_CN: '1.234,56（小数逗号）' },
  'import.encoding.utf-8': { en: 'UTF-8', zh_CN: 'UTF-8' },
  'import.encoding.utf-16le': { en: 'UTF-16 LE (“Unicode Text”)', zh_CN: 'UTF-16 LE（“Unicode 文本”）' },
  'import.encoding.utf-16be': { en: 'UTF-16 BE', zh_CN: 'UTF-16 BE' },
  'import.encoding.gb18030': { en: 'GB18030 / GBK (Chinese Excel)', zh_CN: 'GB18030 / GBK（中文 Excel）' },
  'import.encoding.shift_jis': { en: 'Shift_JIS / Windows-31J (Japanese)', zh_CN: 'Shift_JIS / Windows-31J（日文）' },
  'import.encoding.windows-1252': { en: 'Windows-1252 (Western European)', zh_CN: 'Windows-1252（西欧）' },
  'import.read': { en: 'Read file', zh_CN: '读取文件' },
  'import.chooseAnother': { en: 'Choose another file', zh_CN: '选择其他文件' },
  'import.changeChoices': { en: 'Change the choices', zh_CN: '修改选项' },
  'import.cancel': { en: 'Cancel', zh_CN: '取消' },

  'import.progress.label': { en: 'Reading {file}', zh_CN: '正在读取 {file}' },
  'import.progress.rows': {
    en: { one: '{percent} of the file, {count} row read', other: '{percent} of the file, {count} rows read' },
    zh_CN: '已读取文件的 {percent}，共 {count} 行',
  },

  'import.refused.heading': { en: 'Not imported', zh_CN: '未导入' },
  'import.refused.nothingStored': { en: 'Nothing was stored.', zh_CN: '未保存任何数据。' },
  'import.errors.caption': { en: 'Rows that could not be read', zh_CN: '无法读取的行' },
  'import.errors.line': { en: 'Line', zh_CN: '行号' },
  'import.errors.column': { en: 'Column', zh_CN: '列' },
  'import.errors.problem': { en: 'Problem', zh_CN: '问题' },
  'import.errors.more': {
    en: { one: '… and {count} more row with errors.', other: '… and {count} more rows with errors.' },
    zh_CN: '……另有 {count} 行有错误。',
  },
  'import.crashed': {
    en: 'Shelfwise could not read the file ({message}). Nothing was stored; try again, and if it happens again, report it with the file’s type and size.',
    zh_CN: 'Shelfwise 无法读取该文件（{message}）。未保存任何数据；请重试，如果仍然出错，请反馈文件的类型和大小。',
  },

  'import.review.heading': { en: 'Check before importing', zh_CN: '导入前请核对' },
  'import.review.encoding': { en: 'Encoding', zh_CN: '编码' },
  'import.review.numbers': { en: 'Numbers read as', zh_CN: '数字格式' },
  'import.review.rows': { en: 'Rows', zh_CN: '行数' },
  'import.review.period': { en: 'Period', zh_CN: '统计时段' },
  'import.review.reportDate': { en: 'Downloaded on', zh_CN: '下载日期' },
  'import.review.marketplaces': { en: 'Marketplaces', zh_CN: '站点' },
  'import.review.skus': { en: 'SKUs', zh_CN: 'SKU 数' },
  'import.review.orders': { en: 'Orders', zh_CN: '订单' },
  'import.review.ordersText': {
    en: '{lines} order lines, {units} units, from {from} to {to}',
    zh_CN: '{lines} 条订单明细，共 {units} 件，{from} 至 {to}',
  },
  'import.review.stored': { en: 'Will be stored', zh_CN: '将保存' },
  'import.review.range': { en: '{from} – {to}', zh_CN: '{from} 至 {to}' },
  'import.review.notes': { en: 'Notes', zh_CN: '提示' },
  'import.unmapped.caption': { en: 'ASINs not assigned to a SKU', zh_CN: '未对应到 SKU 的 ASIN' },
  'import.unmapped.asin': { en: 'ASIN', zh_CN: 'ASIN' },
  'import.unmapped.title': { en: 'Title', zh_CN: '标题' },
  'import.unmapped.units': { en: 'Units ordered', zh_CN: '已订购数量' },
  'import.unmapped.reason': { en: 'Why', zh_CN: '原因' },
  'import.commit': { en: 'Import', zh_CN: '导入' },
  'import.nothingToStore': {
    en: 'There is nothing in this file to import.',
    zh_CN: '该文件中没有可导入的内容。',
  },
  'import.committing': { en: 'Importing …', zh_CN: '正在导入……' },
  'import.done': { en: '{file} imported: {stored}.', zh_CN: '已导入 {file}：{stored}。' },
  'import.commitFailed': {
    en: 'The import could not be stored ({message}). Nothing was stored: try again.',
    zh_CN: '导入无法保存（{message}）。未保存任何数据，请重试。',
  },

  'import.count.skus': { en: { one: '{count} SKU', other: '{count} SKUs' }, zh_CN: '{count} 个 SKU' },
  'import.count.rows': { en: { one: '{count} row', other: '{count} rows' }, zh_CN: '{count} 行' },
  'import.count.orderLines': {
    en: { one: '{count} order line', other: '{count} order lines' },
    zh_CN: '{count} 条订单明细',
  },
  'import.count.orderLinesStored': {
    en: {
      one: '{count} order line ({added} new, {updated} updated)',
      other: '{count} order lines ({added} new, {updated} updated)',
    },
    zh_CN: '{count} 条订单明细（新增 {added} 条，更新 {updated} 条）',
  },
  'import.count.periodSales': {
    en: { one: '{count} sales figure', other: '{count} sales figures' },
    zh_CN: '{count} 条销量数据',
  },
  'import.count.fba': {
    en: { one: 'FBA stock of {count} SKU', other: 'FBA stock of {count} SKUs' },
    zh_CN: '{count} 个 SKU 的亚马逊物流库存',
  },
  'import.count.listings': {
    en: { one: '{count} listing', other: '{count} listings' },
    zh_CN: '{count} 条商品信息',
  },
  'import.count.unmapped': {
    en: { one: '{count} ASIN not assigned', other: '{count} ASINs not assigned' },
    zh_CN: '{count} 个 ASIN 未对应',
  },

  'import.log.heading': { en: 'Import log', zh_CN: '导入记录' },
  'import.log.caption': { en: 'Reports imported, newest first', zh_CN: '已导入的报告（最新的在前）' },
  'import.log.empty': { en: 'No report has been imported yet.', zh_CN: '尚未导入任何报告。' },
  'import.log.when': { en: 'Imported', zh_CN: '导入时间' },
  'import.log.file': { en: 'File', zh_CN: '文件' },
  'import.log.type': { en: 'Report', zh_CN: '报告类型' },
  'import.log.account': { en: 'Account', zh_CN: '店铺账户' },
  'import.log.marketplace': { en: 'Marketplace', zh_CN: '站点' },
  'import.log.rows': { en: 'Rows', zh_CN: '行数' },
  'import.log.period': { en: 'Period', zh_CN: '统计时段' },
  'import.log.stored': { en: 'Stored', zh_CN: '已保存' },
  'import.log.loadFailed': {
    en: 'The import log could not be read: {message}',
    zh_CN: '无法读取导入记录：{message}',
  },
});

export type ImportsCatalog = typeof imports;
export type ImportsKey = Extract<keyof ImportsCatalog, string>;
