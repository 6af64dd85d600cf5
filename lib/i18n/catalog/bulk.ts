import { defineCatalog } from '../types';

/**
 * Bulk edit: operations, the per-row guards of the preview, paste import, inventory files and
 * Amazon's processing report. Chinese terms follow Seller Central's Chinese UI (自发货, 亚马逊物流,
 * 处理时间) so a seller recognises them from Amazon's own pages.
 */
export const bulk = defineCatalog({
  // Operation picker
  'bulk.op.label': { en: 'Operation', zh_CN: '操作' },
  'bulk.amount.label': { en: 'Amount', zh_CN: '数量' },
  'bulk.op.set': { en: 'Set quantity to', zh_CN: '将库存设为' },
  'bulk.op.add': { en: 'Add to quantity', zh_CN: '增加库存' },
  'bulk.op.subtract': { en: 'Subtract from quantity', zh_CN: '减少库存' },
  'bulk.op.percent': { en: 'Set to a percentage of current stock', zh_CN: '设为当前库存的百分比' },
  'bulk.op.outOfStock': { en: 'Mark out of stock (remember the quantity)', zh_CN: '标记为缺货（记住当前库存）' },
  'bulk.op.restore': { en: 'Restore the remembered quantity', zh_CN: '恢复记住的库存' },
  'bulk.op.handlingTime': { en: 'Set handling time (file export only)', zh_CN: '设置处理时间（仅限导出文件）' },
  'bulk.rounding.down': {
    en: 'Rounded down to whole units, so you never list more than you meant (e.g. 50% of 7 = 3)',
    zh_CN: '向下取整，确保不会多报库存（例如 7 的 50% = 3）',
  },
  'bulk.rounding.nearest': {
    en: 'Rounded to the nearest whole unit, halves up (e.g. 50% of 7 = 4)',
    zh_CN: '四舍五入到整数（例如 7 的 50% = 4）',
  },
  'bulk.rounding.up': {
    en: 'Rounded up to whole units (e.g. 10% of 11 = 2)',
    zh_CN: '向上取整（例如 11 的 10% = 2）',
  },

  // Amount errors (typed amount and pasted quantities)
  'bulk.amount.empty': { en: 'Type an amount, e.g. 25.', zh_CN: '请输入数量，例如 25。' },
  'bulk.amount.notNumber': {
    en: '“{text}” is not a whole number. Type digits only, e.g. 25.',
    zh_CN: '“{text}”不是整数。请只输入数字，例如 25。',
  },
  'bulk.amount.negative': {
    en: 'Amounts cannot be negative. To lower stock, choose “Subtract from quantity” and type the amount without a minus sign.',
    zh_CN: '数量不能为负数。如需减少库存，请选择“减少库存”并输入不带负号的数量。',
  },
  'bulk.amount.fraction': {
    en: 'Stock is counted in whole units: type {down} or {up} instead of {text}.',
    zh_CN: '库存以整件计算：请输入 {down} 或 {up}，而不是 {text}。',
  },
  'bulk.amount.ambiguous': {
    en: '“{text}” could mean {small} or {large}, depending on the separator. Type the number without separators.',
    zh_CN: '“{text}”可能表示 {small} 或 {large}（取决于分隔符）。请输入不带分隔符的数字。',
  },
  'bulk.amount.aboveMaximum': {
    en: '{text} is above your maximum of {max} units. Check the amount, or raise the maximum in Settings → Bulk edit.',
    zh_CN: '{text} 超过了您设置的上限 {max} 件。请检查数量，或在“设置 → 批量编辑”中提高上限。',
  },
  'bulk.amount.percentTooLarge': {
    en: 'Percentages go up to {max}%.',
    zh_CN: '百分比最高为 {max}%。',
  },
  'bulk.amount.percentNotAllowed': {
    en: 'A percent sign only works with “Set to a percentage of current stock”. Remove the % or choose that operation.',
    zh_CN: '百分号只能用于“设为当前库存的百分比”。请去掉 %，或选择该操作。',
  },
  'bulk.amount.handlingRange': {
    en: 'Handling time is a whole number of days from {min} to {max}.',
    zh_CN: '处理时间须为 {min} 到 {max} 之间的整数天数。',
  },

  // Why a row is not changed
  'bulk.refused.fba': {
    en: 'FBA: Amazon manages this quantity. Shelfwise never sets it, on the page or in a file — a quantity in an inventory file can switch the listing to merchant-fulfilled and strand its stock.',
    zh_CN:
      '亚马逊物流：库存由亚马逊管理。Shelfwise 不会在页面或文件中修改它——库存文件中的数量可能把商品转为自发货，导致库存搁置。',
  },
  'bulk.refused.fbaHandling': {
    en: 'FBA: Amazon ships these orders, so handling time does not apply.',
    zh_CN: '亚马逊物流：订单由亚马逊配送，处理时间不适用。',
  },
  'bulk.refused.parent': {
    en: 'Variation parent: it has no stock of its own. Select its child SKUs instead.',
    zh_CN: '变体父体没有自己的库存。请改为选择其子 SKU。',
  },
  'bulk.refused.closed': {
    en: 'Closed listing: relist it on the page before changing its stock.',
    zh_CN: '商品已关闭：请先在页面上重新上架，再修改库存。',
  },
  'bulk.refused.notEditable': {
    en: 'Seller Central offers no quantity editor for this row, so it is left as it is.',
    zh_CN: '卖家平台没有为此行提供库存编辑框，因此不做修改。',
  },
  'bulk.refused.otherMarketplace': {
    en: 'This listing belongs to marketplace {marketplace}, not the one this batch is for. Edit it in its own batch.',
    zh_CN: '此商品属于 {marketplace} 站点，不属于本批次的站点。请在该站点的批次中修改。',
  },
  'bulk.refused.noMarketplace': {
    en: 'The page does not say which marketplace this listing is in. Switch to the marketplace in Seller Central and reload.',
    zh_CN: '页面没有显示此商品所属的站点。请在卖家平台切换到对应站点后刷新页面。',
  },
  'bulk.refused.duplicate': {
    en: 'This SKU is already in the batch once; only its first row is used.',
    zh_CN: '此 SKU 在本批次中重复出现；只使用第一行。',
  },
  'bulk.refused.unknownBefore': {
    en: 'The current quantity is not shown on the page, so the result cannot be worked out. Use “Set quantity to”, or reload the page.',
    zh_CN: '页面上没有显示当前库存，无法计算结果。请使用“将库存设为”，或刷新页面。',
  },
  'bulk.refused.belowZero': {
    en: 'Subtracting {amount} from {before} would give {result}. Stock cannot go below 0; nothing is changed.',
    zh_CN: '{before} 减去 {amount} 等于 {result}。库存不能低于 0，因此不做修改。',
  },
  'bulk.refused.aboveMaximum': {
    en: 'The result, {result}, is above your maximum of {max} units (Settings → Bulk edit).',
    zh_CN: '结果 {result} 超过了您设置的上限 {max} 件（设置 → 批量编辑）。',
  },
  'bulk.refused.nothingRemembered': {
    en: 'No quantity was remembered for this SKU, so there is nothing to restore.',
    zh_CN: '没有记住此 SKU 的库存，无法恢复。',
  },
  'bulk.refused.unknownHandlingTime': {
    en: 'The page does not show this SKU’s handling time, so it could not be restored exactly afterwards. Show the handling-time column or set it on the page first.',
    zh_CN: '页面没有显示此 SKU 的处理时间，之后无法准确恢复。请先显示处理时间列，或在页面上设置。',
  },
  'bulk.refused.notSeen': {
    en: 'This SKU is not among the rows read now. Open the page that lists it, then restore again.',
    zh_CN: '当前读取的行中没有此 SKU。请打开列出它的页面，然后再次恢复。',
  },

  // Notices shown per row before anything happens
  'bulk.notice.erp': {
    en: '{name} manages this SKU: its next sync will overwrite this change.',
    zh_CN: '此 SKU 由 {name} 管理：下次同步会覆盖本次修改。',
  },
  'bulk.notice.erpUnnamed': {
    en: 'Your ERP manages this SKU: its next sync will overwrite this change.',
    zh_CN: '此 SKU 由您的 ERP 管理：下次同步会覆盖本次修改。',
  },
  'bulk.notice.largeChange': {
    en: 'Large change: {percent}% of the current stock (your limit is {limit}%).',
    zh_CN: '变动较大：为当前库存的 {percent}%（您设置的提醒阈值为 {limit}%）。',
  },
  'bulk.notice.belowThreshold': {
    en: 'The result, {after}, is below this SKU’s low-stock threshold of {threshold}.',
    zh_CN: '结果 {after} 低于此 SKU 的低库存阈值 {threshold}。',
  },
  'bulk.notice.belowThresholdDays': {
    en: 'The result covers about {days} days of sales, below this SKU’s threshold of {threshold} days.',
    zh_CN: '结果的可售天数约为 {days} 天，低于此 SKU 的阈值 {threshold} 天。',
  },
  'bulk.notice.frequent': {
    en: { one: 'Changed {count} time in the last 7 days.', other: 'Changed {count} times in the last 7 days.' },
    zh_CN: '过去 7 天内已修改 {count} 次。',
  },
  'bulk.notice.compliance': {
    en: { one: '{count} compliance finding on this listing.', other: '{count} compliance findings on this listing.' },
    zh_CN: '此商品有 {count} 个合规问题。',
  },
  'bulk.notice.staleRead': {
    en: 'The current value was read {minutes} minutes ago; orders since then are not counted. Reload to refresh it.',
    zh_CN: '当前数值读取于 {minutes} 分钟前，之后的订单未计入。请刷新页面以更新。',
  },
  'bulk.notice.drifted': {
    en: 'Changed since the batch: it was set to {expected}, now it is {current}. Restoring sets it back to {restored} anyway.',
    zh_CN: '批次执行后已被修改：当时设为 {expected}，现在是 {current}。恢复仍会设回 {restored}。',
  },
  'bulk.notice.fileOnly': {
    en: 'Handling time can only be changed by uploading the inventory file; “Apply” cannot do it.',
    zh_CN: '处理时间只能通过上传库存文件修改，无法使用“应用”。',
  },
  'bulk.confirm.compliance': {
    en: {
      one: '{count} SKU in this batch has compliance findings. Confirm once to continue with the whole batch.',
      other: '{count} SKUs in this batch have compliance findings. Confirm once to continue with the whole batch.',
    },
    zh_CN: '本批次中有 {count} 个 SKU 存在合规问题。确认一次即可继续执行整个批次。',
  },

  // Preview row states
  'bulk.action.change': { en: 'Will change', zh_CN: '将修改' },
  'bulk.action.unchanged': { en: 'No change', zh_CN: '无变化' },
  'bulk.action.refused': { en: 'Not changed', zh_CN: '不修改' },

  // Holiday mode
  'bulk.holiday.zero': { en: 'Set quantity to 0 while away', zh_CN: '休假期间将库存设为 0' },
  'bulk.holiday.handlingTime': { en: 'Use a longer handling time while away', zh_CN: '休假期间延长处理时间' },
  'bulk.holiday.restore': { en: 'Restore the values from before the holiday', zh_CN: '恢复休假前的数值' },

  // Paste from Excel
  'bulk.paste.line': { en: 'Line {line}: {message}', zh_CN: '第 {line} 行：{message}' },
  'bulk.paste.columns': {
    en: 'Expected two columns (SKU, quantity) but found {columns}. Copy only those two columns from Excel.',
    zh_CN: '应为两列（SKU、数量），但找到 {columns} 列。请只从 Excel 复制这两列。',
  },
  'bulk.paste.missingSku': {
    en: 'The SKU cell is empty.',
    zh_CN: 'SKU 单元格为空。',
  },
  'bulk.paste.missingQuantity': {
    en: 'No quantity next to SKU “{sku}”. Copy the SKU and quantity columns together.',
    zh_CN: 'SKU“{sku}”旁边没有数量。请同时复制 SKU 列和数量列。',
  },
  'bulk.paste.duplicateSame': {
    en: 'SKU “{sku}” already appeared on line {first} with the same quantity; it is used once.',
    zh_CN: 'SKU“{sku}”已在第 {first} 行出现且数量相同，只使用一次。',
  },
  'bulk.paste.duplicateConflict': {
    en: 'SKU “{sku}” appears on lines {lines} with different quantities, so it is left out. Keep one line per SKU and paste again.',
    zh_CN: 'SKU“{sku}”出现在第 {lines} 行且数量不同，因此未采用。请每个 SKU 只保留一行后重新粘贴。',
  },
  'bulk.paste.unknownSku': {
    en: 'SKU “{sku}” is not among the listings on this page.',
    zh_CN: 'SKU“{sku}”不在本页面的商品中。',
  },

  // Inventory files
  'bulk.file.empty': {
    en: 'There is nothing to write: no row in this batch changes.',
    zh_CN: '没有需要写入的内容：本批次中没有需要修改的行。',
  },
  'bulk.file.emptySku': { en: 'A row has an empty SKU.', zh_CN: '有一行的 SKU 为空。' },
  'bulk.file.skuControl': {
    en: 'SKU “{sku}” contains a tab, line break or other control character, which an inventory file cannot hold. Change this SKU on the page instead.',
    zh_CN: 'SKU“{sku}”包含制表符、换行符或其他控制字符，库存文件无法容纳。请改为在页面上修改此 SKU。',
  },
  'bulk.file.fbaQuantity': {
    en: 'SKU “{sku}” is FBA: a quantity in the file could switch it to merchant-fulfilled and strand its stock. It was not written.',
    zh_CN: 'SKU“{sku}”为亚马逊物流：文件中的数量可能把它转为自发货并导致库存搁置，因此未写入。',
  },
  'bulk.file.fbaHandling': {
    en: 'SKU “{sku}” is FBA: handling time does not apply. It was not written.',
    zh_CN: 'SKU“{sku}”为亚马逊物流：处理时间不适用，因此未写入。',
  },
  'bulk.file.badValue': {
    en: 'SKU “{sku}” has {value}, which is not a whole number of 0 or more.',
    zh_CN: 'SKU“{sku}”的值 {value} 不是大于等于 0 的整数。',
  },
  'bulk.file.nothingToWrite': {
    en: 'SKU “{sku}” has no quantity or handling time to write.',
    zh_CN: 'SKU“{sku}”没有需要写入的库存或处理时间。',
  },
  'bulk.file.duplicateSku': {
    en: 'SKU “{sku}” appears twice; Amazon would apply only one of them. Keep one row per SKU.',
    zh_CN: 'SKU“{sku}”出现两次，亚马逊只会采用其中一行。请每个 SKU 只保留一行。',
  },
  'bulk.file.notWindows31J': {
    en: 'SKU “{sku}” contains “{char}”, which a Japanese inventory file (Shift_JIS) cannot hold exactly. Change this SKU on the page instead.',
    zh_CN: 'SKU“{sku}”包含“{char}”，日本站库存文件（Shift_JIS）无法准确保存。请改为在页面上修改此 SKU。',
  },
  'bulk.file.unknownMarketplace': {
    en: 'Unknown marketplace “{marketplace}”: the file cannot be made for it.',
    zh_CN: '未知站点“{marketplace}”：无法为其生成文件。',
  },
  'bulk.file.tooMany': {
    en: 'A feed holds at most {max} SKUs. Split the batch and export each part.',
    zh_CN: '一个上传数据最多包含 {max} 个 SKU。请拆分批次，分别导出。',
  },

  // Processing report import
  'bulk.report.notReport': {
    en: 'This is not an Amazon processing report: no “original-record-number” column was found. Download the processing report from “Monitor upload status” and import that file.',
    zh_CN: '这不是亚马逊的处理报告：找不到“original-record-number”列。请在“监控上传状态”中下载处理报告，再导入该文件。',
  },
  'bulk.report.unreadable': {
    en: 'The file could not be read as text (neither UTF-8 nor Shift_JIS). Import the processing report exactly as downloaded.',
    zh_CN: '无法以文本读取此文件（既不是 UTF-8 也不是 Shift_JIS）。请导入原样下载的处理报告。',
  },
  'bulk.report.applied': { en: 'Accepted by Amazon', zh_CN: '亚马逊已接受' },
  'bulk.report.failed': { en: 'Rejected by Amazon', zh_CN: '亚马逊已拒绝' },
  'bulk.report.unknown': { en: 'Not in the report', zh_CN: '报告中无此记录' },
  'bulk.report.nothingProcessed': {
    en: 'Amazon processed no record of this file.',
    zh_CN: '亚马逊没有处理此文件中的任何记录。',
  },
  'bulk.report.countMismatch': {
    en: 'Amazon processed {processed} records but the file had {written}; rows without a message cannot be confirmed.',
    zh_CN: '亚马逊处理了 {processed} 条记录，但文件中有 {written} 条；没有消息的行无法确认。',
  },
  'bulk.report.unmatched': {
    en: {
      one: '{count} message in the report matches no row of this batch; it is listed separately.',
      other: '{count} messages in the report match no row of this batch; they are listed separately.',
    },
    zh_CN: '报告中有 {count} 条消息与本批次的行不对应，已单独列出。',
  },
});
