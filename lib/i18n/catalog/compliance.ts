import { defineCatalog } from '../types';

/**
 * Compliance findings (lib/compliance): one message and one fix hint per rule, the image
 * "not checked" states, and the labels the badge and the bulk-edit preview need. Messages are
 * shown in the content script, so they stay short.
 */
export const compliance = defineCatalog({
  'compliance.title.empty.message': { en: 'The title is empty.', zh_CN: '标题为空。' },
  'compliance.title.empty.fix': {
    en: 'Add a title: brand, product type and key attributes.',
    zh_CN: '填写标题：品牌 + 产品类型 + 关键属性。',
  },
  'compliance.title.length.message': {
    en: 'The title has {length} characters; the limit is {max}.',
    zh_CN: '标题有 {length} 个字符，超过 {max} 个字符的上限。',
  },
  'compliance.title.length.fix': {
    en: 'Shorten the title to {max} characters or fewer, spaces included.',
    zh_CN: '将标题缩减到 {max} 个字符以内（含空格）。',
  },
  'compliance.title.forbidden-chars.message': {
    en: 'The title uses characters Amazon does not allow: {chars}',
    zh_CN: '标题含亚马逊禁止使用的字符：{chars}',
  },
  'compliance.title.forbidden-chars.fix': {
    en: 'Remove them. If they belong to your brand name, add the brand to your brand terms in Settings.',
    zh_CN: '删除这些字符。如果它们是品牌名的一部分，请在设置中把品牌名加入“品牌词”。',
  },
  'compliance.title.decorative-chars.message': {
    en: 'Decorative characters in the title: {chars}',
    zh_CN: '标题中有装饰性符号：{chars}',
  },
  'compliance.title.decorative-chars.fix': {
    en: 'Use ~ # < > * only in model numbers and measurements (Style #4301, <10 lb, 30*40 cm).',
    zh_CN: '~ # < > * 只能用于型号和尺寸（如 Style #4301、<10 lb、30*40 cm），不能用作装饰。',
  },
  'compliance.title.repeated-words.message': {
    en: 'Words used more than twice: {words}',
    zh_CN: '标题中有单词重复超过两次：{words}',
  },
  'compliance.title.repeated-words.fix': {
    en: 'Use each word at most twice (articles, prepositions and conjunctions excepted).',
    zh_CN: '同一单词最多出现两次（冠词、介词、连词除外）。',
  },
  'compliance.title.promotional.message': {
    en: 'Promotional wording in the title: {terms}',
    zh_CN: '标题含促销或主观用语：{terms}',
  },
  'compliance.title.promotional.fix': {
    en: 'Remove price, shipping and subjective claims such as “best seller” or “free shipping”.',
    zh_CN: '删除价格、运费和主观评价类用语，如“best seller”“free shipping”“包邮”。',
  },
  'compliance.title.all-caps.message': {
    en: 'The title is written in capitals.',
    zh_CN: '标题全部使用大写字母。',
  },
  'compliance.title.all-caps.fix': {
    en: 'Capitalise only the first letter of each word.',
    zh_CN: '只将每个单词的首字母大写。',
  },
  'compliance.claims.pesticide.message': {
    en: 'Pesticide claim: {terms}. It needs an EPA registration (US) or a biocide authorisation (EU).',
    zh_CN: '含农药/杀菌类宣称：{terms}。需要 EPA 注册（美国）或杀菌剂许可（欧盟）。',
  },
  'compliance.claims.pesticide.fix': {
    en: 'Remove the claim, or give the registration number in the listing’s pesticide marking.',
    zh_CN: '删除该宣称，或在商品的“农药标识”(Pesticide Marking) 属性中填写注册号。',
  },
  'compliance.claims.medical.message': {
    en: 'Disease or medical claim: {terms}',
    zh_CN: '含疾病或医疗功效宣称：{terms}',
  },
  'compliance.claims.medical.fix': {
    en: 'Remove it, unless the product is an approved drug or medical device.',
    zh_CN: '除非产品是获批的药品或医疗器械，否则请删除。',
  },
  'compliance.image.missing.message': { en: 'No main image.', zh_CN: '缺少主图。' },
  'compliance.image.missing.fix': {
    en: 'Upload a main image of the product on a pure white background.',
    zh_CN: '上传产品在纯白背景上的主图。',
  },
  'compliance.image.too-small.message': {
    en: 'The main image is {width}×{height} px; its longest side must be at least {min} px.',
    zh_CN: '主图尺寸为 {width}×{height} 像素，最长边不足 {min} 像素。',
  },
  'compliance.image.too-small.fix': {
    en: 'Upload a larger image: 1,000 px or more on the longest side also enables zoom.',
    zh_CN: '上传更大的图片：最长边达到 1000 像素以上还可启用放大功能。',
  },
  'compliance.image.no-zoom.message': {
    en: 'The main image is {width}×{height} px: below {min} px shoppers cannot zoom.',
    zh_CN: '主图尺寸为 {width}×{height} 像素，最长边不足 {min} 像素，买家无法放大查看。',
  },
  'compliance.image.no-zoom.fix': {
    en: 'Upload an image of at least {min} px on its longest side.',
    zh_CN: '上传最长边至少 {min} 像素的图片。',
  },
  'compliance.image.background.message': {
    en: 'Only {share} of the main image’s edge is white: the background must be pure white.',
    zh_CN: '主图边缘只有 {share} 是白色：背景必须为纯白。',
  },
  'compliance.image.background.fix': {
    en: 'Show the product on a pure white background (RGB 255, 255, 255).',
    zh_CN: '将产品放在纯白背景上（RGB 255, 255, 255）。',
  },
  'compliance.offer.price-missing.message': {
    en: 'No price: the offer cannot be bought.',
    zh_CN: '没有价格：买家无法购买。',
  },
  'compliance.offer.price-missing.fix': { en: 'Enter a price.', zh_CN: '请填写价格。' },
  'compliance.offer.price-limits.message': {
    en: 'Price {price} {currency} is below your minimum price {min}: Amazon may deactivate it as a pricing error.',
    zh_CN: '价格 {price} {currency} 低于你设置的最低价 {min}，亚马逊可能将其视为价格错误而停售。',
  },
  'compliance.offer.price-limits.above': {
    en: 'Price {price} {currency} is above your maximum price {max}: Amazon may deactivate it as a pricing error.',
    zh_CN: '价格 {price} {currency} 高于你设置的最高价 {max}，亚马逊可能将其视为价格错误而停售。',
  },
  'compliance.offer.price-limits.inverted': {
    en: 'Your minimum price {min} {currency} is above your maximum price {max}: no price can satisfy both.',
    zh_CN: '你设置的最低价 {min} {currency} 高于最高价 {max}：任何价格都无法同时满足。',
  },
  'compliance.offer.price-limits.fix': {
    en: 'Correct the price, or the minimum and maximum prices, in Manage Pricing.',
    zh_CN: '在“管理定价”中修改价格，或修改最低价和最高价。',
  },
  'compliance.offer.inactive.message': { en: 'Not selling: {status}', zh_CN: '不可售：{status}' },
  'compliance.offer.inactive.fix': {
    en: 'Open the listing’s fix link in Manage All Inventory to see what Amazon needs.',
    zh_CN: '在“管理所有库存”中打开该商品的修复链接，查看亚马逊要求补充的内容。',
  },
  'compliance.offer.mfn-zero.message': {
    en: 'Merchant-fulfilled quantity is 0 and the ASIN has no sellable FBA stock: shoppers cannot buy it.',
    zh_CN: '自发货数量为 0，且该 ASIN 没有可售的亚马逊物流库存：买家无法购买。',
  },
  'compliance.offer.mfn-zero.fix': {
    en: 'Set the quantity you have in stock, or restock.',
    zh_CN: '填写实际库存数量，或尽快补货。',
  },

  'compliance.severity.ok': { en: 'No issues', zh_CN: '没有问题' },
  'compliance.severity.warn': { en: 'Warning', zh_CN: '警告' },
  'compliance.severity.block': { en: 'Blocks selling', zh_CN: '影响销售' },
  'compliance.category.title': { en: 'Title', zh_CN: '标题' },
  'compliance.category.claims': { en: 'Claims', zh_CN: '宣称用语' },
  'compliance.category.image': { en: 'Main image', zh_CN: '主图' },
  'compliance.category.offer': { en: 'Offer and status', zh_CN: '报价与状态' },
  'compliance.summary.issues': {
    en: { one: '{count} issue', other: '{count} issues' },
    zh_CN: '{count} 个问题',
  },
  'compliance.finding.muted': { en: 'Muted for this SKU', zh_CN: '已对此 SKU 忽略' },
  'compliance.finding.mute': { en: 'Mute for this SKU', zh_CN: '对此 SKU 忽略' },
  'compliance.finding.unmute': { en: 'Unmute', zh_CN: '取消忽略' },
  'compliance.finding.policy': { en: 'Amazon policy', zh_CN: '亚马逊政策' },
  'compliance.finding.fix': { en: 'How to fix', zh_CN: '修改建议' },

  'compliance.image.not-checked.disabled': {
    en: 'Main image not checked: image checks are off (turn them on in the dashboard, under Listing checks).',
    zh_CN: '未检查主图：主图检查未开启（可在控制台的“合规检查”中开启）。',
  },
  'compliance.image.not-checked.pending': { en: 'Main image not checked yet.', zh_CN: '主图尚未检查。' },
  'compliance.image.not-checked.invalid-url': {
    en: 'Main image not checked: the image address is not valid.',
    zh_CN: '未检查主图：图片地址无效。',
  },
  'compliance.image.not-checked.http-error': {
    en: 'Main image not checked: the image server answered {status}.',
    zh_CN: '未检查主图：图片服务器返回 {status}。',
  },
  'compliance.image.not-checked.network': {
    en: 'Main image not checked: the image server could not be reached.',
    zh_CN: '未检查主图：无法连接图片服务器。',
  },
  'compliance.image.not-checked.timeout': {
    en: 'Main image not checked: the image took too long to load.',
    zh_CN: '未检查主图：图片加载超时。',
  },
  'compliance.image.not-checked.unreadable': {
    en: 'Main image not checked: the image format was not recognised.',
    zh_CN: '未检查主图：无法识别图片格式。',
  },
  'compliance.image.not-checked.decode-failed': {
    en: 'Main image not checked: the image could not be read.',
    zh_CN: '未检查主图：无法读取图片内容。',
  },
});
