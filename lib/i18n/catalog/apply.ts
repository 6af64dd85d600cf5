import { defineCatalog } from '../types';

/** Applying a batch through the page's own editors, its report, and undo. */
export const apply = defineCatalog({
  'apply.heading': { en: 'Apply on this page', zh_CN: '在此页面上生效' },
  'apply.explain': {
    en: 'Shelfwise types each new quantity into this page’s own editors, presses the page’s Save all, then reads every row back to prove it. Rows on other pages, FBA rows and handling times are not written here.',
    zh_CN:
      'Shelfwise 会把每个新数量填入此页面自带的输入框，点击页面的“保存所有”，再逐行读取核对。不在本页的商品、亚马逊物流商品和处理时间不会在此写入。',
  },
  'apply.button': { en: 'Apply', zh_CN: '应用' },
  'apply.cancel': { en: 'Cancel', zh_CN: '取消' },
  'apply.nothing': {
    en: 'No row of this batch can be written on this page (only merchant-fulfilled quantities shown here can).',
    zh_CN: '此批次中没有可在本页写入的行（只能写入本页显示的自发货数量）。',
  },
  'apply.notHere': {
    en: '{count} rows are not on this page and are left out; export a file for them.',
    zh_CN: '{count} 行不在本页，已略过；请为它们导出文件。',
  },
  'apply.progressLabel': { en: 'Applying', zh_CN: '正在应用' },
  'apply.phase.writing': {
    en: 'Typing the new quantities… {done} of {total} rows',
    zh_CN: '正在填写新数量……第 {done}/{total} 行',
  },
  'apply.phase.saving': { en: 'Saving through the page’s Save all…', zh_CN: '正在通过页面的“保存所有”保存……' },
  'apply.phase.verifying': { en: 'Reading the rows back…', zh_CN: '正在读取核对……' },
  'apply.phase.waiting': {
    en: 'Waiting {seconds} s between saves so Seller Central is not flooded…',
    zh_CN: '两次保存之间等待 {seconds} 秒，避免请求过于频繁……',
  },
  'apply.phase.backoff': {
    en: 'Seller Central said: “{message}”. Trying again in {seconds} s…',
    zh_CN: '卖家平台提示：“{message}”。{seconds} 秒后重试……',
  },
  'apply.phase.done': { en: 'Done.', zh_CN: '已完成。' },
  'apply.report.heading': { en: 'Result', zh_CN: '结果' },
  'apply.report.counts': {
    en: '{verified} verified · {mismatched} not as intended · {failed} failed · {skipped} not written · {held} waiting for you',
    zh_CN: '已核实 {verified} · 与预期不符 {mismatched} · 失败 {failed} · 未写入 {skipped} · 待您确认 {held}',
  },
  'apply.state.applied': {
    en: 'Every row was saved and read back as intended.',
    zh_CN: '所有行均已保存，并核实无误。',
  },
  'apply.state.partial': {
    en: 'Some rows need your attention (listed below).',
    zh_CN: '部分行需要您处理（见下方列表）。',
  },
  'apply.state.failed': {
    en: 'Nothing was saved. The page may still hold typed values: use Seller Central’s own Cancel to discard them, or Save all to retry.',
    zh_CN: '没有任何内容被保存。页面上可能仍保留已填写的数值：请使用卖家平台自带的“取消”放弃，或点击“保存所有”重试。',
  },
  'apply.state.cancelled': {
    en: 'Cancelled. Rows typed before you cancelled were saved and checked; the rest were not written.',
    zh_CN: '已取消。取消前已填写的行已保存并核实，其余行未写入。',
  },
  'apply.state.cancelledUnsaved': {
    en: 'Cancelled while Seller Central was refusing the save: the rows listed as not saved were typed into the page but not saved. Use Seller Central’s own Cancel to discard them, or Save all to retry.',
    zh_CN:
      '在卖家平台拒绝保存期间已取消：列为“未保存”的行已填入页面但未保存。请使用卖家平台自带的“取消”放弃，或点击“保存所有”重试。',
  },
  'apply.state.interrupted': {
    en: 'Interrupted before the end. The history shows what was and was not done.',
    zh_CN: '在完成前被中断。历史记录显示了哪些已完成、哪些未完成。',
  },
  'apply.journalFailed': {
    en: 'Nothing was written: Shelfwise could not record the batch first ({message}). Try again; if it persists, reload the extension.',
    zh_CN: '未写入任何内容：Shelfwise 无法先记录此批次（{message}）。请重试；如仍然如此，请重新加载扩展。',
  },
  'apply.attention': { en: 'Rows that need your attention', zh_CN: '需要您处理的行' },
  'apply.status.pending': { en: 'Not reached', zh_CN: '未处理' },
  'apply.status.verified': { en: 'Saved and verified', zh_CN: '已保存并核实' },
  'apply.status.mismatched': { en: 'Saved, but the page shows {observed}', zh_CN: '已保存，但页面显示为 {observed}' },
  'apply.status.failed': { en: 'Not saved', zh_CN: '未保存' },
  'apply.status.skipped': { en: 'Not written', zh_CN: '未写入' },
  'apply.status.held': {
    en: 'The page now shows {observed} (was {before}): the new value would be {proposed}',
    zh_CN: '页面现在显示 {observed}（原为 {before}）：新数值将为 {proposed}',
  },
  'apply.reason.not-on-page': { en: 'no longer on this page', zh_CN: '已不在本页' },
  'apply.reason.sku-changed': {
    en: 'the row now shows another SKU ({message})',
    zh_CN: '该行现在显示的是另一个 SKU（{message}）',
  },
  'apply.reason.not-editable': { en: 'the page offers no quantity editor for it', zh_CN: '页面没有为它提供数量输入框' },
  'apply.reason.quantity-changed': { en: 'the quantity changed since the preview', zh_CN: '数量在预览后发生了变化' },
  'apply.reason.save-failed': { en: 'Seller Central could not save: {message}', zh_CN: '卖家平台无法保存：{message}' },
  'apply.reason.rate-limited': {
    en: 'Seller Central is limiting requests: {message}',
    zh_CN: '卖家平台限制了请求：{message}',
  },
  'apply.reason.read-back': { en: 'read back differently', zh_CN: '读取核对结果不同' },
  'apply.reason.cancelled': { en: 'cancelled before this row', zh_CN: '在此行之前已取消' },
  'apply.held.confirm': {
    en: 'Apply the held rows with the new values shown',
    zh_CN: '按显示的新数值应用待确认的行',
  },
  'apply.batchState.applying': { en: 'Being applied', zh_CN: '正在应用' },
  'apply.batchState.cancelled': { en: 'Cancelled', zh_CN: '已取消' },
  'apply.batchState.interrupted': { en: 'Interrupted', zh_CN: '已中断' },
  'apply.undo.button': { en: 'Undo', zh_CN: '撤销' },
  'apply.undo.heading': { en: 'Undo “{name}”', zh_CN: '撤销“{name}”' },
  'apply.undo.explain': {
    en: 'Each verified row goes back to its value before the batch. Where the quantity moved since (sales), the undo keeps that movement: before + (now − after), and asks you to confirm.',
    zh_CN:
      '每个已核实的行将恢复到批次前的数值。若此后数量有变化（例如有销售），撤销会保留该变化：原值 +（现值 − 批次后数值），并请您确认。',
  },
  'apply.undo.moved': {
    en: 'Moved since the batch ({now} now, {after} after it): proposed {proposed}',
    zh_CN: '批次后有变化（现为 {now}，批次后为 {after}）：建议为 {proposed}',
  },
  'apply.undo.includeMoved': {
    en: 'Include the rows that moved since, with the proposed values',
    zh_CN: '包括此后有变化的行，使用建议数值',
  },
  'apply.undo.nothing': {
    en: 'Nothing to undo on this page: no verified row of this batch is shown here.',
    zh_CN: '本页没有可撤销的内容：本页未显示此批次中已核实的行。',
  },
  'apply.undo.back': { en: 'Back to the history', zh_CN: '返回历史记录' },
  'apply.undo.summary': { en: 'Undo of “{name}”', zh_CN: '撤销“{name}”' },
});
