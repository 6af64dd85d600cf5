import type { TableColumn } from '../export/csv';
import type { SyncKey } from '../i18n/catalog/sync';
import type { Translate } from '../i18n/core';
import type { Difference } from './reconcile';

/**
 * A reconciliation's differences as an export table (toCsv, toXlsx): the "investigate the cause"
 * list a seller hands to the warehouse. Local SKUs are written beside the MSKU, since the
 * warehouse knows its own codes; a shared pool lists the other MSKUs selling from it.
 */
export function differenceColumns(t: Translate<SyncKey>): TableColumn<Difference>[] {
  return [
    { header: 'SKU', value: (d) => d.sku, sku: true },
    { header: t('sync.column.localSku'), value: (d) => d.stock?.localSkus.join(' ') ?? null, sku: true },
    { header: t('sync.reconcile.category'), value: (d) => t(`sync.category.${d.category}`) },
    { header: t('sync.reconcile.fileQuantity'), value: (d) => d.fileQuantity },
    { header: t('sync.reconcile.amazonQuantity'), value: (d) => d.amazonQuantity },
    { header: t('sync.reconcile.difference'), value: (d) => d.delta },
    { header: t('sync.reconcile.inbound'), value: (d) => d.inbound },
    { header: t('sync.column.warehouse'), value: (d) => d.stock?.warehouses.join(' ') ?? null },
  ];
}
