/**
 * `npm run bench [name …]`: every benchmark in real Chromium or Node, each figure beside a
 * baseline taken in the same run, printed as a table and written to bench/results.json.
 * Exits non-zero when a figure misses its budget. Budgets are checked here, never in tests:
 * wall-clock limits in tests make them flaky on a loaded machine.
 */
import { writeFileSync } from 'node:fs';
import { BENCHMARKS } from './registry';
import type { Figure } from './types';

const wanted = process.argv.slice(2);
const selected = wanted.length ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS;
if (wanted.length && selected.length !== wanted.length) {
  console.error(`Unknown benchmark. Available: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

const results: Array<Figure & { benchmark: string }> = [];
let crashed = 0;
for (const benchmark of selected) {
  const started = Date.now();
  process.stdout.write(`▶ ${benchmark.name} … `);
  try {
    const figures = await benchmark.run();
    for (const f of figures) results.push({ benchmark: benchmark.name, ...f });
    console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    crashed++;
    console.log('failed');
    console.error(error);
  }
}

const fmt = (n: number | null, digits = 2) => (n === null ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(digits));
const rows = results.map((r) => [
  r.name,
  `${fmt(r.value)} ${r.unit}`,
  r.baseline === null ? '—' : `${fmt(r.baseline)} ${r.unit}`,
  fmt(r.ratio),
  r.budget === null
    ? '—'
    : `${r.budgetIs === 'min' ? '≥' : '≤'} ${fmt(r.budget)}${r.budgetOn === 'ratio' ? '×' : ` ${r.unit}`}`,
  r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL',
]);
const header = ['figure', 'value', 'baseline', 'ratio', 'budget', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const row of rows) console.log(line(row));
for (const r of results) if (r.note) console.log(`  · ${r.name}: ${r.note}`);

writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
const failed = results.filter((r) => r.pass === false).length;
console.log(
  `\n${results.length} figures, ${failed} over budget${crashed ? `, ${crashed} benchmarks crashed` : ''} → bench/results.json`,
);
process.exit(failed || crashed ? 1 : 0);
