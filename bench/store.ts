import { launchWithExtension } from '../test/support/browser';
import { loadIntoPage } from './in-page';
import { type Benchmark, type Figure, figure, median } from './types';

/**
 * The history store end to end in Chromium's IndexedDB, each figure beside a same-run baseline:
 * ingesting a 10,000-SKU page read (first visit and a revisit with 30% changed) against a raw
 * bulk put of the same records in one transaction.
 */

const ENTRY = `
  import { openStore } from './lib/db/open';
  import { ingestPageRead } from './lib/db/ingest';
  import { skuKey } from './lib/model/keys';
  import { marketplaceVelocities } from './lib/db/day-series';
  import { velocityContext } from './lib/velocity';
  export { openStore, ingestPageRead, skuKey, marketplaceVelocities, velocityContext };
`;

export const storeIngest: Benchmark = {
  name: 'store',
  async run(): Promise<Figure[]> {
    const launched = await launchWithExtension();
    try {
      const page = await launched.context.newPage();
      await page.goto(`chrome-extension://${launched.extensionId}/options.html`);
      await loadIntoPage(page, ENTRY);
      const runs = await page.evaluate(async () => {
        // The bundle's exports, typed loosely: this code runs in the page, where the types are gone.
        // biome-ignore lint/suspicious/noExplicitAny: the bundle is injected at run time
        const bench = (window as unknown as { __bench: any }).__bench;
        const COUNT = 10_000;
        const read = (at: number, changed: (i: number) => boolean) => ({
          url: 'https://sellercentral.amazon.com/myinventory/inventory',
          generation: 'current',
          account: 'Bench',
          marketplace: 'US',
          pageLanguage: 'en-US',
          loadedAt: at - 1000,
          readAt: at,
          listings: Array.from({ length: COUNT }, (_, i) => ({
            account: 'Bench',
            marketplace: 'US',
            sku: `BENCH-${String(i).padStart(6, '0')}`,
            asin: `B0${String(i).padStart(8, '0')}`,
            title: `Bench listing number ${i} with a realistic length title for an inventory row`,
            channel: i % 3 === 0 ? 'fba' : 'mfn',
            quantityEditable: i % 3 !== 0,
            stock:
              i % 3 === 0
                ? { available: 100 - (changed(i) ? 7 : 0), inbound: 20, reserved: 3 }
                : { available: 50 - (changed(i) ? 5 : 0) },
            state: 'active',
            reasons: [],
            statusText: 'Active',
            isParent: false,
            price: 19.99,
          })),
        });
        const results: Array<{ first: number; revisit: number; raw: number; rawRevisit: number }> = [];
        for (let run = 0; run < 3; run++) {
          const t0 = Date.now() - 86_400_000;
          // Shelfwise: a first visit, then a revisit where 30% of SKUs changed.
          const db = await bench.openStore(`bench-ingest-${run}-${Math.random()}`);
          const firstRead = read(t0, () => false);
          let start = performance.now();
          await bench.ingestPageRead(db, firstRead);
          const first = performance.now() - start;
          // Velocity read once, as the product does: the day series exist, and the revisit keeps them
          // in step (lib/db/day-series.ts), 3,000 of them extended by a new observation.
          await bench.marketplaceVelocities(
            db,
            'Bench',
            'US',
            bench.velocityContext('America/Los_Angeles', t0 + 60_000, {
              weights: { d7: 0.4, d14: 0.3, d30: 0.2, d90: 0.1 },
              includeWorkingShipments: false,
            }),
          );
          const revisitRead = read(t0 + 3_600_000, (i: number) => i % 10 < 3);
          start = performance.now();
          await bench.ingestPageRead(db, revisitRead);
          const revisit = performance.now() - start;
          // The same records the first visit writes, put in bulk in one transaction: the floor.
          const skus = await db.getAll('skus');
          const observations = await db.getAll('observations');
          const raw = await bench.openStore(`bench-raw-${run}-${Math.random()}`);
          start = performance.now();
          {
            const tx = raw.transaction(['skus', 'observations'], 'readwrite', { durability: 'relaxed' });
            for (const record of skus) tx.objectStore('skus').put(record);
            for (const record of observations) tx.objectStore('observations').put(record);
            await tx.done;
          }
          const rawTime = performance.now() - start;
          // A revisit's floor: the very records the revisit wrote (every SKU's last-seen mark, the new
          // observations and their predecessors' seenUntil, the changes), put in bulk into a store
          // holding the first visit.
          const skusAfter = await db.getAll('skus');
          const writtenObservations = (await db.getAll('observations')).filter(
            (o: { at: number; seenUntil?: number }) => o.at === revisitRead.readAt || o.seenUntil !== undefined,
          );
          const changes = await db.getAll('changes');
          {
            const tx = raw.transaction(['skus', 'observations'], 'readwrite', { durability: 'relaxed' });
            for (const record of skus) tx.objectStore('skus').put(record);
            for (const record of observations) tx.objectStore('observations').put(record);
            await tx.done;
          }
          start = performance.now();
          {
            const tx = raw.transaction(['skus', 'observations', 'changes'], 'readwrite', { durability: 'relaxed' });
            for (const record of skusAfter) tx.objectStore('skus').put(record);
            for (const record of writtenObservations) tx.objectStore('observations').put(record);
            for (const record of changes) tx.objectStore('changes').put(record);
            await tx.done;
          }
          const rawRevisit = performance.now() - start;
          db.close();
          raw.close();
          results.push({ first, revisit, raw: rawTime, rawRevisit });
        }
        return results;
      });
      const first = median(runs.map((r) => r.first));
      const raw = median(runs.map((r) => r.raw));
      const revisit = median(runs.map((r) => r.revisit));
      const rawRevisit = median(runs.map((r) => r.rawRevisit));
      return [
        figure({
          name: 'store: ingest 10,000-SKU page read, first visit',
          value: first,
          unit: 'ms',
          baseline: raw,
          budget: 1.5,
          budgetOn: 'ratio',
          note: 'baseline: raw idb bulk put of the same 20,000 records (SKUs + observations) in one transaction; median of 3',
        }),
        figure({
          name: 'store: ingest 10,000-SKU revisit, 30% changed',
          value: revisit,
          unit: 'ms',
          baseline: rawRevisit,
          budget: 1.5,
          budgetOn: 'ratio',
          note: 'with the day series built by a velocity read first, so the revisit also extends 3,000 of them and moves every mark (lib/db/day-series.ts); baseline: a raw bulk put of the records the revisit wrote (10,000 SKU marks, 6,000 observations, 3,000 changes) in one transaction, not counting the series',
        }),
      ];
    } finally {
      await launched.close();
    }
  },
};
