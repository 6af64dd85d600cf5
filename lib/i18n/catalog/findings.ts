import { defineCatalog } from '../types';

/**
 * The dashboard's Listing checks section: every known listing's findings, and the check settings
 * (main images, rules, brand terms). Rule names are short labels for filters and switches; the
 * findings' own messages come from the compliance catalog.
 */
export const findings = defineCatalog({
  'findings.nav': { en: 'Listing checks', zh_CN: '合规检查' },
  'findings.heading': { en: 'Listing checks', zh_CN: '合规检查' },
  'findings.intro': {
    en: 'What Shelfwise found on the listings it has seen, as of each listing’s last visit. Fix them in Seller Central; findings you mute for a SKU are not counted.',
    zh_CN:
      'Shelfwise 在已访问过的商品中发现的问题（以每个商品最近一次访问为准）。请在卖家平台中修改；对某个 SKU 忽略的问题不计入。',
  },
  'findings.list.heading': { en: 'Findings', zh_CN: '问题列表' },
  'findings.filters': { en: 'Filter findings', zh_CN: '筛选问题' },
  'findings.filter.rule': { en: 'Check', zh_CN: '检查项' },
  'findings.filter.severity': { en: 'Severity', zh_CN: '严重程度' },
  'findings.filter.marketplace': { en: 'Marketplace', zh_CN: '站点' },
  'findings.filter.sku': { en: 'SKU contains', zh_CN: 'SKU 包含' },
  'findings.filter.muted': { en: 'Show muted findings', zh_CN: '显示已忽略的问题' },
  'findings.filter.all': { en: 'All', zh_CN: '全部' },
  'findings.filter.ruleOption': { en: '{rule} ({count})', zh_CN: '{rule}（{count}）' },
  'findings.clear': { en: 'Clear filters', zh_CN: '清除筛选' },
  'findings.export': { en: 'Export CSV', zh_CN: '导出 CSV' },
  'findings.exported': {
    en: { one: '{count} finding saved to {file}.', other: '{count} findings saved to {file}.' },
    zh_CN: '已将 {count} 个问题保存到 {file}。',
  },
  'findings.caption': { en: 'Findings per listing', zh_CN: '各商品的问题' },
  'findings.summary': {
    en: '{block} must fix · {warn} warnings · {muted} muted, on {listings} listings',
    zh_CN: '{block} 项必须修改 · {warn} 项警告 · {muted} 项已忽略，共 {listings} 个商品',
  },
  'findings.shown': {
    en: 'Findings {first}–{last} of {total}',
    zh_CN: '第 {first}–{last} 个问题，共 {total} 个',
  },
  'findings.previous': { en: 'Previous', zh_CN: '上一页' },
  'findings.next': { en: 'Next', zh_CN: '下一页' },
  'findings.paging': { en: 'Pages of findings', zh_CN: '问题分页' },
  'findings.col.sku': { en: 'SKU', zh_CN: 'SKU' },
  'findings.col.asin': { en: 'ASIN', zh_CN: 'ASIN' },
  'findings.col.title': { en: 'Title', zh_CN: '标题' },
  'findings.col.account': { en: 'Account', zh_CN: '账户' },
  'findings.col.marketplace': { en: 'Marketplace', zh_CN: '站点' },
  'findings.col.rule': { en: 'Check', zh_CN: '检查项' },
  'findings.col.severity': { en: 'Severity', zh_CN: '严重程度' },
  'findings.col.finding': { en: 'Finding', zh_CN: '问题' },
  'findings.col.fix': { en: 'How to fix', zh_CN: '修改建议' },
  'findings.col.policy': { en: 'Amazon policy', zh_CN: '亚马逊政策' },
  'findings.col.muted': { en: 'Muted', zh_CN: '已忽略' },
  'findings.col.action': { en: 'Mute', zh_CN: '忽略' },
  'findings.yes': { en: 'yes', zh_CN: '是' },
  'findings.no': { en: 'no', zh_CN: '否' },
  'findings.policyLink': { en: 'Policy', zh_CN: '政策' },
  'findings.policyLinkFor': { en: 'Amazon policy: {rule}', zh_CN: '亚马逊政策：{rule}' },
  'findings.mute': { en: 'Mute for this SKU', zh_CN: '对此 SKU 忽略' },
  'findings.unmute': { en: 'Unmute', zh_CN: '取消忽略' },
  'findings.muteFor': { en: 'Mute for this SKU: {rule}, {sku}', zh_CN: '对此 SKU 忽略：{rule}，{sku}' },
  'findings.unmuteFor': { en: 'Unmute: {rule}, {sku}', zh_CN: '取消忽略：{rule}，{sku}' },
  'findings.noneYet': {
    en: 'No listings seen yet. Open Manage Inventory in Seller Central and Shelfwise checks every row it reads.',
    zh_CN: '尚未访问任何商品。在卖家平台打开“管理所有库存”，Shelfwise 会检查读取到的每一行。',
  },
  'findings.none': { en: 'No findings match these filters.', zh_CN: '没有符合筛选条件的问题。' },
  'findings.noneAtAll': {
    en: 'No findings: every listing passes the checks.',
    zh_CN: '没有发现问题：所有商品均通过检查。',
  },
  'findings.images.off': {
    en: 'Main images are not checked: turn on “Check main images” below.',
    zh_CN: '未检查主图：可在下方开启“检查主图”。',
  },
  'findings.images.pending': {
    en: {
      one: '{count} main image has not been checked yet: it is checked when its row is shown in Manage Inventory.',
      other:
        '{count} main images have not been checked yet: each is checked when its row is shown in Manage Inventory.',
    },
    zh_CN: '{count} 张主图尚未检查：在“管理所有库存”中显示该行时会进行检查。',
  },
  'findings.images.failed': {
    en: { one: '{count} main image could not be checked.', other: '{count} main images could not be checked.' },
    zh_CN: '{count} 张主图无法检查。',
  },
  'findings.images.unavailable': {
    en: 'Main-image results could not be read from the background ({message}); the other checks are shown.',
    zh_CN: '无法从后台读取主图检查结果（{message}），以下仅显示其他检查项。',
  },
  'findings.muteFailed': {
    en: 'Not saved: {message}. Reload this page and try again.',
    zh_CN: '未保存：{message}。请刷新本页后重试。',
  },

  'findings.settings.heading': { en: 'Check settings', zh_CN: '检查设置' },
  'findings.settings.images': { en: 'Main images', zh_CN: '主图' },
  'findings.settings.imageChecks': { en: 'Check main images', zh_CN: '检查主图' },
  'findings.settings.imageChecksHelp': {
    en: 'Loads each listing’s main image from Amazon’s image servers, in the background, to check its size and white background. Your browser asks you to allow access to those servers first.',
    zh_CN: '在后台从亚马逊图片服务器加载每个商品的主图，检查尺寸和白色背景。开启前浏览器会请求你允许访问这些服务器。',
  },
  'findings.settings.denied': {
    en: 'Main images stay unchecked: access to Amazon’s image servers was not allowed.',
    zh_CN: '主图检查未开启：未获准访问亚马逊图片服务器。',
  },
  'findings.settings.revoked': {
    en: 'Image checks are on, but access to Amazon’s image servers has been removed: turn them off and on again to allow it.',
    zh_CN: '主图检查已开启，但访问亚马逊图片服务器的权限已被移除：请关闭后重新开启以重新授权。',
  },
  'findings.settings.rules': { en: 'Checks', zh_CN: '检查项' },
  'findings.settings.rulesHelp': {
    en: 'A check switched off runs nowhere: not on the page, not before a bulk change, not in this list.',
    zh_CN: '关闭的检查项不会在任何地方运行：页面上、批量修改前和本列表中都不会。',
  },
  'findings.settings.ruleLabel': { en: '{rule} ({severity})', zh_CN: '{rule}（{severity}）' },
  'findings.settings.brands': { en: 'Brand terms', zh_CN: '品牌词' },
  'findings.settings.brandsHelp': {
    en: 'Characters inside these names belong to your brand and are not flagged (for example “Yahoo!”).',
    zh_CN: '这些名称中的字符属于品牌名，不会被标记（例如“Yahoo!”）。',
  },
  'findings.settings.brandNew': { en: 'New brand term', zh_CN: '新品牌词' },
  'findings.settings.brandAdd': { en: 'Add', zh_CN: '添加' },
  'findings.settings.brandRemove': { en: 'Remove “{term}”', zh_CN: '删除“{term}”' },
  'findings.settings.brandNone': { en: 'No brand terms yet.', zh_CN: '尚未添加品牌词。' },
  'findings.settings.brandEmpty': {
    en: 'Type a brand name first, then choose Add.',
    zh_CN: '请先输入品牌名，再点击“添加”。',
  },
  'findings.settings.brandDuplicate': {
    en: '“{term}” is already in the list.',
    zh_CN: '“{term}”已在列表中。',
  },
  'findings.settings.brandTooLong': {
    en: 'A brand term can have at most {max} characters; this one has {length}.',
    zh_CN: '品牌词最多 {max} 个字符，当前为 {length} 个。',
  },
  'findings.settings.saved': { en: 'Saved.', zh_CN: '已保存。' },
  'findings.settings.failed': {
    en: 'Not saved: {message}. Nothing was changed; try again.',
    zh_CN: '未保存：{message}。设置未作任何更改，请重试。',
  },

  'findings.rule.title.empty': { en: 'Title: empty', zh_CN: '标题：为空' },
  'findings.rule.title.length': { en: 'Title: over 200 characters', zh_CN: '标题：超过 200 个字符' },
  'findings.rule.title.forbidden-chars': { en: 'Title: forbidden characters', zh_CN: '标题：禁用字符' },
  'findings.rule.title.promotional': { en: 'Title: promotional wording', zh_CN: '标题：促销用语' },
  'findings.rule.title.repeated-words': { en: 'Title: repeated words', zh_CN: '标题：重复用词' },
  'findings.rule.title.decorative-chars': { en: 'Title: decorative characters', zh_CN: '标题：装饰性符号' },
  'findings.rule.title.all-caps': { en: 'Title: all capitals', zh_CN: '标题：全部大写' },
  'findings.rule.claims.pesticide': { en: 'Claims: pesticide', zh_CN: '宣称：农药/杀菌' },
  'findings.rule.claims.medical': { en: 'Claims: disease or medical', zh_CN: '宣称：疾病或医疗功效' },
  'findings.rule.image.missing': { en: 'Main image: missing', zh_CN: '主图：缺失' },
  'findings.rule.image.too-small': { en: 'Main image: under 500 px', zh_CN: '主图：小于 500 像素' },
  'findings.rule.image.no-zoom': {
    en: 'Main image: no zoom (under 1,000 px)',
    zh_CN: '主图：无法放大（小于 1000 像素）',
  },
  'findings.rule.image.background': { en: 'Main image: background not white', zh_CN: '主图：背景不是纯白' },
  'findings.rule.offer.inactive': { en: 'Offer: not selling', zh_CN: '报价：不可售' },
  'findings.rule.offer.price-limits': { en: 'Offer: outside min/max price', zh_CN: '报价：超出最低/最高价' },
  'findings.rule.offer.price-missing': { en: 'Offer: no price', zh_CN: '报价：没有价格' },
  'findings.rule.offer.mfn-zero': {
    en: 'Offer: merchant quantity 0, no FBA stock',
    zh_CN: '报价：自发货数量为 0 且无亚马逊物流库存',
  },
});
