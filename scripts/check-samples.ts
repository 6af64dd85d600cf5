/**
 * `npx tsx scripts/check-samples.ts`: imports every genuine Amazon report in ../shared/samples/
 * (next to the repository; absent in CI) with lib/reports and prints, per file, the encoding, the
 * report type, row and error counts and a few totals to compare with the file by eye.
 * Business Reports do not carry their period; the day in the file name is used for it.
 * The by-ASIN Business Report is mapped with the ASIN → SKU pairs of the child-item reports,
 * as the dashboard would map it with what Shelfwise knows.
 */
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ImportOptions, type ImportSuccess, importReport, inspectReport } from '../lib/reports/import';

const dir = fileURLToPath(new URL('../../shared/samples/', import.meta.url));
if (!existsSync(dir)) {
  console.log(`No samples at ${dir}: nothing to check (they live beside the repository, not in it).`);
  process.exit(0);
}

function source(file: string): AsyncIterable<Uint8Array> {
  // Small chunks on purpose: every multi-byte character and quoted field crosses boundaries.
  return createReadStream(join(dir, file), { highWaterMark: 4096 }) as AsyncIterable<Uint8Array>;
}

function optionsFor(file: string): ImportOptions {
  const options: ImportOptions = {};
  const market = /-(uk|us|de|fr|it|es|jp)-/i.exec(file)?.[1];
  if (market) options.marketplace = market.toUpperCase();
  const day = /(\d{4}-\d{2}-\d{2})/.exec(file)?.[1];
  if (day) options.period = { from: day, to: day };
  return options;
}

const sum = (values: Array<number | undefined>) => values.reduce<number>((a, b) => a + (b ?? 0), 0);
const money = (n: number) => n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function figures(r: ImportSuccess): string[] {
  const out: string[] = [];
  if (r.sales.length || r.unmapped.length) {
    const all = [...r.sales, ...r.unmapped];
    const currency = [...new Set(all.map((s) => s.currency).filter(Boolean))].join('/');
    out.push(
      `units ordered ${sum(all.map((s) => s.units))}`,
      `sales ${currency}${money(sum(all.map((s) => s.sales)))}`,
      `distinct SKUs ${new Set(r.sales.map((s) => s.sku)).size}`,
      `distinct ASINs ${new Set([...r.sales.map((s) => s.asin), ...r.unmapped.map((u) => u.asin)]).size}`,
    );
    if (r.type === 'business-asin') out.push(`mapped ${r.sales.length}, unmapped ${r.unmapped.length}`);
  }
  if (r.listings.length) {
    const fba = r.listings.filter((l) => l.fulfillmentChannel?.toUpperCase().startsWith('AMAZON')).length;
    out.push(
      `distinct SKUs ${new Set(r.listings.map((l) => l.sku)).size}`,
      `distinct ASINs ${new Set(r.listings.map((l) => l.asin).filter(Boolean)).size}`,
      `merchant ${r.listings.length - fba}, FBA ${fba}`,
      `merchant quantity ${sum(r.listings.map((l) => l.quantity))}`,
      `price range ${Math.min(...r.listings.map((l) => l.price ?? Number.POSITIVE_INFINITY))}–${Math.max(...r.listings.map((l) => l.price ?? 0))}`,
    );
    const statuses = new Map<string, number>();
    for (const l of r.listings) if (l.status) statuses.set(l.status, (statuses.get(l.status) ?? 0) + 1);
    if (statuses.size) out.push(`statuses ${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ')}`);
  }
  if (r.fba.length) out.push(`FBA SKUs ${r.fba.length}, available ${sum(r.fba.map((f) => f.available))}`);
  if (r.orders)
    out.push(
      `order lines ${r.orders.lines.size}, units ${sum(r.orders.daily.flatMap((d) => d.days.map((x) => x.units)))}`,
    );
  return out;
}

const files = readdirSync(dir)
  .filter((f) => f !== 'README.md')
  .sort((a, b) => Number(a.includes('noSKU')) - Number(b.includes('noSKU')) || a.localeCompare(b));
const asinToSku: Record<string, string[]> = {};
let failures = 0;

for (const file of files) {
  console.log(`\n${file}`);
  const inspection = await inspectReport(source(file));
  if (!inspection.ok) {
    failures++;
    console.log(`  not recognised: ${inspection.error.code} ${JSON.stringify(inspection.error.params)}`);
    continue;
  }
  const options = optionsFor(file);
  if (inspection.type === 'business-asin') options.asinToSku = asinToSku;
  const r = await importReport(source(file), options);
  if (!r.ok) {
    failures++;
    console.log(
      `  ${r.type ?? '?'}: refused, ${r.error.code} ${JSON.stringify(r.error.params)}; ${r.errorRows} rows with errors`,
    );
    for (const e of r.errors.slice(0, 5))
      console.log(`    line ${e.line}: ${e.messageKey} ${JSON.stringify(e.params)}`);
    continue;
  }
  if (r.type === 'business-child') {
    for (const s of r.sales) {
      if (!s.asin) continue;
      const skus = asinToSku[s.asin] ?? [];
      if (!skus.includes(s.sku)) skus.push(s.sku);
      asinToSku[s.asin] = skus;
    }
  }
  console.log(
    `  ${r.encoding} (${r.encodingBasis}), ${r.type}, ${r.headerLanguage} headers, delimiter ${JSON.stringify(r.delimiter)}, numbers ${r.numberLocale}`,
  );
  console.log(
    `  ${r.stats.rows} rows on ${r.stats.lines} lines, 0 errors, ${r.stats.totalRows} summary rows${r.period ? `, period assumed ${r.period.from}–${r.period.to}` : ''}`,
  );
  console.log(`  ${figures(r).join('; ')}`);
  for (const w of r.warnings) console.log(`  warning: ${w.messageKey} ${JSON.stringify(w.params)}`);
}
console.log(`\n${files.length} files, ${failures} not imported`);
process.exit(failures ? 1 : 0);
