import { createRuleContext, evaluateListings, summarise } from '../compliance';
import { salesHistory } from '../db/history';
import type { DB } from '../db/open';
import type { BatchRecord } from '../db/schema';
import { compliance as complianceCatalog } from '../i18n/catalog/compliance';
import { createTranslator } from '../i18n/core';
import type { Language } from '../i18n/types';
import { marketplaceByCode } from '../marketplaces';
import type { Listing } from '../model/listing';
import type { Settings } from '../settings/schema';
import { computeVelocity, velocityContext } from '../velocity';

const DAY = 86_400_000;

/** What the bulk-edit guards need from the store, per skuKey (components/bulk/host.ts StoreContext). */
export async function storeContext(
  db: DB,
  request: { account: string; marketplace: string; keys: string[]; lang: Language },
  settings: Settings,
  now: number,
) {
  const since = now - 7 * DAY;
  const changesLast7Days: Record<string, number> = {};
  const remembered: Record<string, { quantity?: number; handlingTime?: number }> = {};
  const findings: Record<string, { issues: number; severity: 'ok' | 'warn' | 'block' }> = {};
  const findingTexts: Record<string, Array<{ severity: 'warn' | 'block'; message: string }>> = {};
  const unitsPerDay: Record<string, number> = {};

  const tx = db.transaction(['changes', 'remembered', 'skus']);
  const [changeCounts, rememberedValues, skuRecords] = await Promise.all([
    Promise.all(
      request.keys.map((key) =>
        tx
          .objectStore('changes')
          .index('by-key-at')
          .count(IDBKeyRange.bound([key, since], [key, Infinity])),
      ),
    ),
    Promise.all(request.keys.map((key) => tx.objectStore('remembered').get(key))),
    Promise.all(request.keys.map((key) => tx.objectStore('skus').get(key))),
  ]);
  await tx.done;

  request.keys.forEach((key, i) => {
    if (changeCounts[i]) changesLast7Days[key] = changeCounts[i] as number;
    const value = rememberedValues[i];
    if (value) {
      remembered[key] = {
        ...(value.quantity !== undefined ? { quantity: value.quantity } : {}),
        ...(value.handlingTime !== undefined ? { handlingTime: value.handlingTime } : {}),
      };
    }
  });

  const known = skuRecords.flatMap((record) => (record ? [record] : []));
  const listings: Listing[] = known.map((record) => record.latest);
  const t = createTranslator(complianceCatalog, request.lang);
  const context = createRuleContext({ brandTerms: settings.compliance.brandTerms });
  const evaluated = evaluateListings(listings, context, settings.compliance, {
    categories: ['title', 'claims', 'offer'],
  });
  known.forEach((record, i) => {
    const rowFindings = evaluated[i] ?? [];
    const summary = summarise(rowFindings);
    findings[record.key] = { issues: summary.issues, severity: summary.severity };
    const unmuted = rowFindings.filter((f) => !f.muted);
    if (unmuted.length) {
      findingTexts[record.key] = unmuted.map((f) => ({
        severity: f.severity,
        message: t(f.messageKey, f.params as Record<string, string | number>),
      }));
    }
  });

  const marketplace = marketplaceByCode(request.marketplace);
  if (marketplace) {
    const velocity = velocityContext(marketplace.timeZone, now, settings.velocity);
    await Promise.all(
      known.map(async (record) => {
        const history = await salesHistory(db, record.key, now);
        if (!history) return;
        const v = computeVelocity(history, velocity);
        if (v.perDay !== null) unitsPerDay[record.key] = v.perDay;
      }),
    );
  }
  return { changesLast7Days, remembered, findings, findingTexts, unitsPerDay };
}

/** Every SKU Shelfwise knows for an account and marketplace, for a file of all of them. */
export async function knownListings(db: DB, account: string, marketplace: string) {
  const records = await db.getAllFromIndex('skus', 'by-marketplace', [account, marketplace]);
  return records.map((record) => ({ listing: record.latest, lastSeenAt: record.lastSeenAt }));
}

/**
 * Records a batch in the journal, and in the same transaction the values its rows ask Shelfwise
 * to remember (the quantity before "mark out of stock", a holiday's previous values).
 */
export async function recordBatch(db: DB, batch: BatchRecord): Promise<void> {
  const tx = db.transaction(['batches', 'remembered'], 'readwrite');
  const writes: Array<Promise<unknown>> = [tx.objectStore('batches').put(batch)];
  for (const row of batch.rows) {
    if (!row.remember) continue;
    writes.push(
      tx.objectStore('remembered').put({ key: row.key, ...row.remember, at: batch.createdAt, batchId: batch.id }),
    );
  }
  await Promise.all(writes);
  await tx.done;
}

export { listBatches } from '../db/batches';
