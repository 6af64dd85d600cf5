import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { type Candidate, exportPlan } from '../components/bulk/model';
import { PAGE_SIZE, PreviewTable } from '../components/bulk/PreviewTable';
import { panelTranslator } from '../components/bulk/text';
import type { Operation } from '../lib/bulk/operations';
import { type FindingsSummary, keyOf, type PlanContext, planBatch } from '../lib/bulk/plan';
import type { Listing } from '../lib/model/listing';
import { defaultSettings } from '../lib/settings/schema';

/**
 * The page side of bench/panel.ts, bundled and evaluated in Chromium: the panel's real preview
 * component rendered into a shadow root with the panel's CSS, timed from planning to the first
 * layout, beside plain React table rows of the same count.
 */

export interface Timing {
  /** Rows the preview draws at once. */
  drawn: number;
  /** Median ms of the measured runs. */
  value: number;
  baseline: number;
  runs: number;
  rows: number;
  changed: number;
  bytes?: number;
}

const ACCOUNT = 'A1BENCH';

function rows(count: number, marketplace: string, japanese: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < count; i += 1) {
    const fba = i % 7 === 0;
    const parent = i % 50 === 1;
    const listing: Listing = {
      account: ACCOUNT,
      marketplace,
      sku: japanese ? `和柄タオル-${i}-青` : `SKU-${String(i).padStart(6, '0')}-BLUE`,
      title: japanese ? `今治タオル フェイスタオル ${i} 枚セット` : `Lumen Stoneware Mug 350ml, pattern ${i}, set of 2`,
      channel: fba ? 'fba' : 'mfn',
      quantityEditable: !fba && !parent,
      stock: { available: (i * 37) % 500 },
      handlingTime: 1 + (i % 5),
      state: i % 40 === 3 ? 'inactive' : 'active',
      reasons: [],
      statusText: 'Active',
      isParent: parent,
    };
    out.push({ key: keyOf(listing), listing, ageMs: (i % 30) * 60_000, onPage: i % 3 !== 0 });
  }
  return out;
}

function context(candidates: readonly Candidate[], marketplace: string): PlanContext {
  const settings = defaultSettings();
  settings.erp = {
    allManaged: false,
    managedSkus: candidates.filter((_, i) => i % 5 === 0).map((c) => c.key),
    name: 'ERP',
  };
  const changesLast7Days: Record<string, number> = {};
  const findings: Record<string, FindingsSummary> = {};
  const unitsPerDay: Record<string, number> = {};
  candidates.forEach((c, i) => {
    changesLast7Days[c.key] = i % 6;
    if (i % 9 === 0) findings[c.key] = { issues: 1 + (i % 3), severity: 'warn' };
    unitsPerDay[c.key] = (i % 13) / 2;
  });
  return { settings, marketplace, changesLast7Days, findings, unitsPerDay };
}

let shadow: ShadowRoot | undefined;

function stage(cssText: string): HTMLElement {
  if (!shadow) {
    const host = document.createElement('div');
    document.body.append(host);
    shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = cssText;
    shadow.append(style);
  }
  const container = document.createElement('div');
  container.className = 'sw-root';
  container.style.width = '1180px';
  shadow.append(container);
  return container;
}

function timed(cssText: string, work: (root: Root) => void): number {
  const container = stage(cssText);
  const root = createRoot(container);
  const start = performance.now();
  work(root);
  // Style and layout are part of what the seller waits for.
  void container.offsetHeight;
  const elapsed = performance.now() - start;
  root.unmount();
  container.remove();
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Bare React table rows with the listing's own fields: what any list of these rows costs. */
function PlainTable({ items }: { items: readonly Candidate[] }) {
  return (
    <table>
      <tbody>
        {items.map((c) => (
          <tr key={c.key}>
            <th scope="row">{c.listing.sku}</th>
            <td>{c.listing.title}</td>
            <td>{c.listing.channel}</td>
            <td>{c.listing.stock.available}</td>
            <td>{c.listing.state}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const OPERATION: Operation = { kind: 'percent', percent: 80, rounding: 'down' };

/** Plan + render the preview of `count` rows (its first page of PAGE_SIZE rows is drawn; the counts cover all). */
export function benchPreview(cssText: string, count: number, runs: number): Timing {
  const t = panelTranslator('en');
  const candidates = rows(count, 'US', false);
  const inputs = candidates.map((c) => ({ listing: c.listing, beforeAgeMs: c.ageMs }));
  const byKey = new Map(candidates.map((c) => [c.key, c]));
  const ctx = context(candidates, 'US');
  let changed = 0;
  const measure = () =>
    timed(cssText, (root) => {
      const plan = planBatch(inputs, OPERATION, ctx);
      changed = plan.counts.change;
      flushSync(() => root.render(<PreviewTable t={t} lang="en" plan={plan} candidates={byKey} caption="Preview" />));
    });
  const baseline = () =>
    timed(cssText, (root) => flushSync(() => root.render(<PlainTable items={candidates.slice(0, PAGE_SIZE)} />)));
  measure();
  baseline();
  const values: number[] = [];
  const baselines: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    values.push(measure());
    baselines.push(baseline());
  }
  return { value: median(values), baseline: median(baselines), runs, rows: count, changed, drawn: PAGE_SIZE };
}

/** Plan + the preview's first page + the Price & Quantity file, for `count` SKUs (file export). */
export function benchFile(cssText: string, count: number, runs: number, marketplace: 'US' | 'JP'): Timing {
  const t = panelTranslator('en');
  const candidates = rows(count, marketplace, marketplace === 'JP');
  const inputs = candidates.map((c) => ({ listing: c.listing, beforeAgeMs: c.ageMs }));
  const byKey = new Map(candidates.map((c) => [c.key, c]));
  const ctx = context(candidates, marketplace);
  let changed = 0;
  let bytes = 0;
  const measure = () =>
    timed(cssText, (root) => {
      const plan = planBatch(inputs, OPERATION, ctx);
      flushSync(() => root.render(<PreviewTable t={t} lang="en" plan={plan} candidates={byKey} caption="Preview" />));
      const file = exportPlan(plan, { format: 'priceQuantity', marketplace, now: 0 });
      if (!file.ok) throw new Error(`bench/panel: the ${marketplace} file failed`);
      changed = plan.counts.change;
      bytes = file.file.bytes.length;
    });
  // The least any export of these SKUs does: one tab-separated line per SKU, encoded, plus a page of plain rows.
  const baseline = () =>
    timed(cssText, (root) => {
      flushSync(() => root.render(<PlainTable items={candidates.slice(0, PAGE_SIZE)} />));
      const text = candidates.map((c) => `${c.listing.sku}\t${c.listing.stock.available ?? ''}`).join('\r\n');
      void new TextEncoder().encode(text).length;
    });
  measure();
  baseline();
  const values: number[] = [];
  const baselines: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    values.push(measure());
    baselines.push(baseline());
  }
  return { value: median(values), baseline: median(baselines), runs, rows: count, changed, bytes, drawn: PAGE_SIZE };
}
