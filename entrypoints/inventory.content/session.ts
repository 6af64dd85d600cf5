import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browserUiLanguage, createTranslator, type Language, resolveLanguage, type Translate } from '@/lib/i18n';
import { common } from '@/lib/i18n/catalog/common';
import { page as pageCatalog } from '@/lib/i18n/catalog/page';
import type { RequestOf } from '@/lib/messaging';
import { sendRequest, sendRequestJson } from '@/lib/messaging-client';
import type { RowBadges } from '@/lib/model/badges';
import { DEFAULT_ACCOUNT } from '@/lib/model/keys';
import type { Generation, Listing } from '@/lib/model/listing';
import { detectPage } from '@/lib/page/detect';
import { observeRows, type RowObserver } from '@/lib/page/observe';
import {
  findRowElements,
  hasRows,
  type PageContext,
  type RowReading,
  readPageContext,
  readRow,
  readRows,
} from '@/lib/page/read';
import { addToTally, emptyTally, verdict } from '@/lib/page/recognise';
import { isRowTicked } from '@/lib/page/selection';
import { createQuietGate } from '@/lib/quiet-gate';
import { loadSettings, watchSettings } from '@/lib/settings';
import type { PanelGlobals } from '../bulk-panel';
import { createApplier } from './applier';
import { renderBadges } from './badges';
import { mountBulkButton } from './bulk-button';
import { CompliancePage } from './compliance-page';
import { OWN_ATTRIBUTE, showNotice } from './notice';
import { createPanelHost } from './panel-host';
import { findDecoration, renderRowDecoration } from './row-decoration';
import css from './style.css?inline';

export const catalog = { ...common, ...pageCatalog };
export type ContentKey = Extract<keyof typeof catalog, string>;

/** Lets features reach what the session knows without importing it. */
export interface SessionView {
  t: Translate<ContentKey>;
  lang: Language;
  context: PageContext;
}

/** Reading time per task before the rest of the queue waits for the next one. */
const READ_SLICE_MS = 6;
/**
 * How long what is to be drawn (decorations, badges) may wait for the page's own next change. On a
 * long inventory page every frame costs a fixed 35 ms (250 rows) to 120 ms (1,000 rows) of style,
 * layout and pre-paint however small the change (one element added to one row, measured in
 * Chromium on the fixtures), so each frame Shelfwise causes on its own tends to be a long task:
 * drawing is held back and done inside the frames the page renders anyway (its next batch of rows),
 * or once after this delay. Rows the page adds are drawn with it (onRows); what waits here is mostly
 * badges, answered after the rows were drawn. 1.5 s rather than 0.8 s: on current-1000, long-task
 * time with the extension 8,539 ms against 8,947 (medians of 3, alternated in one run), same on
 * current-250.
 */
const WRITE_DELAY_MS = 1500;
/**
 * One row in this many is read by walking all its elements (the others by the class names learned):
 * a row the learned names do not explain is walked anyway, and this catches a part whose class name
 * only later rows carry, at 1% of the reading time instead of a walk per task.
 */
const WALK_EVERY = 100;
/** Rows drawn in one go at most; the rest follow shortly after. */
const WRITE_BATCH = 400;
/** Rows read at once inside the page's own task at most (see onRows). */
const READ_NOW_MAX = 250;
/**
 * Page reads are stored once no new rows have come for this long (lib/quiet-gate.ts: storing them as
 * they came made the page's own layout wait for a CPU), and at the latest this long after the first
 * read held. Their badges are asked for at once, so nothing the seller sees waits for the store.
 */
const INGEST_QUIET_MS = 1500;
const INGEST_MAX_HOLD_MS = 10_000;

function isOwn(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  return !!element?.closest(`[${OWN_ATTRIBUTE}]`);
}

/**
 * One visit to an inventory page: read, decide whether the layout is recognised, decorate, send
 * what was seen to the background, and keep doing so as rows arrive or are replaced.
 */
export class InventorySession {
  private observer: RowObserver | undefined;
  private readonly rows = new Map<Element, RowReading>();
  private readonly sent = new Map<string, string>();
  /**
   * Badges by SKU, for rows the page re-renders with the same data; `counted` when they count the
   * read they were asked for as stored (asked with `reads`, or answered to the page read itself).
   */
  private readonly badges = new Map<string, { listing: string; data: RowBadges; asked: number; counted: boolean }>();
  /** Badge requests in the order they were asked: a slow early answer never replaces a later one. */
  private badgesAsked = 0;
  /** Pending main-image checks asked about again, and the per-severity summary (compliance-page.ts). */
  private readonly compliancePage = new CompliancePage({
    doc: () => this.doc,
    lang: () => this.view?.lang,
    rows: () => this.rows.values(),
    badges: (sku) => this.badges.get(sku)?.data,
    request: (listings) => this.requestBadges(listings),
    // Plain timers: stop() clears them, and the context's timers keep a listener per call.
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (id) => clearTimeout(id),
    draw: (write) => {
      this.draws.add(write);
      this.armWriteTimer();
    },
  });
  /** When the read rows are sent to be stored (see INGEST_QUIET_MS). */
  private readonly ingestGate = createQuietGate(
    () => this.flush(),
    { quietMs: INGEST_QUIET_MS, maxHoldMs: INGEST_MAX_HOLD_MS },
    {
      now: () => Date.now(),
      // Plain timers, as for the other waits: stop() cancels this one.
      setTimeout: (callback, ms) => window.setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle),
    },
  );
  private tally = emptyTally();
  private stopped = false;
  private unwatch: (() => void) | undefined;
  private view: SessionView | undefined;
  /** While a batch is written through the page, reads are not sent: the proven state is sent after. */
  private ingestPaused = false;
  private applier: ReturnType<typeof createApplier> | undefined;
  private readonly readAt = new WeakMap<Element, number>();
  private bulkButton: HTMLButtonElement | undefined;
  private generation: Generation | undefined;
  private rowsRead = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document,
  ) {}

  async start(): Promise<void> {
    const { settings } = await loadSettings();
    if (this.stopped) return;
    const setLanguage = (setting: typeof settings.language) => {
      const lang = resolveLanguage(setting, browserUiLanguage());
      return { lang, t: createTranslator(catalog, lang) };
    };
    let language = setLanguage(settings.language);
    this.unwatch = watchSettings(({ settings: next }) => {
      language = setLanguage(next.language);
      if (this.view) {
        this.view = { ...this.view, ...language };
        this.redecorateAll();
        // Badge texts are rendered by the background in the chosen language: ask again.
        this.badges.clear();
        this.requestBadges(
          [...this.rows.values()].flatMap((r) => (r.listing && r.element.isConnected ? [r.listing] : [])),
        );
      }
    });

    const generation = await this.waitForGeneration();
    if (!generation || this.stopped) return;
    this.generation = generation;
    const url = new URL(location.href);
    const context = readPageContext(this.doc, url, generation, settings.activeAccount || DEFAULT_ACCOUNT);
    this.view = { ...language, context };
    this.ensureStyle();
    // Reads still held when the seller leaves or hides the tab are sent then, not lost.
    this.ctx.addEventListener(this.doc, 'visibilitychange', () => {
      if (this.doc.visibilityState === 'hidden') this.ingestGate.flushNow();
    });
    this.ctx.addEventListener(window, 'pagehide', () => this.ingestGate.flushNow());

    const start = performance.now();
    const readings = readRows(findRowElements(this.doc, generation), context);
    // The page's data was fetched after navigation start: that is when these rows were current.
    if (!this.accept(readings, performance.timeOrigin)) return;
    performance.measure('shelfwise:initial', { start, end: performance.now() });
    if (context.marketplace === null) showNotice(this.doc, 'no-marketplace', this.view.t('page.noMarketplace'));
    this.bulkButton = mountBulkButton(this.doc, generation, this.view.t('page.bulkEdit'), () => void this.openPanel());

    this.observer = observeRows(this.doc.body, {
      isOwn,
      findRows: (root) => findRowElements(root, generation),
      closestRow: (node) => node.closest(generation === 'legacy' ? 'tr.mt-row, tr[data-row-data]' : '[data-sku]'),
      // Rows the page just added or changed are read now, in the page's task, and drawn with it.
      onRows: (rows) => this.onRows(rows, true),
      onRescan: () => this.onRows(findRowElements(this.doc, generation), false),
      // The page is changing: it renders a frame anyway, and what waits to be drawn joins it.
      onPageMutation: () => {
        if (this.writeQueue.size > 0 || this.draws.size > 0) this.flushWrites();
      },
    });
  }

  stop(): void {
    this.stopped = true;
    this.ingestGate.cancel();
    clearTimeout(this.writeTimer);
    this.writeQueue.clear();
    this.draws.clear();
    this.observer?.disconnect();
    this.unwatch?.();
    this.compliancePage.stop();
  }

  /** In-app navigation: the rows will be replaced; forget what was sent so the new view is sent too. */
  navigated(): void {
    this.sent.clear();
  }

  /** Resolves with the page generation once rows (or the legacy table) exist, or undefined on leaving. */
  private waitForGeneration(): Promise<Generation | undefined> {
    // Runs on every change while the page's app starts: a first row is enough, none are gathered.
    const find = (): Generation | undefined => {
      const kind = detectPage(new URL(location.href), this.doc);
      if (kind === 'other') return undefined;
      const generation = kind === 'legacy-inventory' ? 'legacy' : 'current';
      return hasRows(this.doc, generation) ? generation : undefined;
    };
    const now = find();
    if (now) return Promise.resolve(now);
    return new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        const found = find();
        if (found) {
          observer.disconnect();
          resolve(found);
        }
      });
      observer.observe(this.doc.documentElement, { childList: true, subtree: true });
      this.ctx.onInvalidated(() => {
        observer.disconnect();
        resolve(undefined);
      });
    });
  }

  private ensureStyle(): void {
    if (this.doc.querySelector(`style[${OWN_ATTRIBUTE}="style"]`)) return;
    const style = this.doc.createElement('style');
    style.setAttribute(OWN_ATTRIBUTE, 'style');
    style.textContent = css;
    this.doc.head.append(style);
  }

  /** Rows waiting to be read, in the order they arrived. */
  private readonly queue = new Set<Element>();
  /**
   * Rows waiting to be drawn: their decoration (with the JSON of the listing read, whose cached
   * badges it may show) and/or their SKU's badges that arrived.
   */
  private readonly writeQueue = new Map<Element, { listingJson?: string; badges?: boolean }>();
  private writeTimer: number | undefined;
  /** Other DOM writes waiting for the same moment (the page-checks summary). */
  private readonly draws = new Set<() => void>();
  /** The row elements of each SKU, so a badge answer finds its rows without a walk over all of them. */
  private readonly elementsBySku = new Map<string, Set<Element>>();
  private draining = false;
  /** Listings read while a page read is on its way to the background: sent together when it returns. */
  private outbox:
    | { listings: Map<string, Listing>; json: Map<string, string>; renderedAt: number; readAt: number }
    | undefined;
  private sending = false;

  /**
   * `inPageTask`: called at the end of the page task that added or changed these rows. A few hundred
   * rows are then read at once, so that they are drawn in the frame the page renders for them (a
   * frame of our own later would cost the page as much as its own); more wait for our own tasks.
   */
  private onRows(elements: Element[], inPageTask: boolean): void {
    const view = this.view;
    if (this.stopped || !view) return;
    if (!inPageTask || elements.length > READ_NOW_MAX) {
      for (const element of elements) this.queue.add(element);
      this.scheduleDrain();
      return;
    }
    const start = performance.now();
    const readings: RowReading[] = [];
    for (const element of elements) {
      this.queue.delete(element);
      if (element.isConnected) readings.push(this.read(element, view));
    }
    if (readings.length && !this.accept(readings, Date.now())) return;
    performance.measure('shelfwise:batch', { start, end: performance.now() });
  }

  private read(element: Element, view: SessionView): RowReading {
    return readRow(element, view.context, { thorough: this.rowsRead++ % WALK_EVERY === 0 });
  }

  private scheduleDrain(): void {
    if (this.draining) return;
    this.draining = true;
    // Tasks of our own for what is too much to add to one of the page's (a re-scan, hundreds of rows
    // at once): read in slices, drawn with the page's next change. A plain timer: drain() checks that
    // the session still runs, and the context's timers keep a listener per call for the page's life.
    setTimeout(() => this.drain(), 0);
  }

  /**
   * Reads queued rows for at most a slice of time, then yields to the page and goes
   * on in the next task: a thousand rows arriving at once never become one long task.
   */
  private drain(): void {
    this.draining = false;
    const view = this.view;
    if (this.stopped || !view) {
      this.queue.clear();
      return;
    }
    const start = performance.now();
    const readings: RowReading[] = [];
    for (const element of this.queue) {
      this.queue.delete(element);
      if (!element.isConnected) continue;
      readings.push(this.read(element, view));
      if (readings.length % 8 === 0 && performance.now() - start > READ_SLICE_MS) break;
    }
    // Drawing is queued (flushWrites): this task reads and sends, and writes nothing.
    if (readings.length && !this.accept(readings, Date.now())) return;
    performance.measure('shelfwise:batch', { start, end: performance.now() });
    if (this.queue.size > 0) this.scheduleDrain();
  }

  private queueWrite(element: Element, write: { listingJson?: string; badges?: boolean }): void {
    const queued = this.writeQueue.get(element);
    if (queued) {
      if (write.listingJson !== undefined) queued.listingJson = write.listingJson;
      if (write.badges) queued.badges = true;
    } else {
      this.writeQueue.set(element, { ...write });
    }
    this.armWriteTimer();
  }

  private armWriteTimer(delay = WRITE_DELAY_MS): void {
    if (this.writeTimer !== undefined) return;
    this.writeTimer = window.setTimeout(() => {
      this.writeTimer = undefined;
      this.flushWrites();
    }, delay);
  }

  /** Draws the waiting decorations and badges, all in one go (one frame). */
  private flushWrites(): void {
    const view = this.view;
    if (this.stopped || !view) {
      this.writeQueue.clear();
      this.draws.clear();
      return;
    }
    const write = () => {
      const start = performance.now();
      let written = 0;
      for (const [element, queued] of this.writeQueue) {
        if (written++ >= WRITE_BATCH) break;
        this.writeQueue.delete(element);
        const reading = this.rows.get(element);
        if (!reading?.listing || !element.isConnected) continue;
        const decoration =
          queued.listingJson !== undefined
            ? renderRowDecoration(reading, view)
            : (findDecoration(element) ?? renderRowDecoration(reading, view));
        const cached = this.badges.get(reading.sku);
        // A row read anew shows cached badges only if they were for exactly what it shows now.
        if (decoration && cached && (queued.badges || cached.listing === queued.listingJson)) {
          renderBadges(decoration, cached.data);
        }
      }
      performance.measure('shelfwise:write', { start, end: performance.now() });
      // Other writes measure themselves (the summary does).
      const draws = [...this.draws];
      this.draws.clear();
      for (const draw of draws) draw();
    };
    if (this.observer) this.observer.withoutOwnRecords(write);
    else write();
    // Everything waiting was drawn: what is queued next waits its full delay for the page's next
    // change (badges answered just after a batch of rows was drawn with the page).
    if (this.writeQueue.size === 0 && this.draws.size === 0 && this.writeTimer !== undefined) {
      clearTimeout(this.writeTimer);
      this.writeTimer = undefined;
    }
    if (this.writeQueue.size > 0) this.armWriteTimer(0);
  }

  /** Tallies, queues the drawing of and sends a batch; false when the page turned out unrecognised. */
  private accept(readings: RowReading[], renderedAt: number): boolean {
    const view = this.view;
    if (!view) return false;
    const fresh = readings.filter((r) => this.rows.get(r.element)?.problem !== undefined || !this.rows.has(r.element));
    this.tally = addToTally(this.tally, fresh);
    const now = Date.now();
    for (const reading of readings) {
      const before = this.rows.get(reading.element);
      if (before && before.sku !== reading.sku) this.elementsBySku.get(before.sku)?.delete(reading.element);
      const elements = this.elementsBySku.get(reading.sku);
      if (elements) elements.add(reading.element);
      else this.elementsBySku.set(reading.sku, new Set([reading.element]));
      this.rows.set(reading.element, reading);
      this.readAt.set(reading.element, now);
    }
    // Rows the page replaced are gone for good: forget them so a long session does not grow.
    if (this.rows.size > 4 * Math.max(250, readings.length)) {
      for (const [element, reading] of this.rows) {
        if (element.isConnected) continue;
        this.rows.delete(element);
        this.elementsBySku.get(reading.sku)?.delete(element);
      }
    }
    if (verdict(this.tally) === 'unrecognised') {
      this.giveUp();
      return false;
    }
    // Each listing serialised once: it is compared with what was sent and what the badges were for.
    const json = new Map<RowReading, string>();
    for (const reading of readings) {
      if (!reading.listing) continue;
      const serialised = JSON.stringify(reading.listing);
      json.set(reading, serialised);
      this.queueWrite(reading.element, { listingJson: serialised });
    }
    this.send(readings, json, renderedAt);
    return true;
  }

  /** Opens the bulk-edit panel: loaded into this tab on first use, reused afterwards. */
  private async openPanel(): Promise<void> {
    const view = this.view;
    const generation = this.generation;
    if (!view || !generation) return;
    const { settings } = await loadSettings();
    this.applier ??= createApplier({
      ctx: this.ctx,
      doc: this.doc,
      generation,
      context: () => (this.view as SessionView).context,
      account: view.context.account,
      marketplace: view.context.marketplace,
      pauseIngest: (paused) => this.pauseIngest(paused),
    });
    const applier = this.applier;
    const host = createPanelHost({
      apply: (request, onProgress) => applier.apply(request, onProgress),
      cancelApply: () => applier.cancel(),
      lang: view.lang,
      settings,
      account: view.context.account,
      marketplace: view.context.marketplace,
      rows: () => {
        const now = Date.now();
        const rows = [];
        for (const reading of this.rows.values()) {
          if (!reading.listing || !reading.element.isConnected) continue;
          rows.push({ listing: reading.listing, readAgoMs: now - (this.readAt.get(reading.element) ?? now) });
        }
        return rows;
      },
      tickedSkus: () => {
        const ticked: string[] = [];
        for (const reading of this.rows.values()) {
          if (reading.listing && reading.element.isConnected && isRowTicked(reading.element, generation)) {
            ticked.push(reading.sku);
          }
        }
        return ticked;
      },
      onClose: () => {
        const globals = globalThis as PanelGlobals;
        globals.__shelfwisePanelHandle?.unmount();
        globals.__shelfwisePanelHandle = undefined;
        this.bulkButton?.focus();
      },
    });
    const globals = globalThis as PanelGlobals;
    globals.__shelfwisePanelHost = host;
    try {
      if (globals.__shelfwiseMountPanel) globals.__shelfwiseMountPanel(host);
      else await sendRequest('openPanel', {});
    } catch (error) {
      showNotice(
        this.doc,
        'panel-error',
        view.t('page.panelFailed', { message: error instanceof Error ? error.message : String(error) }),
      );
    }
  }

  /** Puts badge data on every connected row of its SKU and remembers it for re-rendered rows. */
  private applyBadges(
    all: RowBadges[],
    listings: Listing[],
    asked: { order: number; counted: boolean },
    serialised?: ReadonlyMap<string, string>,
  ): void {
    const start = performance.now();
    const bySku = serialised ?? new Map(listings.map((l) => [l.sku, JSON.stringify(l)]));
    const answered = new Set<string>();
    for (const data of all) {
      const listing = bySku.get(data.sku);
      if (!listing) continue;
      // A slow answer never replaces one asked for later about the same read.
      const cached = this.badges.get(data.sku);
      if (cached && cached.listing === listing && cached.asked > asked.order) continue;
      this.badges.set(data.sku, { listing, data, asked: asked.order, counted: asked.counted });
      answered.add(data.sku);
    }
    // Drawn with the next batch of writes (see WRITE_DELAY_MS).
    for (const sku of answered) {
      for (const element of this.elementsBySku.get(sku) ?? []) this.queueWrite(element, { badges: true });
    }
    this.compliancePage.onBadges(all);
    performance.measure('shelfwise:badges', { start, end: performance.now() });
  }

  /**
   * Badges without recording anything: unknown marketplace, rows being edited, a language change;
   * `reads`: reads waiting to be stored, whose badges count them as stored. `serialised`: the
   * listings' JSON by SKU, where already made.
   */
  private requestBadges(listings: Listing[], serialised?: ReadonlyMap<string, string>, reads = false): void {
    const view = this.view;
    if (!view || listings.length === 0) return;
    const asked = { order: ++this.badgesAsked, counted: reads };
    const request = {
      account: view.context.account,
      marketplace: view.context.marketplace,
      lang: view.lang,
      ...(reads ? { reads } : {}),
    };
    // The listings' JSON made once already is sent as it is, as the page read's is.
    const json = serialised && listings.every((l) => serialised.has(l.sku));
    void (
      json
        ? sendRequestJson(
            'badges',
            `${JSON.stringify(request).slice(0, -1)},"listings":[${listings.map((l) => serialised.get(l.sku)).join(',')}]}`,
          )
        : sendRequest('badges', { ...request, listings })
    )
      .then(({ badges }) => this.applyBadges(badges, listings, asked, serialised))
      .catch((error: unknown) => console.warn('[Shelfwise] badges unavailable', error));
  }

  private redecorateAll(): void {
    if (!this.view || verdict(this.tally) === 'unrecognised') return;
    for (const reading of this.rows.values()) {
      if (reading.listing && reading.element.isConnected) renderRowDecoration(reading, this.view);
    }
  }

  /** Nothing is decorated, ingested or written on a layout we cannot read with confidence. */
  private giveUp(): void {
    this.observer?.disconnect();
    for (const decoration of this.doc.querySelectorAll(`[${OWN_ATTRIBUTE}="row"]`)) decoration.remove();
    if (this.view) showNotice(this.doc, 'unrecognised', this.view.t('page.unrecognised'));
    this.stopped = true;
  }

  /** After a write, every row is read again and sent: the history records the proven state. */
  private pauseIngest(paused: boolean): void {
    this.ingestPaused = paused;
    if (paused || !this.view || !this.generation) return;
    // Reads held during the write are older than the proven state read now: that replaces them.
    this.outbox = undefined;
    this.sent.clear();
    const context = this.view.context;
    const readings = readRows(findRowElements(this.doc, this.generation), context);
    this.accept(readings, Date.now());
    // The page is not scrolling now, and the proven state is what the history is waiting for.
    this.ingestGate.flushNow();
  }

  private send(readings: RowReading[], serialised: ReadonlyMap<RowReading, string>, renderedAt: number): void {
    const view = this.view;
    if (!view || !this.generation || this.ingestPaused) return;
    const listings: Listing[] = [];
    const badgesOnly: Listing[] = [];
    // Badges are asked for at once; the storing of a read waits for the page to be quiet.
    const badgesOfReads: Listing[] = [];
    const badgesJson = new Map<string, string>();
    const sentJson = new Map<string, string>();
    for (const reading of readings) {
      if (!reading.listing) continue;
      const json = serialised.get(reading) ?? JSON.stringify(reading.listing);
      const hasBadges = this.badges.get(reading.sku)?.listing === json;
      if (!hasBadges) badgesJson.set(reading.sku, json);
      // A row the seller is editing shows unsaved numbers (not the listing's state), and nothing is
      // recorded where the marketplace is unknown: such rows only get their badges.
      if (reading.dirty || view.context.marketplace === null || this.sent.get(reading.sku) === json) {
        if (!hasBadges) badgesOnly.push(reading.listing);
        continue;
      }
      this.sent.set(reading.sku, json);
      sentJson.set(reading.sku, json);
      listings.push(reading.listing);
      if (!hasBadges) badgesOfReads.push(reading.listing);
    }
    this.requestBadges(badgesOnly, badgesJson);
    this.requestBadges(badgesOfReads, badgesJson, true);
    if (listings.length === 0) return;
    // One page read on its way at a time: what is read meanwhile goes out together when it returns,
    // so a page that streams rows in costs the background a few transactions, not one per slice.
    this.outbox ??= { listings: new Map(), json: new Map(), renderedAt, readAt: Date.now() };
    const box = this.outbox;
    for (const listing of listings) {
      box.listings.set(listing.sku, listing);
      box.json.set(listing.sku, sentJson.get(listing.sku) as string);
    }
    // The earliest render time of the rows sent together: never newer than any of them.
    box.renderedAt = Math.min(box.renderedAt, renderedAt);
    this.ingestGate.touch();
  }

  private flush(): void {
    const view = this.view;
    const box = this.outbox;
    if (this.sending || !box || !view || !this.generation || this.ingestPaused || this.stopped) return;
    this.outbox = undefined;
    this.sending = true;
    const listings = [...box.listings.values()];
    const context = view.context;
    const head: Omit<RequestOf<'pageRead'>, 'listings'> = {
      url: location.href,
      generation: this.generation,
      account: context.account,
      marketplace: context.marketplace,
      pageLanguage: context.pageLanguage,
      loadedAt: Math.round(box.renderedAt),
      readAt: box.readAt,
      lang: view.lang,
    };
    // Every row's badges were asked for when it was read, counting the read as stored: asked again
    // now they would say the same, and cost the background and the page a second round.
    let answered = true;
    for (const [sku, listingJson] of box.json) {
      const cached = this.badges.get(sku);
      if (cached?.listing !== listingJson || !cached.counted) {
        answered = false;
        break;
      }
    }
    if (answered) head.skipBadges = true;
    // Each listing was serialised once already (to compare it with what was sent): reused here.
    const json = `${JSON.stringify(head).slice(0, -1)},"listings":[${[...box.json.values()].join(',')}]}`;
    const asked = { order: ++this.badgesAsked, counted: true };
    void sendRequestJson('pageRead', json)
      .then(({ badges }) => this.applyBadges(badges, listings, asked, box.json))
      .catch((error: unknown) => {
        // Nothing is lost: the next visit reads the page again. Forget these so a retry sends them,
        // unless a newer read of the SKU is already waiting to go.
        for (const listing of listings) {
          if (this.sent.get(listing.sku) === box.json.get(listing.sku)) this.sent.delete(listing.sku);
        }
        console.warn('[Shelfwise] could not reach the background', error);
      })
      .finally(() => {
        this.sending = false;
        // What was read meanwhile goes now if its quiet time has passed, else when it does.
        if (!this.ingestGate.holding) this.flush();
      });
  }
}
