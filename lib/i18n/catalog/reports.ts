import { defineCatalog } from '../types';

/**
 * Importing Amazon reports: report names, what went wrong with a file, with a row, and notes on
 * an import that succeeded. Messages say what happened, where, and what to do; `{type}` is a report
 * name from `reports.type.*` (formatReportMessage fills it in). Chinese report names follow
 * Seller Central's Chinese UI.
 */
export const reports = defineCatalog({
  'reports.type.all-orders': { en: 'All Orders report', zh_CN: '所有订单报告' },
  'reports.type.business-child': {
    en: 'Business Report (Detail Page Sales and Traffic by Child Item)',
    zh_CN: '业务报告（按子商品详情页面上的销售量与访问量）',
  },
  'reports.type.business-asin': {
    en: 'Business Report by ASIN (without a SKU column)',
    zh_CN: '业务报告（按 ASIN，无 SKU 列）',
  },
  'reports.type.fba-inventory': {
    en: 'FBA Inventory (Inventory Planning) report',
    zh_CN: '亚马逊物流库存报告（库存规划）',
  },
  'reports.type.restock': { en: 'Restock Inventory report', zh_CN: '补货库存报告' },
  'reports.type.all-listings': { en: 'All Listings report', zh_CN: '所有商品报告' },
  'reports.type.active-listings': { en: 'Active Listings report', zh_CN: '在售商品报告' },
  'reports.type.manage-fba': { en: 'Manage FBA Inventory report', zh_CN: '管理亚马逊库存报告' },

  'reports.error.empty': {
    en: 'The file is empty. Download the report again from Seller Central and import the new file.',
    zh_CN: '文件是空的。请从卖家平台重新下载报告，再导入新文件。',
  },
  'reports.error.image': {
    en: 'This file is a {format} image, not a report. Choose the report file (.txt or .csv) downloaded from Seller Central.',
    zh_CN: '该文件是 {format} 图片，不是报告。请选择从卖家平台下载的报告文件（.txt 或 .csv）。',
  },
  'reports.error.pdf': {
    en: 'This file is a PDF document, not a report. Choose the report file (.txt or .csv) downloaded from Seller Central.',
    zh_CN: '该文件是 PDF 文档，不是报告。请选择从卖家平台下载的报告文件（.txt 或 .csv）。',
  },
  'reports.error.spreadsheet': {
    en: 'This is an Excel workbook ({format}), not a text report. Import the .txt or .csv file as downloaded, or in Excel choose Save As › “CSV UTF-8”.',
    zh_CN:
      '该文件是 Excel 工作簿（{format}），不是文本报告。请导入下载的原始 .txt 或 .csv 文件，或在 Excel 中选择“另存为 › CSV UTF-8”。',
  },
  'reports.error.archive': {
    en: 'This file is compressed ({format}). Unzip it and import the report inside.',
    zh_CN: '该文件是压缩包（{format}）。请先解压，再导入其中的报告。',
  },
  'reports.error.binary': {
    en: 'This file is not text: it contains binary data near the start. Choose the report file (.txt or .csv) as downloaded from Seller Central.',
    zh_CN: '该文件不是文本文件：开头附近有二进制数据。请选择从卖家平台下载的原始报告文件（.txt 或 .csv）。',
  },
  'reports.error.encoding': {
    en: 'The file is not valid {encoding} text at byte {offset} (near line {line}). Choose the file’s encoding by hand, or save it again as “CSV UTF-8”.',
    zh_CN:
      '文件在第 {offset} 字节（约第 {line} 行）处不是有效的 {encoding} 文本。请手动选择文件编码，或将文件另存为“CSV UTF-8”。',
  },
  'reports.error.truncated': {
    en: 'The file ends in the middle of a character (byte {offset}): it looks cut off. Download the report again.',
    zh_CN: '文件在一个字符中间结束（第 {offset} 字节），看起来不完整。请重新下载报告。',
  },
  'reports.error.unclosedQuote': {
    en: 'A quoted field that starts on line {line} is never closed: the file looks cut off, or a quote mark is stray. Download the report again.',
    zh_CN: '从第 {line} 行开始的带引号字段没有结束：文件可能不完整，或有多余的引号。请重新下载报告。',
  },
  'reports.error.recordTooLong': {
    en: 'From line {line} on, one field runs for more than {size} characters without a closing quote. A stray quote mark is the usual cause: check that line in a text editor.',
    zh_CN:
      '从第 {line} 行开始，有一个字段超过 {size} 个字符仍没有结束引号，通常是多了一个引号。请用文本编辑器检查该行。',
  },
  'reports.error.unrecognised': {
    en: 'Shelfwise does not recognise this file as an Amazon report. The closest is the {type}, which needs the columns: {columns}.',
    zh_CN: 'Shelfwise 无法识别该文件是哪种亚马逊报告。最接近的是{type}，它需要以下列：{columns}。',
  },
  'reports.error.noHeader': {
    en: 'This file has no header row: there is no line break in its first {size} characters. It is not a report Shelfwise can read.',
    zh_CN: '该文件没有表头行：前 {size} 个字符中没有换行。这不是 Shelfwise 可以读取的报告。',
  },
  'reports.error.missingColumns': {
    en: 'This looks like the {type}, but these columns are missing: {columns}. Download the report again without removing columns.',
    zh_CN: '该文件看起来是{type}，但缺少以下列：{columns}。请重新下载报告，不要删除任何列。',
  },
  'reports.error.duplicateColumn': {
    en: 'The column “{column}” appears twice (columns {first} and {second}). Remove one of them and import again.',
    zh_CN: '“{column}”列出现了两次（第 {first} 列和第 {second} 列）。请删除其中一列后重新导入。',
  },
  'reports.error.periodRequired': {
    en: 'The {type} does not say which dates it covers. Enter the first and last day you chose when you requested it.',
    zh_CN: '{type}中没有注明统计日期。请输入您生成报告时选择的开始日期和结束日期。',
  },
  'reports.error.reportDateRequired': {
    en: 'The {type} does not say when it was made. Enter the day you downloaded it: its “last 30 days” end the day before.',
    zh_CN: '{type}中没有注明生成日期。请输入下载报告的日期：“过去 30 天”截至该日期的前一天。',
  },
  'reports.error.badPeriod': {
    en: 'The dates {from} – {to} are not a valid period: enter two dates (YYYY-MM-DD), the first not after the second.',
    zh_CN: '日期 {from} – {to} 不是有效的时间段：请输入两个日期（YYYY-MM-DD），且开始日期不晚于结束日期。',
  },
  'reports.error.marketplaceRequired': {
    en: 'The file does not say its marketplace (for example the sales channel “{channel}”). Choose the marketplace, then import again.',
    zh_CN: '文件中没有注明站点（例如销售渠道“{channel}”）。请选择站点后重新导入。',
  },
  'reports.error.rows': {
    en: {
      one: '{count} row could not be read. Nothing was imported: correct the file (see the list) and import it again.',
      other:
        '{count} rows could not be read. Nothing was imported: correct the file (see the list) and import it again.',
    },
    zh_CN: '有 {count} 行无法读取，本次未导入任何数据。请按列表修改文件后重新导入。',
  },
  'reports.error.cancelled': { en: 'Import cancelled. Nothing was imported.', zh_CN: '导入已取消，未导入任何数据。' },

  'reports.row.notNumber': {
    en: '“{value}” in “{column}” is not a number.',
    zh_CN: '“{column}”中的“{value}”不是数字。',
  },
  'reports.row.wrongLocale': {
    en: '“{value}” in “{column}” does not match the number format of the rest of the file ({example}).',
    zh_CN: '“{column}”中的“{value}”与文件其余部分的数字格式（{example}）不一致。',
  },
  'reports.row.notWhole': {
    en: '“{value}” in “{column}” is not a whole number.',
    zh_CN: '“{column}”中的“{value}”不是整数。',
  },
  'reports.row.negative': {
    en: '“{column}” cannot be negative (“{value}”).',
    zh_CN: '“{column}”不能为负数（“{value}”）。',
  },
  'reports.row.tooLarge': {
    en: '“{value}” in “{column}” is too large to be right.',
    zh_CN: '“{column}”中的“{value}”数值过大，不合理。',
  },
  'reports.row.required': { en: '“{column}” is empty.', zh_CN: '“{column}”为空。' },
  'reports.row.badInstant': {
    en: '“{value}” in “{column}” is not a date and time with its time zone (such as 2024-11-23T06:43:27+00:00).',
    zh_CN: '“{column}”中的“{value}”不是带时区的日期时间（例如 2024-11-23T06:43:27+00:00）。',
  },
  'reports.row.badDay': {
    en: '“{value}” in “{column}” is not a date in the form the rest of the file uses ({example}).',
    zh_CN: '“{column}”中的“{value}”不是与文件其余部分相同格式的日期（{example}）。',
  },
  'reports.row.invalid': { en: '“{value}” in “{column}” is not valid.', zh_CN: '“{column}”中的“{value}”无效。' },
  'reports.row.badAsin': {
    en: '“{value}” in “{column}” is not an ASIN (10 letters and digits).',
    zh_CN: '“{column}”中的“{value}”不是 ASIN（10 位字母和数字）。',
  },
  'reports.row.fieldCount': {
    en: 'This row has {found} fields but the header has {expected}. The file may be cut off, or a field contains an unquoted separator.',
    zh_CN: '该行有 {found} 个字段，而表头有 {expected} 个。文件可能不完整，或某个字段中含有未加引号的分隔符。',
  },
  'reports.row.badQuotes': {
    en: 'A quote mark in this row is misplaced, so its fields cannot be told apart safely.',
    zh_CN: '该行有位置错误的引号，无法可靠地拆分字段。',
  },
  'reports.row.repeatedHeader': {
    en: 'This row repeats the header: two reports were joined into one file. Import each report on its own.',
    zh_CN: '该行重复了表头：两份报告被合并到了一个文件中。请分别导入每份报告。',
  },
  'reports.row.duplicateKey': {
    en: '“{key}” appears more than once (first on line {first}).',
    zh_CN: '“{key}”出现了不止一次（第一次在第 {first} 行）。',
  },
  'reports.row.unknownMarketplace': {
    en: '“{value}” in “{column}” is not a marketplace Shelfwise knows.',
    zh_CN: '“{column}”中的“{value}”不是 Shelfwise 支持的站点。',
  },

  'reports.warning.encodingGuessed': {
    en: 'The file’s encoding was guessed as {encoding}. If product names look garbled, choose the encoding by hand and import again.',
    zh_CN: '文件编码被推测为 {encoding}。如果商品名称显示为乱码，请手动选择编码后重新导入。',
  },
  'reports.warning.totalRows': {
    en: {
      one: '{count} summary row (“Total”) was left out.',
      other: '{count} summary rows (“Total”) were left out.',
    },
    zh_CN: '已跳过 {count} 行汇总行（“合计”）。',
  },
  'reports.warning.noRows': {
    en: 'The report has a header but no rows: there is nothing to import.',
    zh_CN: '该报告只有表头，没有数据行，无可导入的内容。',
  },
  'reports.warning.numberLocaleAssumed': {
    en: 'No number in the file shows which decimal mark it uses; numbers such as “{value}” were read as {example}. If that is wrong, choose the number format by hand.',
    zh_CN: '文件中没有数字能表明所用的小数点符号；“{value}”等数字按 {example} 的格式读取。如有误，请手动选择数字格式。',
  },
  'reports.warning.dateOrderAssumed': {
    en: 'Dates such as “{value}” could be day/month or month/day; they were read as {order}, the marketplace’s usual order.',
    zh_CN: '“{value}”等日期既可能是日/月，也可能是月/日；已按该站点的常用顺序（{order}）读取。',
  },
  'reports.warning.unmapped': {
    en: {
      one: '{count} ASIN could not be matched to one of your SKUs; its sales are listed separately and were not assigned to any SKU.',
      other:
        '{count} ASINs could not be matched to one of your SKUs; their sales are listed separately and were not assigned to any SKU.',
    },
    zh_CN: '有 {count} 个 ASIN 无法对应到您的 SKU；其销量已单独列出，未计入任何 SKU。',
  },
  'reports.warning.nonAmazon': {
    en: {
      one: '{count} order line from a non-Amazon channel (Multi-Channel Fulfilment) was counted in {marketplace}.',
      other: '{count} order lines from non-Amazon channels (Multi-Channel Fulfilment) were counted in {marketplace}.',
    },
    zh_CN: '有 {count} 条来自非亚马逊渠道（多渠道配送）的订单明细已计入 {marketplace} 站点。',
  },
  'reports.unmapped.unknown': { en: 'No SKU known for this ASIN', zh_CN: '没有与该 ASIN 对应的 SKU' },
  'reports.unmapped.ambiguous': {
    en: 'Several SKUs share this ASIN ({skus}); the units cannot be split between them',
    zh_CN: '多个 SKU 共用该 ASIN（{skus}），无法拆分销量',
  },
  'reports.dateOrder.dmy': { en: 'day/month/year', zh_CN: '日/月/年' },
  'reports.dateOrder.mdy': { en: 'month/day/year', zh_CN: '月/日/年' },
});

export type ReportsCatalog = typeof reports;
export type ReportsKey = Extract<keyof ReportsCatalog, string>;
