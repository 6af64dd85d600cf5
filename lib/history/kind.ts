import type { Translate } from '../i18n';
import type { HistoryKey } from '../i18n/catalog/history';
import { type ErpSlice, isErpManaged } from '../sync/erp';

/**
 * What a change is called in the history. A change Shelfwise did not make, on a SKU the seller's ERP
 * keeps in sync (settings.erp), is the ERP at work: it is called an ERP sync (with the ERP's name when
 * the seller gave one), not left as an unexplained external change.
 */
export function changeKindLabel(
  t: Translate<HistoryKey>,
  kind: string,
  key: string,
  erp: (ErpSlice & { name?: string }) | undefined,
): string {
  if (kind === 'external' && isErpManaged(erp, key)) {
    const name = erp?.name?.trim();
    return name ? t('history.kind.erpNamed', { name }) : t('history.kind.erp');
  }
  return t(`history.kind.${kind}` as HistoryKey);
}
