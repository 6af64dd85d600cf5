import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { importReport } from '@/lib/reports/import';

// A real collection between samples, so that the figures are live data, not garbage waiting.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const HEADER =
  'amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsales-channel\tsku\titem-status\tquantity\n';
const DISTINCT_ORDERS = 50_000;

/**
 * An All Orders file of `rows` rows, generated as it streams: 50,000 order lines, each seen again
 * and again with a later last-updated-date (as when several exports are joined), so the distinct
 * lines stay the same however long the file is.
 */
async function* ordersFile(rows: number, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const start = Date.UTC(2026, 0, 1);
  let text = HEADER;
  for (let i = 0; i < rows; i++) {
    const order = i % DISTINCT_ORDERS;
    const purchase = new Date(start + order * 60_000).toISOString().slice(0, 19);
    const updated = new Date(start + 90 * 86_400_000 + i * 1000).toISOString().slice(0, 19);
    const id = `${100 + (order % 900)}-${String(1_000_000 + order).slice(0, 7)}-${String(2_000_000 + order).slice(0, 7)}`;
    const status = i % 17 === 0 ? 'Cancelled' : 'Shipped';
    text += `${id}\t${purchase}+00:00\t${updated}+00:00\t${status}\tAmazon.com\tSKU-${order % 500}\t${status}\t${1 + (order % 3)}\n`;
    if (text.length > 1 << 20) {
      const bytes = encoder.encode(text);
      onBytes(bytes.length);
      yield bytes;
      text = '';
    }
  }
  const bytes = encoder.encode(text);
  onBytes(bytes.length);
  yield bytes;
}

/** Heap plus memory outside it (typed arrays' buffers live there). */
function used(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

async function measure(rows: number) {
  let fileBytes = 0;
  let progress = 0;
  gc();
  const before = used();
  let peak = 0;
  const result = await importReport(
    ordersFile(rows, (n) => {
      fileBytes += n;
    }),
    {
      onProgress: () => {
        if (++progress % 8 !== 0) return;
        gc();
        peak = Math.max(peak, used() - before);
      },
    },
  );
  gc();
  peak = Math.max(peak, used() - before);
  return { result, fileBytes, peak };
}

describe('a file of 1,000,000 rows', () => {
  it('imports with memory bounded by distinct order lines, not by rows', { timeout: 180_000 }, async () => {
    const small = await measure(200_000);
    const large = await measure(1_000_000);
    expect(large.result.ok).toBe(true);
    if (!large.result.ok || !small.result.ok) return;
    expect(large.result.stats.rows).toBe(1_000_000);
    expect(large.result.stats.orderLines).toBe(DISTINCT_ORDERS);
    expect(large.result.orders?.daily.length).toBe(500);
    const mb = (n: number) => Math.round(n / 1_048_576);
    console.info(
      `1,000,000 rows (${mb(large.fileBytes)} MB): peak memory growth ${mb(large.peak)} MB; 200,000 rows (${mb(small.fileBytes)} MB): ${mb(small.peak)} MB`,
    );
    // Five times the rows, about the same memory: loose bounds, but a parser that kept the text or
    // the rows would exceed them by far.
    expect(large.peak).toBeLessThan(small.peak * 1.5 + 16 * 1_048_576);
    expect(large.peak).toBeLessThan(large.fileBytes / 3);
  });
});
