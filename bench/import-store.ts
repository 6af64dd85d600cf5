import { launchWithExtension } from '../test/support/browser';
import { loadIntoPage } from './in-page';
import { allOrdersTsv } from './reports';
import { type Figure, figure, median } from './types';

/**
 * Committing a 100,000-row All Orders import to Chromium's IndexedDB from an extension page, the
 * way the dashboard does after the seller presses Import: one transaction that merges each SKU's
 * order lines with what is stored, recomputes its daily units, widens the covered days and logs
 * the import. Reported apart from the parse (bench/reports.ts measures that in Node), each beside
 * a same-run baseline: a raw bulk put of the very records the commit wrote, in one transaction
 * with the same durability.
 */

const ROWS = 100_000;
const RUNS = 3;

const ENTRY = `
  import { openStore } from './lib/db/open';
  import { commitImport } from './lib/db/imports';
  import { importReport } from './lib/reports/import';
  export { openStore, commitImport, importReport };
`;

interface Run {
  first: number;
  again: number;
  raw: number;
  lines: number;
  skus: number;
  records: number;
}

export async function benchImportStore(): Promise<Figure[]> {
  const launched = await launchWithExtension();
  try {
    const page = await launched.context.newPage();
    await page.goto(`chrome-extension://${launched.extensionId}/options.html`);
    await loadIntoPage(page, ENTRY);
    const runs: Run[] = await page.evaluate(
      async ({ text, runs }) => {
        // The bundle's exports, typed loosely: this code runs in the page, where the types are gone.
        // biome-ignore lint/suspicious/noExplicitAny: the bundle is injected at run time
        const bench = (window as unknown as { __bench: any }).__bench;
        const bytes = new TextEncoder().encode(text);
        async function* chunks(): AsyncGenerator<Uint8Array> {
          for (let at = 0; at < bytes.length; at += 1 << 20) yield bytes.subarray(at, at + (1 << 20));
        }
        const result = await bench.importReport(chunks());
        if (!result.ok || !result.orders) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 300)}`);
        const out: Run[] = [];
        const STORES = ['orderLines', 'orderDays', 'orderCoverage', 'imports'];
        for (let run = 0; run < runs; run++) {
          const db = await bench.openStore(`bench-import-${run}-${Math.random()}`);
          const input = { account: 'Bench', fileName: 'all-orders.txt', fileSize: bytes.length, result };
          let start = performance.now();
          await bench.commitImport(db, input, { now: Date.now() });
          const first = performance.now() - start;
          // The same export again (an overlapping download): every line is read back and merged.
          start = performance.now();
          await bench.commitImport(db, input, { now: Date.now() + 1 });
          const again = performance.now() - start;
          const written: Record<string, unknown[]> = {};
          for (const name of STORES) written[name] = await db.getAll(name);
          const raw = await bench.openStore(`bench-import-raw-${run}-${Math.random()}`);
          start = performance.now();
          {
            const tx = raw.transaction(STORES, 'readwrite', { durability: 'strict' });
            for (const name of STORES) for (const record of written[name] ?? []) tx.objectStore(name).put(record);
            await tx.done;
          }
          const rawTime = performance.now() - start;
          out.push({
            first,
            again,
            raw: rawTime,
            lines: result.orders.lines.size,
            skus: written.orderLines?.length ?? 0,
            records: STORES.reduce((n, name) => n + (written[name]?.length ?? 0), 0),
          });
          db.close();
          raw.close();
        }
        return out;
      },
      { text: allOrdersTsv(ROWS), runs: RUNS },
    );
    const first = median(runs.map((r) => r.first));
    const again = median(runs.map((r) => r.again));
    const raw = median(runs.map((r) => r.raw));
    const { lines, skus, records } = runs[0] as Run;
    return [
      figure({
        name: 'import: commit 100,000-row All Orders import to IndexedDB',
        value: first,
        unit: 'ms',
        baseline: raw,
        note: `one transaction into an empty store: ${lines} order lines over ${skus} SKUs (${records} records); baseline: a raw bulk put of the same records in one strict-durability transaction; median of ${RUNS}`,
      }),
      figure({
        name: 'import: commit the same export again (overlapping)',
        value: again,
        unit: 'ms',
        baseline: raw,
        note: 'every stored line read back and merged (each (order, SKU) once at its latest state), daily units recomputed; same baseline',
      }),
    ];
  } finally {
    await launched.close();
  }
}
