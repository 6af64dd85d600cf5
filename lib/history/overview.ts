import type { DB } from '../db/open';
import type { ChangeKind, SkuRecord } from '../db/schema';
import type { Channel } from '../model/listing';
import { DAY_MS } from '../time';

/** What the dashboard's overview and SKU search read from the store. */

export interface MarketplaceSummary {
  account: string;
  marketplace: string;
  skus: number;
  /** The latest visit that saw any of its SKUs. */
  lastVisit: number;
  /** Changes recorded in the last 7 days, by kind. */
  changes: Partial<Record<ChangeKind, number>>;
}

export interface SkuChoice {
  key: string;
  sku: string;
  account: string;
  marketplace: string;
  channel: Channel;
  title?: string;
  asin?: string;
}

const groupKey = (account: string, marketplace: string) => `${account}\u001f${marketplace}`;

/** One summary per account and marketplace, ordered by account, then marketplace. */
export async function marketplaceSummaries(db: DB, now: number): Promise<MarketplaceSummary[]> {
  const tx = db.transaction(['skus', 'changes'], 'readonly');
  const groups = new Map<string, MarketplaceSummary>();
  let cursor = await tx.objectStore('skus').openCursor();
  while (cursor) {
    const sku = cursor.value;
    const id = groupKey(sku.account, sku.marketplace);
    let group = groups.get(id);
    if (!group) {
      group = { account: sku.account, marketplace: sku.marketplace, skus: 0, lastVisit: 0, changes: {} };
      groups.set(id, group);
    }
    group.skus++;
    group.lastVisit = Math.max(group.lastVisit, sku.lastSeenAt);
    cursor = await cursor.continue();
  }
  const recent = await tx
    .objectStore('changes')
    .index('by-at')
    .getAll(IDBKeyRange.bound(now - 7 * DAY_MS, Number.MAX_SAFE_INTEGER));
  for (const change of recent) {
    const group = groups.get(groupKey(change.account, change.marketplace));
    if (group) group.changes[change.kind] = (group.changes[change.kind] ?? 0) + 1;
  }
  await tx.done;
  return [...groups.values()].sort(
    (a, b) => a.account.localeCompare(b.account) || a.marketplace.localeCompare(b.marketplace),
  );
}

function choiceOf(sku: SkuRecord): SkuChoice {
  return {
    key: sku.key,
    sku: sku.sku,
    account: sku.account,
    marketplace: sku.marketplace,
    channel: sku.channel,
    ...(sku.title ? { title: sku.title } : {}),
    ...(sku.asin ? { asin: sku.asin } : {}),
  };
}

/** Every known SKU, for the search box. */
export async function skuChoices(db: DB): Promise<SkuChoice[]> {
  return (await db.getAll('skus')).map(choiceOf);
}

/**
 * Suggestions for what was typed: SKUs that start with it first, then SKUs, ASINs and titles that
 * contain it; case-insensitive. An empty query suggests nothing (the list would be every SKU).
 */
export function suggestSkus(choices: readonly SkuChoice[], text: string, limit = 12): SkuChoice[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  const ranked: Array<{ choice: SkuChoice; rank: number }> = [];
  for (const choice of choices) {
    const sku = choice.sku.toLowerCase();
    let rank = -1;
    if (sku === needle) rank = 0;
    else if (sku.startsWith(needle)) rank = 1;
    else if (sku.includes(needle)) rank = 2;
    else if (choice.asin?.toLowerCase() === needle) rank = 3;
    else if (choice.title?.toLowerCase().includes(needle)) rank = 4;
    if (rank >= 0) ranked.push({ choice, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.choice.sku.localeCompare(b.choice.sku));
  return ranked.slice(0, limit).map((r) => r.choice);
}
