import { defineCatalog } from '../types';

/** The dashboard's overview, SKU history, changes table and data management. */
export const history = defineCatalog({
  'history.nav.history': { en: 'History', zh_CN: '历史记录' },
  'history.nav.changes': { en: 'Changes', zh_CN: '库存变动' },
  'history.nav.data': { en: 'Data', zh_CN: '数据管理' },

  'history.loading': { en: 'Loading…', zh_CN: '加载中…' },
  'history.busy': { en: 'Working…', zh_CN: '处理中…' },
  'history.cancel': { en: 'Cancel', zh_CN: '取消' },
  'history.storeFailed': {
    en: 'The stored history could not be read: {message}. Reload this page; if it happens again, restart the browser.',
    zh_CN: '无法读取已保存的历史记录：{message}。请刷新本页；如仍然出错，请重启浏览器。',
  },
  'history.unknownValue': { en: '—', zh_CN: '—' },

  'history.kind.sale': { en: 'Sale', zh_CN: '销售' },
  'history.kind.external': { en: 'External change', zh_CN: '外部修改' },
  'history.kind.erp': { en: 'ERP sync', zh_CN: 'ERP 同步' },
  'history.kind.erpNamed': { en: 'ERP sync ({name})', zh_CN: 'ERP 同步（{name}）' },
  'history.kind.receipt': { en: 'Receipt', zh_CN: '到货入库' },
  'history.kind.shelfwise': { en: 'Shelfwise edit', zh_CN: 'Shelfwise 修改' },
  'history.kind.adjustment': { en: 'Adjustment', zh_CN: '库存调整' },
  'history.kind.unknown': { en: 'Unexplained', zh_CN: '原因不明' },
  'history.kind.other': { en: 'Other change', zh_CN: '其他变动' },
  'history.origin.page': { en: 'Page visit', zh_CN: '页面访问' },
  'history.origin.shelfwise': { en: 'Shelfwise', zh_CN: 'Shelfwise' },
  'history.origin.import': { en: 'Report import', zh_CN: '报告导入' },
  'history.batch.visit': { en: 'Visit {time}', zh_CN: '{time} 访问' },

  'history.count.skus': { en: { one: '{count} SKU', other: '{count} SKUs' }, zh_CN: '{count} 个 SKU' },
  'history.count.observations': {
    en: { one: '{count} stock record', other: '{count} stock records' },
    zh_CN: '{count} 条库存记录',
  },
  'history.count.changes': { en: { one: '{count} change', other: '{count} changes' }, zh_CN: '{count} 条变动' },
  'history.count.sale': { en: { one: '{count} sale', other: '{count} sales' }, zh_CN: '{count} 次销售' },
  'history.count.external': {
    en: { one: '{count} external change', other: '{count} external changes' },
    zh_CN: '{count} 次外部修改',
  },
  'history.count.receipt': { en: { one: '{count} receipt', other: '{count} receipts' }, zh_CN: '{count} 次到货入库' },
  'history.count.shelfwise': {
    en: { one: '{count} Shelfwise edit', other: '{count} Shelfwise edits' },
    zh_CN: '{count} 次 Shelfwise 修改',
  },
  'history.count.adjustment': {
    en: { one: '{count} adjustment', other: '{count} adjustments' },
    zh_CN: '{count} 次库存调整',
  },
  'history.count.unknown': {
    en: { one: '{count} unexplained change', other: '{count} unexplained changes' },
    zh_CN: '{count} 次原因不明的变动',
  },
  'history.count.other': {
    en: { one: '{count} other change', other: '{count} other changes' },
    zh_CN: '{count} 次其他变动',
  },

  'history.overview.heading': { en: 'Overview', zh_CN: '概览' },
  'history.overview.caption': {
    en: 'What Shelfwise has recorded, per account and marketplace',
    zh_CN: 'Shelfwise 已记录的数据（按账户和站点）',
  },
  'history.overview.account': { en: 'Account', zh_CN: '账户' },
  'history.overview.marketplace': { en: 'Marketplace', zh_CN: '站点' },
  'history.overview.skus': { en: 'SKUs known', zh_CN: '已记录 SKU' },
  'history.overview.lastVisit': { en: 'Last visit', zh_CN: '最近访问' },
  'history.overview.changes': { en: 'Changes in the last 7 days', zh_CN: '近 7 天库存变动' },
  'history.overview.noChanges': { en: 'None', zh_CN: '无' },

  'history.heading': { en: 'SKU history', zh_CN: 'SKU 历史记录' },
  'history.search.label': { en: 'Find a SKU', zh_CN: '查找 SKU' },
  'history.search.hint': {
    en: 'Type part of a SKU, an ASIN or words of the title, then pick a suggestion.',
    zh_CN: '输入 SKU 的一部分、ASIN 或标题中的词，然后选择建议项。',
  },
  'history.search.suggestions': { en: 'Suggestions', zh_CN: '建议' },
  'history.search.count': {
    en: {
      one: '{count} suggestion; use the arrow keys to choose',
      other: '{count} suggestions; use the arrow keys to choose',
    },
    zh_CN: '{count} 个建议，可用方向键选择',
  },
  'history.search.noMatch': { en: 'No SKU matches “{text}”.', zh_CN: '没有与“{text}”匹配的 SKU。' },
  'history.none.title': { en: 'No history yet', zh_CN: '暂无历史记录' },
  'history.none.body': {
    en: 'Shelfwise records a SKU’s stock each time you open Manage Inventory. Visit it to start; the chart fills in with every visit.',
    zh_CN: '每次打开“管理库存”页面时，Shelfwise 都会记录 SKU 的库存。请先访问该页面；每次访问后图表都会更新。',
  },
  'history.pick.title': { en: 'No SKU chosen', zh_CN: '尚未选择 SKU' },
  'history.pick.body': {
    en: 'Find a SKU above to see its stock over time, its sales and its changes.',
    zh_CN: '请在上方查找 SKU，查看其库存走势、销量和变动记录。',
  },
  'history.notFound': {
    en: 'Shelfwise has no history for this SKU. It may have been deleted, or the link came from another computer. Find the SKU above.',
    zh_CN: 'Shelfwise 没有该 SKU 的历史记录。可能已被删除，或链接来自另一台电脑。请在上方查找该 SKU。',
  },
  'history.sku.meta': { en: '{marketplace} · {account} · {channel}', zh_CN: '{marketplace} · {account} · {channel}' },
  'history.period.label': { en: 'Period', zh_CN: '时间范围' },
  'history.period.d30': { en: 'Last 30 days', zh_CN: '近 30 天' },
  'history.period.d90': { en: 'Last 90 days', zh_CN: '近 90 天' },
  'history.period.d365': { en: 'Last year', zh_CN: '近一年' },
  'history.period.all': { en: 'Everything recorded', zh_CN: '全部记录' },

  'history.chart.heading': { en: 'Stock over time', zh_CN: '库存走势' },
  'history.chart.legend': { en: 'Chart legend', zh_CN: '图例' },
  'history.chart.sales': { en: 'Units sold per day (estimated)', zh_CN: '日销量（估算）' },
  'history.chart.salesAxis': { en: 'Units/day', zh_CN: '件/天' },
  'history.chart.stockAxis': { en: 'Units', zh_CN: '件' },
  'history.chart.summary': {
    en: 'Available stock from {from} to {to}: {first} at the start, {last} at the end, lowest {min}, highest {max}.',
    zh_CN: '{from} 至 {to} 的可售库存：期初 {first}，期末 {last}，最低 {min}，最高 {max}。',
  },
  'history.chart.summaryEmpty': {
    en: 'No available-stock figure was recorded from {from} to {to}.',
    zh_CN: '{from} 至 {to} 期间没有可售库存记录。',
  },
  'history.chart.marked': { en: 'Marked on the chart: {list}.', zh_CN: '图中标记：{list}。' },
  'history.chart.nothingMarked': { en: 'No changes in this period.', zh_CN: '此期间没有库存变动。' },
  'history.chart.sold': {
    en: 'About {units} units sold in this period (estimated from the recorded stock).',
    zh_CN: '此期间估计售出约 {units} 件（根据库存记录估算）。',
  },
  'history.chart.showTable': { en: 'Show the data as a table', zh_CN: '以表格显示数据' },
  'history.chart.hideTable': { en: 'Hide the data table', zh_CN: '隐藏数据表' },
  'history.table.caption': { en: 'Recorded stock of {sku}', zh_CN: '{sku} 的库存记录' },
  'history.table.when': { en: 'When (marketplace time)', zh_CN: '时间（站点时间）' },
  'history.table.changes': { en: 'Changes recorded', zh_CN: '记录的变动' },
  'history.table.compacted': {
    en: 'last state of the day (older records merged)',
    zh_CN: '当日最后状态（旧记录已按天合并）',
  },
  'history.table.salesCaption': { en: 'Estimated units sold per day', zh_CN: '每日销量估算' },
  'history.table.day': { en: 'Day', zh_CN: '日期' },
  'history.table.units': { en: 'Units sold', zh_CN: '销量（件）' },
  'history.table.notSeen': { en: 'not seen', zh_CN: '未记录' },

  'history.velocity.heading': { en: 'Sales velocity', zh_CN: '销售速度' },
  'history.velocity.source': { en: 'Source', zh_CN: '数据来源' },
  'history.velocity.confidence': { en: 'Confidence', zh_CN: '可信度' },
  'history.velocity.noStockOut': { en: 'Not expected', zh_CN: '暂无断货风险' },
  'history.velocity.outNow': { en: 'Out of stock now', zh_CN: '当前已断货' },
  'history.velocity.lessThanDay': { en: 'Less than a day', zh_CN: '不足 1 天' },
  'history.velocity.noRate': {
    en: 'No rate yet: too little history. An estimate appears once the SKU has been seen in stock on 3 days.',
    zh_CN: '暂无日均销量：历史数据不足。记录到有货满 3 天后即显示估算。',
  },
  'history.velocity.source.snapshots': {
    en: { one: 'Estimated from {count} visit', other: 'Estimated from {count} visits' },
    zh_CN: '根据 {count} 次访问记录估算',
  },
  'history.velocity.source.page': {
    en: 'Units sold shown on the inventory page ({days} days)',
    zh_CN: '库存页面显示的销量（{days} 天）',
  },
  'history.velocity.source.orders': { en: 'Imported order report', zh_CN: '导入的订单报告' },
  'history.velocity.source.reports': {
    en: 'Imported sales report ({days} days)',
    zh_CN: '导入的销售报告（{days} 天）',
  },
  'history.velocity.source.none': { en: 'No sales data yet', zh_CN: '暂无销量数据' },
  'history.velocity.confidence.low': { en: 'Low', zh_CN: '低' },
  'history.velocity.confidence.medium': { en: 'Medium', zh_CN: '中' },
  'history.velocity.confidence.high': { en: 'High', zh_CN: '高' },
  'history.skuChanges.heading': { en: 'Changes of this SKU', zh_CN: '该 SKU 的库存变动' },

  'history.changes.heading': { en: 'Stock changes', zh_CN: '库存变动' },
  'history.changes.filters': { en: 'Filter the changes', zh_CN: '筛选变动' },
  'history.changes.sku': { en: 'SKU contains', zh_CN: 'SKU 包含' },
  'history.changes.origin': { en: 'Recorded by', zh_CN: '记录来源' },
  'history.changes.kind': { en: 'Kind of change', zh_CN: '变动类型' },
  'history.changes.from': { en: 'From (marketplace day)', zh_CN: '开始日期（站点时间）' },
  'history.changes.to': { en: 'To (marketplace day)', zh_CN: '结束日期（站点时间）' },
  'history.changes.any': { en: 'All', zh_CN: '全部' },
  'history.changes.clear': { en: 'Clear filters', zh_CN: '清除筛选' },
  'history.changes.export': { en: 'Export CSV', zh_CN: '导出 CSV' },
  'history.changes.exported': {
    en: { one: '{count} row exported to {file}.', other: '{count} rows exported to {file}.' },
    zh_CN: '已导出 {count} 行到 {file}。',
  },
  'history.changes.badRange': {
    en: 'The start date is after the end date. Change one of them to see changes.',
    zh_CN: '开始日期晚于结束日期，请修改其中一个日期。',
  },
  'history.changes.caption': { en: 'Stock changes, newest first', zh_CN: '库存变动（最新在前）' },
  'history.changes.none': { en: 'No changes match these filters.', zh_CN: '没有符合筛选条件的变动。' },
  'history.changes.noneYet': {
    en: 'No changes recorded yet. Shelfwise records one when a visit finds a SKU’s stock different from the visit before.',
    zh_CN: '暂无变动记录。当某次访问发现 SKU 库存与上次不同时，Shelfwise 会记录一条变动。',
  },
  'history.changes.rows': { en: 'Rows {first}–{last}', zh_CN: '第 {first}–{last} 条' },
  'history.changes.newer': { en: 'Newer changes', zh_CN: '较新的变动' },
  'history.changes.older': { en: 'Older changes', zh_CN: '较早的变动' },
  'history.changes.paging': { en: 'Pages of changes', zh_CN: '变动分页' },
  'history.column.sku': { en: 'SKU', zh_CN: 'SKU' },
  'history.column.marketplace': { en: 'Marketplace', zh_CN: '站点' },
  'history.column.when': { en: 'When (marketplace time)', zh_CN: '时间（站点时间）' },
  'history.column.kind': { en: 'Kind', zh_CN: '类型' },
  'history.column.origin': { en: 'Recorded by', zh_CN: '记录来源' },
  'history.column.before': { en: 'Before', zh_CN: '变动前' },
  'history.column.after': { en: 'After', zh_CN: '变动后' },
  'history.column.change': { en: 'Change', zh_CN: '变动数量' },
  'history.column.batch': { en: 'Batch', zh_CN: '批次' },
  'history.column.inboundChange': { en: 'In-transit change', zh_CN: '在途变动' },
  'history.openHistory': { en: 'History of {sku}', zh_CN: '{sku} 的历史记录' },

  'history.data.heading': { en: 'Data', zh_CN: '数据管理' },
  'history.backup.heading': { en: 'Backup', zh_CN: '备份' },
  'history.backup.body': {
    en: 'One file with every stored record and your settings. Keep it somewhere safe: restoring it brings everything back, on this computer or another.',
    zh_CN: '一个包含全部记录和设置的文件。请妥善保存：恢复后即可在本机或其他电脑上找回全部数据。',
  },
  'history.backup.export': { en: 'Export backup', zh_CN: '导出备份' },
  'history.backup.exported': {
    en: 'Backup saved as {file}: {skus}, {observations}, {changes}.',
    zh_CN: '备份已保存为 {file}：{skus}、{observations}、{changes}。',
  },
  'history.restore.heading': { en: 'Restore', zh_CN: '恢复' },
  'history.restore.label': { en: 'Backup file to restore', zh_CN: '选择要恢复的备份文件' },
  'history.restore.preview': {
    en: '{file} was exported on {date} and holds {skus}, {observations} and {changes}.',
    zh_CN: '{file} 导出于 {date}，包含 {skus}、{observations}和{changes}。',
  },
  'history.restore.replaces': {
    en: 'Restoring replaces everything stored now ({skus}, {observations}, {changes}).',
    zh_CN: '恢复将替换当前保存的全部数据（{skus}、{observations}、{changes}）。',
  },
  'history.restore.withSettings': {
    en: 'Its settings replace your current settings.',
    zh_CN: '其中的设置将替换当前设置。',
  },
  'history.restore.withoutSettings': {
    en: 'It holds no settings: your current settings are kept.',
    zh_CN: '其中不含设置：将保留当前设置。',
  },
  'history.restore.settingsProblems': {
    en: 'Some of its settings are invalid and will use their defaults: {fields}.',
    zh_CN: '其中部分设置无效，将使用默认值：{fields}。',
  },
  'history.restore.confirm': { en: 'Restore this backup', zh_CN: '恢复此备份' },
  'history.restore.done': {
    en: 'Backup restored: {skus}, {observations}, {changes}.',
    zh_CN: '备份已恢复：{skus}、{observations}、{changes}。',
  },
  'history.restore.failed': {
    en: 'The restore failed ({message}); nothing was changed. Try again; if it fails again, export a new backup from the computer it came from.',
    zh_CN: '恢复失败（{message}），数据未作任何更改。请重试；如仍失败，请在原电脑上重新导出备份。',
  },
  'history.restore.problem.notJson': {
    en: '{file} cannot be restored: it is not complete JSON ({message}). It may have been cut short while copying; export the backup again. Nothing was changed.',
    zh_CN: '无法恢复 {file}：文件不是完整的 JSON（{message}），可能在复制时被截断。请重新导出备份。数据未作任何更改。',
  },
  'history.restore.problem.notBackup': {
    en: '{file} is not a Shelfwise backup. Choose a file named shelfwise-backup-….json. Nothing was changed.',
    zh_CN: '{file} 不是 Shelfwise 备份文件。请选择名为 shelfwise-backup-….json 的文件。数据未作任何更改。',
  },
  'history.restore.problem.newer': {
    en: '{file} was made by a newer Shelfwise (database version {version}). Update Shelfwise, then restore it. Nothing was changed.',
    zh_CN: '{file} 由更新版本的 Shelfwise 创建（数据库版本 {version}）。请先更新 Shelfwise 再恢复。数据未作任何更改。',
  },
  'history.restore.problem.invalid': {
    en: '{file} is damaged: the record at {path} is not valid ({message}). Nothing was changed; use another backup.',
    zh_CN: '{file} 已损坏：{path} 处的记录无效（{message}）。数据未作任何更改，请使用其他备份。',
  },
  'history.delete.heading': { en: 'Delete all data', zh_CN: '删除全部数据' },
  'history.delete.body': {
    en: 'Removes every SKU, stock record and change Shelfwise has stored on this computer. Your settings are kept. Export a backup first if you may want the history back.',
    zh_CN:
      '删除 Shelfwise 在本机保存的全部 SKU、库存记录和变动记录，设置会保留。如以后可能还需要这些历史记录，请先导出备份。',
  },
  'history.delete.open': { en: 'Delete all data…', zh_CN: '删除全部数据…' },
  'history.delete.title': { en: 'Delete all data?', zh_CN: '确定删除全部数据？' },
  'history.delete.what': {
    en: 'This deletes {skus}, {observations} and {changes}, for every account and marketplace ({marketplaces}). Your settings are kept. This cannot be undone.',
    zh_CN: '将删除所有账户和站点（{marketplaces}）的{skus}、{observations}和{changes}。设置会保留。此操作无法撤销。',
  },
  'history.delete.nothing': { en: 'There is nothing stored to delete.', zh_CN: '没有可删除的数据。' },
  'history.delete.confirm': { en: 'Delete everything', zh_CN: '全部删除' },
  'history.delete.done': { en: 'All data deleted. Your settings were kept.', zh_CN: '已删除全部数据，设置已保留。' },
  'history.retention.heading': { en: 'History retention', zh_CN: '历史记录保留' },
  'history.retention.label': {
    en: 'Keep every recorded stock state for (days)',
    zh_CN: '完整保留库存记录的天数',
  },
  'history.retention.hint': {
    en: 'Older stock records are merged to one per marketplace day (the day’s last state) once a day. Changes are always kept in full.',
    zh_CN: '更早的库存记录每天合并一次，每个站点日只保留当天最后的状态。库存变动记录始终完整保留。',
  },
  'history.retention.save': { en: 'Save retention', zh_CN: '保存保留设置' },
  'history.retention.saved': { en: 'Retention saved.', zh_CN: '保留设置已保存。' },
  'history.retention.invalid': {
    en: 'Enter a whole number of days from 7 to 3650; nothing was saved.',
    zh_CN: '请输入 7 到 3650 之间的整数天数；未作任何保存。',
  },
  'history.retention.compact': { en: 'Compact now', zh_CN: '立即压缩' },
  'history.retention.compacted': {
    en: {
      one: '{count} stock record merged ({skus} checked).',
      other: '{count} stock records merged ({skus} checked).',
    },
    zh_CN: '已合并 {count} 条库存记录（检查了 {skus}）。',
  },
});

export type HistoryKey = keyof typeof history;
