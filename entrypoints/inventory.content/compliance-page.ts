import { createTranslator, type Language, type Translate } from '@/lib/i18n';
import { pageChecks } from '@/lib/i18n/catalog/page-checks';
import { sendRequest } from '@/lib/messaging-client';
import type { RowBadges } from '@/lib/model/badges';
import type { Listing } from '@/lib/model/listing';
import { severityCounts } from './badges';
import { OWN_ATTRIBUTE } from './notice';

/**
 * The page-level side of the listing checks: asking again for rows whose main image was still
 * being checked (a bounded pull: the background never pushes), and the per-severity summary next
 * to the Bulk edit button. Plain DOM, fed by the session each time badges arrive.
 */

export interface CompliancePageRow {
  sku: string;
  element: Element;
  listing?: Listing | undefined;
}

export interface CompliancePageOptions {
  doc: () => Document;
  lang: () => Language | undefined;
  /** The rows the session has read. */
  rows: () => Iterable<CompliancePageRow>;
  /** The badge data a SKU's rows show now, if any has arrived. */
  badges: (sku: string) => RowBadges | undefined;
  /** Asks the background for these listings' badges; the answer comes back through onBadges. */
  request: (listings: Listing[]) => void;
  setTimeout: (callback: () => void, ms: number) => number;
  /**
   * Hands the summary's redraw to the session, which draws it with the rows' badges (one frame for
   * both). Without it the summary is drawn on its own, once a burst of answers settles.
   */
  draw?: (write: () => void) => void;
  clearTimeout: (id: number) => void;
  /** Waits between asks: the first after progress, then longer while nothing changes. */
  delaysMs?: readonly number[];
  /** Asks in a row without any image finishing, after which the pull stops (the badges keep saying "not checked yet"). */
  maxIdleRounds?: number;
}

const DELAYS_MS = [1500, 3000, 5000, 8000] as const;
/** About 33 s without progress: three times the background's timeout for one image. */
const MAX_IDLE_ROUNDS = 6;
const SEVERITY_MARK = { block: '✕', warn: '▲', ok: '✓' } as const;
const SUMMARY_DELAY_MS = 150;
const SUMMARY_MAX_WAIT_MS = 1000;

export class CompliancePage {
  private readonly pending = new Set<string>();
  private timer: number | undefined;
  private summaryTimer: number | undefined;
  private summaryDue: number | undefined;
  private idleRounds = 0;
  private stopped = false;
  private translator: { lang: Language; t: Translate<Extract<keyof typeof pageChecks, string>> } | undefined;

  constructor(private readonly options: CompliancePageOptions) {}

  /** One function for every request, so a session's queue of writes holds it once. */
  private readonly drawSummary = (): void => {
    if (!this.stopped) this.renderSummary();
  };

  /** After every badge answer: track the pending images and refresh the summary. */
  onBadges(all: readonly RowBadges[]): void {
    if (this.stopped) return;
    let progressed = false;
    for (const badges of all) {
      if (badges.compliance.image === 'pending') this.pending.add(badges.sku);
      else if (this.pending.delete(badges.sku)) progressed = true;
    }
    if (progressed) this.idleRounds = 0;
    this.schedule();
    if (this.options.draw) {
      this.options.draw(this.drawSummary);
      return;
    }
    // Badges arrive once per batch of rows while the page scrolls in (a dozen or more times on a
    // long page), and the summary counts every row on the page: drawn once the burst settles, and at
    // least every SUMMARY_MAX_WAIT_MS while it goes on.
    const now = Date.now();
    this.summaryDue ??= now + SUMMARY_MAX_WAIT_MS;
    if (this.summaryTimer !== undefined) this.options.clearTimeout(this.summaryTimer);
    this.summaryTimer = this.options.setTimeout(
      () => {
        this.summaryTimer = undefined;
        this.summaryDue = undefined;
        this.drawSummary();
      },
      Math.max(0, Math.min(SUMMARY_DELAY_MS, this.summaryDue - now)),
    );
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.options.clearTimeout(this.timer);
    if (this.summaryTimer !== undefined) this.options.clearTimeout(this.summaryTimer);
    this.timer = undefined;
    this.summaryTimer = undefined;
    this.pending.clear();
  }

  /** SKUs whose main image is still being checked (tests). */
  pendingSkus(): string[] {
    return [...this.pending];
  }

  private schedule(): void {
    if (this.stopped || this.timer !== undefined || this.pending.size === 0) return;
    const delays = this.options.delaysMs ?? DELAYS_MS;
    const delay = delays[Math.min(this.idleRounds, delays.length - 1)] ?? 5000;
    this.timer = this.options.setTimeout(() => this.ask(), delay);
  }

  private ask(): void {
    this.timer = undefined;
    if (this.stopped) return;
    if (this.idleRounds >= (this.options.maxIdleRounds ?? MAX_IDLE_ROUNDS)) {
      this.pending.clear();
      return;
    }
    this.idleRounds++;
    const listings: Listing[] = [];
    const asked = new Set<string>();
    for (const row of this.options.rows()) {
      if (!row.listing || !this.pending.has(row.sku) || asked.has(row.sku) || !row.element.isConnected) continue;
      asked.add(row.sku);
      listings.push(row.listing);
    }
    // Rows the page has replaced are not asked about again.
    for (const sku of this.pending) if (!asked.has(sku)) this.pending.delete(sku);
    if (listings.length === 0) return;
    this.options.request(listings);
    this.schedule();
  }

  private t(lang: Language) {
    if (this.translator?.lang !== lang) this.translator = { lang, t: createTranslator(pageChecks, lang) };
    return this.translator.t;
  }

  /** "Listing checks: ✕ 3 must fix · ▲ 5 warnings", counted from the badges on the page now. */
  private renderSummary(): void {
    const doc = this.options.doc();
    const lang = this.options.lang();
    const bulk = doc.querySelector(`[${OWN_ATTRIBUTE}="bulk-edit"]`);
    if (!lang || !bulk) return;
    const start = performance.now();
    let block = 0;
    let warn = 0;
    let pending = 0;
    let rows = 0;
    // Counted from the data the badges were drawn from, over the rows on the page now.
    for (const row of this.options.rows()) {
      if (!row.listing || !row.element.isConnected) continue;
      const badges = this.options.badges(row.sku);
      if (!badges) continue;
      const counts = severityCounts(badges.compliance);
      rows++;
      block += counts.block;
      warn += counts.warn;
      if (badges.compliance.image === 'pending') pending++;
    }
    let summary = doc.querySelector<HTMLButtonElement>(`[${OWN_ATTRIBUTE}="compliance-summary"]`);
    const state = `${lang}|${block}|${warn}|${pending}|${rows}`;
    if (summary?.dataset.state === state) return;
    if (!summary) {
      summary = doc.createElement('button');
      summary.type = 'button';
      summary.setAttribute(OWN_ATTRIBUTE, 'compliance-summary');
      summary.className = 'shelfwise-checks-summary';
      summary.addEventListener('click', (event) => {
        event.stopPropagation();
        event.preventDefault();
        void sendRequest('openDashboard', { section: 'findings' }).catch((error: unknown) =>
          console.warn('[Shelfwise] dashboard not opened', error),
        );
      });
      bulk.after(summary);
    }
    summary.classList.toggle('is-fixed', bulk.classList.contains('is-fixed'));
    const t = this.t(lang);
    const parts: string[] = [];
    if (block > 0) parts.push(`${SEVERITY_MARK.block} ${t('pageChecks.block', { count: block })}`);
    if (warn > 0) parts.push(`${SEVERITY_MARK.warn} ${t('pageChecks.warn', { count: warn })}`);
    if (parts.length === 0) parts.push(`${SEVERITY_MARK.ok} ${t('pageChecks.none')}`);
    if (pending > 0) parts.push(t('pageChecks.pending', { count: pending }));
    summary.textContent = t('pageChecks.line', { counts: parts.join(' · ') });
    summary.title = t('pageChecks.open');
    summary.dataset.severity = block > 0 ? 'block' : warn > 0 ? 'warn' : 'ok';
    summary.dataset.block = String(block);
    summary.dataset.warn = String(warn);
    summary.dataset.pending = String(pending);
    summary.dataset.state = state;
    performance.measure('shelfwise:summary', { start, end: performance.now() });
  }
}
