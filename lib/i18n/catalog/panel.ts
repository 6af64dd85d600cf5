import { defineCatalog } from '../types';

/**
 * The bulk-edit panel's own words (the operations, guards and file messages it shows are in
 * bulk.ts). Chinese follows Seller Central's Chinese UI and the words sellers use among
 * themselves: 批量编辑, 自发货, 亚马逊物流, 库存文件, 处理报告, 休假模式.
 */
export const panel = defineCatalog({
  'panel.title': { en: 'Bulk edit', zh_CN: '批量编辑' },
  'panel.close': { en: 'Close', zh_CN: '关闭' },
  'panel.tabs': { en: 'Bulk edit views', zh_CN: '批量编辑视图' },
  'panel.tab.edit': { en: 'Change stock', zh_CN: '修改库存' },
  'panel.tab.holiday': { en: 'Holiday mode', zh_CN: '休假模式' },
  'panel.tab.history': { en: 'History', zh_CN: '历史记录' },
  'panel.retry': { en: 'Try again', zh_CN: '重试' },
  'panel.more': { en: { one: '… and {count} more', other: '… and {count} more' }, zh_CN: '……另有 {count} 个' },
  'panel.value.unknown': { en: 'not shown', zh_CN: '未显示' },
  'panel.field.handlingTime': { en: 'handling time', zh_CN: '处理时间' },

  // Marketplace, when the page does not say
  'panel.marketplace.why': {
    en: 'The page does not say which marketplace it shows. An inventory file is for one marketplace: choose it.',
    zh_CN: '页面没有显示当前站点。一个库存文件只对应一个站点，请选择站点。',
  },
  'panel.marketplace.label': { en: 'Marketplace', zh_CN: '站点' },
  'panel.marketplace.choose': { en: 'Choose a marketplace', zh_CN: '请选择站点' },

  // Which rows
  'panel.source.legend': { en: 'Rows to change', zh_CN: '要修改的商品' },
  'panel.source.ticked': {
    en: { one: 'Ticked on the page ({count})', other: 'Ticked on the page ({count})' },
    zh_CN: '页面上已勾选的（{count}）',
  },
  'panel.source.choose': { en: 'Choose here', zh_CN: '在此筛选选择' },
  'panel.source.paste': { en: 'Paste from Excel', zh_CN: '从 Excel 粘贴' },
  'panel.source.known': {
    en: 'Every SKU Shelfwise knows (file export)',
    zh_CN: 'Shelfwise 记录的全部 SKU（导出文件）',
  },
  'panel.ticked.none': {
    en: 'No rows are ticked on the page. Tick rows with the page’s own checkboxes and read them again, or choose rows here.',
    zh_CN: '页面上没有勾选任何商品。请用页面自带的复选框勾选后重新读取，或在此筛选选择。',
  },
  'panel.ticked.count': {
    en: { one: '{count} row ticked on the page:', other: '{count} rows ticked on the page:' },
    zh_CN: '页面上已勾选 {count} 个商品：',
  },
  'panel.ticked.listLabel': { en: 'Ticked SKUs', zh_CN: '已勾选的 SKU' },
  'panel.ticked.missing': {
    en: {
      one: '{count} ticked SKU is not among the rows Shelfwise read, so it is left out: {skus}',
      other: '{count} ticked SKUs are not among the rows Shelfwise read, so they are left out: {skus}',
    },
    zh_CN: '有 {count} 个已勾选的 SKU 不在 Shelfwise 读取的行中，因此未包含：{skus}',
  },
  'panel.ticked.reread': { en: 'Read the ticked rows again', zh_CN: '重新读取勾选的行' },
  'panel.filter.channel': { en: 'Channel', zh_CN: '配送方式' },
  'panel.filter.state': { en: 'Status', zh_CN: '状态' },
  'panel.filter.all': { en: 'All', zh_CN: '全部' },
  'panel.filter.search': { en: 'Search SKU, ASIN or title', zh_CN: '搜索 SKU、ASIN 或标题' },
  'panel.filter.lowStock': { en: 'Low stock only', zh_CN: '仅低库存' },
  'panel.filter.findings': { en: 'With compliance findings only', zh_CN: '仅有合规问题的' },
  'panel.choose.selectVisible': {
    en: { one: 'Select all visible ({count})', other: 'Select all visible ({count})' },
    zh_CN: '全选当前显示的（{count}）',
  },
  'panel.choose.clear': { en: 'Clear selection', zh_CN: '清除选择' },
  'panel.choose.status': {
    en: '{selected} selected · {visible} shown',
    zh_CN: '已选 {selected} 个 · 显示 {visible} 个',
  },
  'panel.choose.none': { en: 'No row matches these filters.', zh_CN: '没有符合筛选条件的商品。' },
  'panel.choose.listLabel': { en: 'Rows on this page', zh_CN: '本页商品' },
  'panel.choose.limited': {
    en: {
      one: 'Showing the first {shown} of {count} matching row. Narrow the filters, or use “Select all visible” to take them all.',
      other:
        'Showing the first {shown} of {count} matching rows. Narrow the filters, or use “Select all visible” to take them all.',
    },
    zh_CN: '仅显示 {count} 个符合条件的商品中的前 {shown} 个。请缩小筛选范围，或用“全选当前显示的”全部选中。',
  },
  'panel.paste.label': {
    en: 'Paste two columns from Excel: SKU and quantity',
    zh_CN: '从 Excel 粘贴两列：SKU 和数量',
  },
  'panel.paste.hint': {
    en: 'One SKU per line, the quantity in the next column. A header row is recognised and skipped. Each SKU is matched against the rows on this page.',
    zh_CN: '每行一个 SKU，数量在下一列。会自动识别并跳过表头行。每个 SKU 会与本页的商品匹配。',
  },
  'panel.paste.clear': { en: 'Clear the pasted text', zh_CN: '清空粘贴内容' },
  'panel.paste.recognised': {
    en: { one: '{count} SKU recognised.', other: '{count} SKUs recognised.' },
    zh_CN: '已识别 {count} 个 SKU。',
  },
  'panel.paste.header': {
    en: 'The first line was taken as a header and skipped.',
    zh_CN: '第一行被识别为表头，已跳过。',
  },
  'panel.paste.unknownHeading': {
    en: {
      one: '{count} pasted SKU is not on this page and will not be changed:',
      other: '{count} pasted SKUs are not on this page and will not be changed:',
    },
    zh_CN: '有 {count} 个粘贴的 SKU 不在本页，不会被修改：',
  },
  'panel.paste.errorsHeading': {
    en: { one: '{count} line could not be used:', other: '{count} lines could not be used:' },
    zh_CN: '有 {count} 行无法使用：',
  },
  'panel.known.loading': { en: 'Loading the SKUs Shelfwise knows…', zh_CN: '正在加载 Shelfwise 记录的 SKU……' },
  'panel.known.error': {
    en: 'Shelfwise’s records could not be loaded: {error}',
    zh_CN: '无法加载 Shelfwise 的记录：{error}',
  },
  'panel.known.count': {
    en: { one: '{count} SKU in this marketplace.', other: '{count} SKUs in this marketplace.' },
    zh_CN: '本站点共 {count} 个 SKU。',
  },
  'panel.known.split': {
    en: '{onPage} read on this page now; {others} as Shelfwise last saw them.',
    zh_CN: '其中 {onPage} 个为本页刚读取的数据；{others} 个为 Shelfwise 上次看到的数据。',
  },
  'panel.known.note': {
    en: 'For an inventory file: SKUs that are not on this page use the figures Shelfwise last saw, and each row says how old they are.',
    zh_CN: '用于库存文件：不在本页的 SKU 使用 Shelfwise 上次看到的数据，每行都会注明数据的时间。',
  },

  // Operation
  'panel.op.legend': { en: 'Change', zh_CN: '修改方式' },
  'panel.op.pasted': { en: 'Set each SKU to its pasted quantity', zh_CN: '将每个 SKU 设为粘贴的数量' },
  'panel.op.explain.pasted': {
    en: 'Each pasted SKU gets the quantity pasted beside it.',
    zh_CN: '每个粘贴的 SKU 将设为其旁边粘贴的数量。',
  },
  'panel.op.explain.set': {
    en: 'Every selected merchant-fulfilled row gets exactly this quantity.',
    zh_CN: '所选的每个自发货商品都将设为此库存。',
  },
  'panel.op.explain.add': {
    en: 'The amount is added to each row’s current quantity.',
    zh_CN: '在每个商品的当前库存上增加此数量。',
  },
  'panel.op.explain.subtract': {
    en: 'The amount is taken from each row’s current quantity. A row that would go below 0 is refused, not set to 0.',
    zh_CN: '从每个商品的当前库存中减去此数量。结果低于 0 的商品不会被修改（不会自动设为 0）。',
  },
  'panel.op.explain.outOfStock': {
    en: 'Sets 0 and remembers each current quantity, so “Restore the remembered quantity” can put it back.',
    zh_CN: '设为 0 并记住每个商品的当前库存，之后可用“恢复记住的库存”还原。',
  },
  'panel.op.explain.restore': {
    en: 'Puts back the quantity Shelfwise remembered when the SKU was marked out of stock.',
    zh_CN: '恢复标记为缺货时 Shelfwise 记住的库存。',
  },
  'panel.op.explain.handlingTime': {
    en: 'Handling time can only be changed with an inventory file: export it and upload it to Amazon.',
    zh_CN: '处理时间只能通过库存文件修改：请导出文件并上传到亚马逊。',
  },
  'panel.amount.hintUnits': {
    en: 'Whole units, from 0 to your maximum of {max}.',
    zh_CN: '整数件数，0 到您设置的上限 {max}。',
  },
  'panel.amount.hintPercent': {
    en: 'Percent of each row’s current quantity, from 0 to {max}.',
    zh_CN: '每个商品当前库存的百分比，0 到 {max}。',
  },
  'panel.amount.hintDays': { en: 'Days, from {min} to {max}.', zh_CN: '天数，{min} 到 {max}。' },
  'panel.rounding.label': { en: 'Rounding', zh_CN: '取整方式' },
  'panel.rounding.down': { en: 'Round down', zh_CN: '向下取整' },
  'panel.rounding.nearest': { en: 'Round to nearest', zh_CN: '四舍五入' },
  'panel.rounding.up': { en: 'Round up', zh_CN: '向上取整' },

  // The operation in words (preview caption, history)
  'panel.summary.set': { en: 'Set quantity to {amount}', zh_CN: '库存设为 {amount}' },
  'panel.summary.add': { en: 'Add {amount} to quantity', zh_CN: '库存增加 {amount}' },
  'panel.summary.subtract': { en: 'Subtract {amount} from quantity', zh_CN: '库存减少 {amount}' },
  'panel.summary.percent.down': {
    en: 'Set to {percent}% of current stock, rounded down',
    zh_CN: '设为当前库存的 {percent}%，向下取整',
  },
  'panel.summary.percent.nearest': {
    en: 'Set to {percent}% of current stock, rounded to nearest',
    zh_CN: '设为当前库存的 {percent}%，四舍五入',
  },
  'panel.summary.percent.up': {
    en: 'Set to {percent}% of current stock, rounded up',
    zh_CN: '设为当前库存的 {percent}%，向上取整',
  },
  'panel.summary.outOfStock': { en: 'Mark out of stock', zh_CN: '标记为缺货' },
  'panel.summary.restore': { en: 'Restore the remembered quantity', zh_CN: '恢复记住的库存' },
  'panel.summary.handlingTime': {
    en: { one: 'Set handling time to {count} day', other: 'Set handling time to {count} days' },
    zh_CN: '处理时间设为 {count} 天',
  },
  'panel.summary.pasted': {
    en: { one: 'Pasted quantities ({count} SKU)', other: 'Pasted quantities ({count} SKUs)' },
    zh_CN: '粘贴的库存（{count} 个 SKU）',
  },
  'panel.summary.holidayZero': { en: 'Holiday: quantity 0', zh_CN: '休假：库存设为 0' },
  'panel.summary.holidayHandling': {
    en: { one: 'Holiday: handling time {count} day', other: 'Holiday: handling time {count} days' },
    zh_CN: '休假：处理时间 {count} 天',
  },

  // Preview
  'panel.preview.heading': { en: 'Preview', zh_CN: '预览' },
  'panel.preview.caption': {
    en: { one: '{summary}: {count} row', other: '{summary}: {count} rows' },
    zh_CN: '{summary}：共 {count} 行',
  },
  'panel.preview.noRows': {
    en: 'No rows selected yet. Choose the rows to change above.',
    zh_CN: '尚未选择商品。请在上方选择要修改的商品。',
  },
  'panel.preview.fixAmount': {
    en: 'Type a valid amount to see the preview.',
    zh_CN: '请输入有效的数量以查看预览。',
  },
  'panel.preview.loading': {
    en: 'Loading Shelfwise’s records for these SKUs (change history, thresholds, compliance)…',
    zh_CN: '正在加载这些 SKU 的记录（修改历史、阈值、合规）……',
  },
  'panel.preview.show': { en: 'Show', zh_CN: '显示' },
  'panel.preview.showAll': { en: 'All rows', zh_CN: '全部行' },
  'panel.preview.showNotices': { en: 'Rows with notices', zh_CN: '有提醒的行' },
  'panel.preview.previous': { en: 'Previous rows', zh_CN: '上一页' },
  'panel.preview.next': { en: 'Next rows', zh_CN: '下一页' },
  'panel.preview.range': {
    en: { one: 'Rows {from}–{to} of {count}', other: 'Rows {from}–{to} of {count}' },
    zh_CN: '第 {from}–{to} 行，共 {count} 行',
  },
  'panel.preview.noneShown': { en: 'No row of this kind.', zh_CN: '没有此类行。' },
  'panel.count.change': {
    en: { one: '{count} change', other: '{count} changes' },
    zh_CN: '{count} 个将修改',
  },
  'panel.count.unchanged': {
    en: { one: '{count} unchanged', other: '{count} unchanged' },
    zh_CN: '{count} 个无变化',
  },
  'panel.count.refused': {
    en: { one: '{count} refused', other: '{count} refused' },
    zh_CN: '{count} 个不修改',
  },
  'panel.col.sku': { en: 'SKU', zh_CN: 'SKU' },
  'panel.col.title': { en: 'Title', zh_CN: '商品名称' },
  'panel.col.channel': { en: 'Channel', zh_CN: '配送方式' },
  'panel.col.change': { en: 'Before → after', zh_CN: '修改前 → 修改后' },
  'panel.col.result': { en: 'Result and notices', zh_CN: '结果与提醒' },
  'panel.col.amazon': { en: 'Amazon’s result', zh_CN: '亚马逊处理结果' },
  'panel.level.info': { en: 'Note', zh_CN: '说明' },
  'panel.level.warning': { en: 'Warning', zh_CN: '警告' },
  'panel.level.confirm': { en: 'Needs your confirmation', zh_CN: '需要您确认' },
  'panel.age.now': { en: 'read on the page just now', zh_CN: '刚从页面读取' },
  'panel.age.minutes': {
    en: { one: 'read on the page {count} minute ago', other: 'read on the page {count} minutes ago' },
    zh_CN: '{count} 分钟前从页面读取',
  },
  'panel.age.hours': {
    en: { one: 'read on the page {count} hour ago', other: 'read on the page {count} hours ago' },
    zh_CN: '{count} 小时前从页面读取',
  },
  'panel.age.seenMinutes': {
    en: { one: 'last seen {count} minute ago', other: 'last seen {count} minutes ago' },
    zh_CN: '最后一次看到是 {count} 分钟前',
  },
  'panel.age.seenHours': {
    en: { one: 'last seen {count} hour ago', other: 'last seen {count} hours ago' },
    zh_CN: '最后一次看到是 {count} 小时前',
  },
  'panel.age.seenDays': {
    en: { one: 'last seen {count} day ago', other: 'last seen {count} days ago' },
    zh_CN: '最后一次看到是 {count} 天前',
  },
  'panel.age.notSeen': { en: 'not seen now', zh_CN: '当前未读取到' },
  'panel.store.error': {
    en: 'Shelfwise’s records for these SKUs could not be loaded, so the preview cannot show every guard: {error}',
    zh_CN: '无法加载这些 SKU 的记录，预览无法显示全部检查项：{error}',
  },

  // Compliance findings
  'panel.findings.heading': { en: 'Compliance findings', zh_CN: '合规问题' },
  'panel.findings.note': {
    en: 'Title, claim and image findings do not hold back a quantity or handling-time change; they are shown so you have seen them.',
    zh_CN: '标题、宣传用语和图片方面的问题不会阻止修改库存或处理时间；列出它们是为了让您知悉。',
  },
  'panel.findings.confirm': {
    en: 'I have seen these findings; continue with the whole batch',
    zh_CN: '我已了解这些问题，继续处理整个批次',
  },
  'panel.severity.warn': { en: 'Warning', zh_CN: '警告' },
  'panel.severity.block': { en: 'Must fix', zh_CN: '必须修正' },

  // Export
  'panel.export.heading': { en: 'Inventory file', zh_CN: '库存文件' },
  'panel.export.format': { en: 'File type', zh_CN: '文件类型' },
  'panel.export.priceQuantity': {
    en: 'Price & Quantity file (.txt) for “Add Products via Upload”',
    zh_CN: '价格和数量文件（.txt），用于“批量上传商品”',
  },
  'panel.export.feed': {
    en: 'JSON_LISTINGS_FEED (.json) for SP-API users',
    zh_CN: 'JSON_LISTINGS_FEED（.json），供 SP-API 用户使用',
  },
  'panel.export.blankColumns': {
    en: 'Only quantity or handling time is filled in. Amazon leaves blank columns (price, minimum and maximum price, fulfillment channel) unchanged.',
    zh_CN: '文件只填写库存或处理时间。空白的列（价格、最低价、最高价、配送渠道）亚马逊不会修改。',
  },
  'panel.export.encodingUtf8': { en: 'Encoded in UTF-8.', zh_CN: '编码为 UTF-8。' },
  'panel.export.encodingJapan': {
    en: 'Encoded in Windows-31J (Shift_JIS), as Amazon.co.jp requires.',
    zh_CN: '按日本站要求编码为 Windows-31J（Shift_JIS）。',
  },
  'panel.export.uploadHow': {
    en: 'Upload it in Seller Central under Catalog → Add Products via Upload. When Amazon has processed it, download the processing report and import it in History.',
    zh_CN: '请在卖家平台“目录 → 批量上传商品”中上传。亚马逊处理完成后，下载处理报告并在“历史记录”中导入。',
  },
  'panel.export.feedNote': {
    en: 'One PATCH message per SKU that merges only the changed field into fulfillment_availability. Submit it with createFeed for this marketplace.',
    zh_CN: '每个 SKU 一条 PATCH 消息，只合并修改的字段到 fulfillment_availability。请用 createFeed 提交到本站点。',
  },
  'panel.export.sellerId': { en: 'Seller ID (merchant token)', zh_CN: '卖家编号（Merchant Token）' },
  'panel.export.sellerIdHint': {
    en: 'Seller Central → Settings → Account Info → Your Merchant Token.',
    zh_CN: '卖家平台 → 设置 → 账户信息 → 您的卖家记号（Merchant Token）。',
  },
  'panel.export.sellerIdInvalid': {
    en: '“{text}” is not a merchant token. It is 8 to 20 capital letters and digits, e.g. A2EXAMPLE12345.',
    zh_CN: '“{text}”不是有效的卖家记号。它由 8 到 20 个大写字母和数字组成，例如 A2EXAMPLE12345。',
  },
  'panel.export.button': { en: 'Export file', zh_CN: '导出文件' },
  'panel.export.noMarketplace': {
    en: 'Choose the marketplace above first: an inventory file is for one marketplace.',
    zh_CN: '请先在上方选择站点：一个库存文件只对应一个站点。',
  },
  'panel.export.confirmFirst': {
    en: 'Confirm the compliance findings above first (one tick for the whole batch).',
    zh_CN: '请先确认上方的合规问题（整个批次只需勾选一次）。',
  },
  'panel.export.fileErrors': {
    en: {
      one: 'The file was not made: {count} problem must be fixed first.',
      other: 'The file was not made: {count} problems must be fixed first.',
    },
    zh_CN: '未生成文件：需要先解决 {count} 个问题。',
  },
  'panel.export.recordFailed': {
    en: 'The batch could not be recorded in History, so nothing was downloaded: {error}',
    zh_CN: '无法将此批次记入历史记录，因此没有下载文件：{error}',
  },
  'panel.export.done': {
    en: {
      one: 'Downloaded {filename} ({count} SKU) and recorded it in History.',
      other: 'Downloaded {filename} ({count} SKUs) and recorded it in History.',
    },
    zh_CN: '已下载 {filename}（{count} 个 SKU），并记入历史记录。',
  },

  // Holiday mode
  'panel.holiday.openHeading': { en: 'Open holiday batches', zh_CN: '未恢复的休假批次' },
  'panel.holiday.noneOpen': { en: 'No holiday batch is waiting to be restored.', zh_CN: '没有等待恢复的休假批次。' },
  'panel.holiday.openMeta': {
    en: { one: '{date} · {count} SKU · {summary}', other: '{date} · {count} SKUs · {summary}' },
    zh_CN: '{date} · {count} 个 SKU · {summary}',
  },
  'panel.holiday.restore': { en: 'Restore', zh_CN: '恢复' },
  'panel.holiday.newHeading': { en: 'New holiday batch', zh_CN: '新建休假批次' },
  'panel.holiday.intro': {
    en: 'While you are away, merchant-fulfilled SKUs go to 0 or to a longer handling time. Each previous value is remembered, and the batch can be restored exactly afterwards. FBA SKUs are left alone: Amazon keeps shipping them.',
    zh_CN:
      '休假期间，自发货 SKU 的库存设为 0 或延长处理时间。每个原来的数值都会被记住，之后可以准确恢复。亚马逊物流 SKU 不受影响：亚马逊会继续配送。',
  },
  'panel.holiday.modeLegend': { en: 'While away', zh_CN: '休假期间' },
  'panel.holiday.days': { en: 'Handling time in days', zh_CN: '处理时间（天）' },
  'panel.holiday.daysHint': {
    en: 'From {min} to {max} days. SKUs whose handling time is already longer keep it.',
    zh_CN: '{min} 到 {max} 天。处理时间已经更长的 SKU 保持不变。',
  },
  'panel.holiday.typeDays': {
    en: 'Type the handling time in days to see the preview.',
    zh_CN: '请输入处理天数以查看预览。',
  },
  'panel.holiday.scopeLegend': { en: 'Which SKUs', zh_CN: '哪些 SKU' },
  'panel.holiday.scopeAll': {
    en: {
      one: 'Every merchant-fulfilled SKU in {marketplace} ({count})',
      other: 'Every merchant-fulfilled SKU in {marketplace} ({count})',
    },
    zh_CN: '{marketplace} 站点的全部自发货 SKU（{count}）',
  },
  'panel.holiday.scopeTicked': {
    en: { one: 'The rows ticked on the page ({count})', other: 'The rows ticked on the page ({count})' },
    zh_CN: '页面上已勾选的（{count}）',
  },
  'panel.holiday.scopeChoose': { en: 'Choose SKUs', zh_CN: '选择 SKU' },
  'panel.holiday.name': { en: 'Name of this holiday batch', zh_CN: '休假批次名称' },
  'panel.holiday.defaultName': { en: 'Holiday from {date}', zh_CN: '{date} 起休假' },
  'panel.holiday.nameMissing': {
    en: 'Give the holiday batch a name, so you can find it when you restore it.',
    zh_CN: '请为休假批次命名，方便之后恢复时找到它。',
  },
  'panel.holiday.excluded': {
    en: 'Left out: {fba} FBA, {parent} variation parents, {closed} closed listings.',
    zh_CN: '未包含：{fba} 个亚马逊物流、{parent} 个变体父体、{closed} 个已关闭的商品。',
  },
  'panel.holiday.restoreName': { en: 'Restore “{name}”', zh_CN: '恢复“{name}”' },
  'panel.holiday.restoreIntro': {
    en: 'Every SKU of the holiday batch goes back to the value it had before. Rows changed since the holiday say so.',
    zh_CN: '休假批次中的每个 SKU 都会恢复到休假前的数值。休假后被修改过的行会注明。',
  },
  'panel.holiday.back': { en: 'Back to holiday mode', zh_CN: '返回休假模式' },
  'panel.holiday.backDone': { en: 'Done: back to holiday mode', zh_CN: '完成，返回休假模式' },
  'panel.holiday.damaged': {
    en: 'This holiday record is damaged, so it cannot be restored automatically. Its rows are listed in History.',
    zh_CN: '此休假记录已损坏，无法自动恢复。可在“历史记录”中查看其各行数据。',
  },

  // History
  'panel.history.heading': { en: 'Batches for {marketplace}', zh_CN: '{marketplace} 站点的批次' },
  'panel.history.headingAll': { en: 'All batches', zh_CN: '全部批次' },
  'panel.history.loading': { en: 'Loading the history…', zh_CN: '正在加载历史记录……' },
  'panel.history.error': { en: 'The history could not be loaded: {error}', zh_CN: '无法加载历史记录：{error}' },
  'panel.history.empty': {
    en: 'No batch yet. Exported files are recorded here.',
    zh_CN: '暂无批次。导出的文件会记录在这里。',
  },
  'panel.history.rows': { en: { one: '{count} row', other: '{count} rows' }, zh_CN: '{count} 行' },
  'panel.history.showRows': { en: 'Show rows', zh_CN: '显示各行' },
  'panel.history.hideRows': { en: 'Hide rows', zh_CN: '隐藏各行' },
  'panel.history.rowsCaption': { en: 'Rows of “{name}”', zh_CN: '“{name}”的各行' },
  'panel.kind.bulk': { en: 'Bulk edit', zh_CN: '批量编辑' },
  'panel.kind.holiday': { en: 'Holiday', zh_CN: '休假' },
  'panel.kind.restore': { en: 'Holiday restore', zh_CN: '休假恢复' },
  'panel.kind.undo': { en: 'Undo', zh_CN: '撤销' },
  'panel.state.exported': { en: 'Exported, waiting for Amazon', zh_CN: '已导出，等待亚马逊处理' },
  'panel.state.applied': { en: 'Applied', zh_CN: '已生效' },
  'panel.state.failed': { en: 'Failed', zh_CN: '失败' },
  'panel.state.partial': { en: 'Partly applied', zh_CN: '部分生效' },
  'panel.report.import': { en: 'Import processing report', zh_CN: '导入处理报告' },
  'panel.report.hint': {
    en: 'The report Amazon made for this file (Add Products via Upload → Monitor upload status → Download processing report).',
    zh_CN: '亚马逊为此文件生成的报告（批量上传商品 → 监控上传状态 → 下载处理报告）。',
  },
  'panel.report.feed': {
    en: 'This batch was a JSON_LISTINGS_FEED: its processing report comes from the Feeds API, not from Seller Central’s upload page.',
    zh_CN: '此批次为 JSON_LISTINGS_FEED：其处理报告来自 Feeds API，而不是卖家平台的上传页面。',
  },
  'panel.report.done': {
    en: 'Processing report imported: each row shows Amazon’s result.',
    zh_CN: '处理报告已导入：每行都显示亚马逊的处理结果。',
  },
  'panel.report.summary': {
    en: '{applied} accepted · {failed} rejected · {unknown} not confirmed',
    zh_CN: '{applied} 个已接受 · {failed} 个被拒绝 · {unknown} 个未确认',
  },
  'panel.report.pending': { en: 'Waiting for the processing report', zh_CN: '等待处理报告' },
  'panel.report.otherMessages': {
    en: 'Messages in the report that belong to no row of this batch:',
    zh_CN: '报告中不属于本批次任何行的消息：',
  },
  'panel.report.message': {
    en: 'Line {line}, SKU {sku}, {code}: {message}',
    zh_CN: '第 {line} 行，SKU {sku}，{code}：{message}',
  },
  'panel.report.saveFailed': {
    en: 'The report was read but the result could not be saved: {error}',
    zh_CN: '报告已读取，但无法保存结果：{error}',
  },
});
