import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AlertListSchema } from '@/lib/alerts/list';
import { ALARMS, listenForAlarms } from '@/lib/background/alarms';
import { BASIS_PREFIX, currentBasis, FEE_NOTES_KEY, markDirty, storedMarketplaces } from '@/lib/background/alert-basis';
import { SKIP_KEY, type SkipRecord, sameSkipRecord } from '@/lib/background/alert-skip';
import {
  alertList,
  alertsAfterIngest,
  alertsAlarm,
  createScheduler,
  ensureWholeList,
  evaluateAlerts,
  HEAD_KEY,
  HEAD_ROWS,
  LIST_KEY,
  listenForAlertEvents,
  NOTIFY_KEY,
  notificationTarget,
  requestAlertEvaluation,
  runAlertEvaluation,
  snoozeAlert,
} from '@/lib/background/alerts';
import { packNotifyMemory, unpackNotifyMemory } from '@/lib/background/basis-pack';
import { ingestPageRead } from '@/lib/db/ingest';
import { closeStore, store } from '@/lib/db/open';
import { skuKey } from '@/lib/model/keys';
import type { Listing } from '@/lib/model/listing';
import { loadSettings, updateSettings } from '@/lib/settings';
import { DAY_MS } from '@/lib/time';
import { listing, pageRead } from '../db/helpers';

/**
 * The background side of alerts against fake-indexeddb and WXT's fake browser: the store is filled by
 * the real ingest, evaluation runs as the alarm, an ingest or a settings change starts it, and what
 * the seller sees (badge, notifications, the popup's list) is read back from the fake browser and the
 * store. The clock is fixed: every evaluation is given its `now`.
 */

// Noon UTC on a day with no event near: quiet hours (22:00–08:00 local) never apply.
const T0 = Date.UTC(2026, 2, 10, 12);
const key = (sku: string) => skuKey({ account: 'Acme', marketplace: 'US', sku });

/** 30 days of page sales: `perDay` units a day. */
function selling(sku: string, available: number, perDay: number, overrides: Partial<Listing> = {}): Listing {
  return listing(sku, { stock: { available }, pageSales: { units: Math.round(perDay * 30), days: 30 }, ...overrides });
}

/** ok: 500 days of cover. low: 8 available (under 10), 80 days. critical: 12 days, before any restock. out: 0, selling. */
const FIRST = [
  selling('OK-1', 500, 1),
  selling('LOW-1', 8, 0.1),
  selling('CRIT-1', 12, 1),
  selling('OUT-1', 0, 0.5),
  listing('PARENT', { isParent: true, stock: {} }),
  listing('CLOSED-0', { state: 'closed', stock: { available: 0 } }),
  listing('amzn.gr.OK-1-abc', { stock: { available: 1 }, channel: 'fba' }),
];

async function withoutEvents(): Promise<void> {
  await updateSettings((s) => {
    s.events = [];
    return s;
  });
}

async function ingest(listings: Listing[], at: number) {
  const db = await store();
  const result = await ingestPageRead(db, pageRead(listings, at));
  return { db, keys: result.keys };
}

async function notificationIds(): Promise<string[]> {
  return Object.keys(await fakeBrowser.notifications.getAll()).sort();
}

/** The fixed clock every evaluation started by the scheduler reads. */
function setNow(at: number): void {
  vi.spyOn(Date, 'now').mockReturnValue(at);
}

beforeEach(() => setNow(T0));

afterEach(async () => {
  // Any evaluation still scheduled finishes against this test's store before the next one starts.
  await requestAlertEvaluation(0).catch(() => undefined);
  await closeStore();
});

describe('the alarm path', () => {
  it('evaluates every stored SKU with no page open: badge, notifications, the popup list', async () => {
    await withoutEvents();
    await ingest(FIRST, T0 - 3_600_000);
    listenForAlarms();
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARMS.evaluateAlerts.name, scheduledTime: T0 });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('3'));
    // Red: something is critical (CRIT-1, and OUT-1, which sells and has nothing).
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([217, 45, 32, 255]);
    expect(await fakeBrowser.action.getTitle({})).toContain('3 SKUs low or running out');

    const db = await store();
    const list = AlertListSchema.parse(await alertList(db));
    const rows = list.groups.flatMap((g) => g.rows);
    // Most urgent first; the healthy SKU, the parent, the closed listing and Amazon's resale listing are not listed.
    expect(rows.map((r) => [r.sku, r.state])).toEqual([
      ['OUT-1', 'out'],
      ['CRIT-1', 'critical'],
      ['LOW-1', 'low'],
    ]);
    expect(list.evaluated).toBe(4);
    expect(list.badge).toEqual({ low: 1, critical: 2 });
    const crit = rows.find((r) => r.sku === 'CRIT-1');
    expect(crit?.available).toBe(12);
    expect(crit?.perDay).toBeCloseTo(1, 6);
    // 12 units seen an hour before the evaluation: an hour of sales is gone.
    expect(crit?.daysOfCover).toBeCloseTo(12 - 1 / 24, 4);
    expect(crit?.link).toBe('https://sellercentral.amazon.com/myinventory/inventory?searchField=sku&searchTerm=CRIT-1');

    expect(await notificationIds()).toEqual(
      ['OUT-1', 'CRIT-1', 'LOW-1'].map((sku) => `shelfwise:alert:${key(sku)}`).sort(),
    );
    const shown = await fakeBrowser.notifications.getAll();
    expect(shown[`shelfwise:alert:${key('LOW-1')}`]).toMatchObject({
      type: 'basic',
      title: 'Low stock: LOW-1',
      iconUrl: fakeBrowser.runtime.getURL('/icon/128.png'),
    });
  });

  it('the alarm is registered with the others, every 30 minutes', async () => {
    expect(ALARMS.evaluateAlerts.periodInMinutes).toBe(30);
  });
});

describe('after an ingest', () => {
  it('notifies a SKU that got worse once, and never again for the same state', async () => {
    await withoutEvents();
    const first = await ingest(FIRST, T0);
    await alertsAfterIngest(first.db, first.keys, T0);
    await requestAlertEvaluation(0);
    expect(await notificationIds()).toHaveLength(3);
    for (const id of await notificationIds()) await fakeBrowser.notifications.clear(id);

    // The next visit sees the same stock: nothing new to say.
    setNow(T0 + 3_600_000);
    const again = await ingest(FIRST, T0 + 3_600_000);
    await alertsAfterIngest(again.db, again.keys, T0 + 3_600_000);
    await requestAlertEvaluation(0);
    expect(await notificationIds()).toEqual([]);

    // LOW-1 sells its last units: out of stock is worse than low, so it is said once.
    const later = FIRST.map((l) => (l.sku === 'LOW-1' ? selling('LOW-1', 0, 0.1) : l));
    setNow(T0 + 7_200_000);
    const third = await ingest(later, T0 + 7_200_000);
    await alertsAfterIngest(third.db, third.keys, T0 + 7_200_000);
    await requestAlertEvaluation(0);
    expect(await notificationIds()).toEqual([`shelfwise:alert:${key('LOW-1')}`]);
    expect((await fakeBrowser.notifications.getAll())[`shelfwise:alert:${key('LOW-1')}`]?.title).toBe(
      'Out of stock: LOW-1',
    );
    await fakeBrowser.notifications.clear(`shelfwise:alert:${key('LOW-1')}`);
    setNow(T0 + 7_300_000);
    await requestAlertEvaluation(0);
    expect(await notificationIds()).toEqual([]);
  });

  it('the ingest leaves its keys behind, so a stopped worker loses nothing: the next evaluation reads them', async () => {
    await withoutEvents();
    await ingest(FIRST, T0);
    await runAlertEvaluation(T0);
    const db = await store();
    // A later read whose evaluation never ran (the worker stopped after the answer).
    const later = FIRST.map((l) => (l.sku === 'OK-1' ? selling('OK-1', 3, 1) : l));
    const { keys } = await ingest(later, T0 + 60_000);
    await markDirty(db, keys, T0 + 60_000);
    const outcome = await runAlertEvaluation(T0 + 120_000);
    expect(outcome.alerts.find((a) => a.sku === 'OK-1')?.state).toBe('critical');
    expect((await db.getAllKeys('meta')).filter((k) => String(k).startsWith('alerts:dirty:'))).toEqual([]);
  });

  it('a page’s batches arriving together are evaluated once', async () => {
    await withoutEvents();
    const db = await store();
    const evaluated: number[] = [];
    const first = await ingest(FIRST.slice(0, 2), T0);
    await alertsAfterIngest(db, first.keys, T0);
    const second = await ingest(FIRST.slice(2), T0 + 500);
    await alertsAfterIngest(db, second.keys, T0 + 500);
    const outcome = await requestAlertEvaluation(0);
    evaluated.push(outcome.alerts.length);
    // Both batches are in the one evaluation, and its notifications come as one set.
    expect(evaluated).toEqual([4]);
    expect(await notificationIds()).toHaveLength(3);
  });
});

describe('the basis kept in the store', () => {
  it('is refreshed for touched SKUs only, rebuilt on a new marketplace day and when velocity settings change', async () => {
    await withoutEvents();
    const { db, keys } = await ingest(FIRST, T0);
    const { settings } = await loadSettings();
    const first = await currentBasis(db, settings, T0);
    expect(first.work.rebuilt).toEqual(['Acme\u001fUS']);
    expect(first.records[0]?.entries.map((e) => e.sku)).toEqual(['CRIT-1', 'LOW-1', 'OK-1', 'OUT-1']);

    const steady = await currentBasis(db, settings, T0 + 60_000);
    expect(steady.work).toEqual({ rebuilt: [], refreshed: [], feeNotes: false, refreshedFrom: {} });
    // Read back from its packed, stored form, the basis is the one built.
    expect(steady.records).toEqual(first.records);

    await markDirty(db, keys.slice(0, 1), T0 + 120_000);
    const refreshed = await currentBasis(db, settings, T0 + 120_000);
    expect(refreshed.work.refreshed).toEqual(['Acme\u001fUS']);
    expect(refreshed.work.rebuilt).toEqual([]);

    const nextDay = await currentBasis(db, settings, T0 + DAY_MS);
    expect(nextDay.work.rebuilt).toEqual(['Acme\u001fUS']);
    // Fee notes follow the series written at the rebuild, not every alarm.
    expect(nextDay.work.feeNotes).toBe(true);

    settings.velocity.includeWorkingShipments = true;
    expect((await currentBasis(db, settings, T0 + DAY_MS + 60_000)).work.rebuilt).toEqual(['Acme\u001fUS']);
    expect(await db.get('meta', FEE_NOTES_KEY)).toBeDefined();
  });

  it('a marketplace the store no longer has (all data deleted) leaves the list empty', async () => {
    await withoutEvents();
    const { db } = await ingest(FIRST, T0);
    await runAlertEvaluation(T0);
    await db.clear('skus');
    const outcome = await runAlertEvaluation(T0 + 60_000);
    expect(outcome.alerts).toEqual([]);
    expect((await db.getAllKeys('meta')).filter((k) => String(k).startsWith(BASIS_PREFIX))).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('carries Amazon’s Restock recommendation into the alert, beside Shelfwise’s own', async () => {
    await withoutEvents();
    const fba = selling('FBA-1', 5, 2, { channel: 'fba', stock: { available: 5, inbound: 0, reserved: 0 } });
    const { db } = await ingest([fba], T0);
    await db.put('fbaDetail', {
      key: key('FBA-1'),
      account: 'Acme',
      marketplace: 'US',
      sku: 'FBA-1',
      recommendation: { quantity: 120, shipDate: '2026-03-15', asOf: '2026-03-09', source: 'restock', importedAt: T0 },
      updatedAt: T0,
    });
    const outcome = await runAlertEvaluation(T0);
    const alert = outcome.alerts.find((a) => a.sku === 'FBA-1');
    expect(alert?.amazon).toEqual({ quantity: 120, shipDate: '2026-03-15', asOf: '2026-03-09' });
    expect(alert?.suggestion?.quantity).toBeGreaterThan(0);
    const row = outcome.groups[0]?.rows[0];
    expect([row?.suggested, row?.amazonSuggested]).toEqual([alert?.suggestion?.quantity, 120]);
  });
});

describe('snoozing', () => {
  it('a snoozed SKU is not counted on the badge nor notified, and is listed after the others', async () => {
    await withoutEvents();
    const { db } = await ingest(FIRST, T0);
    await snoozeAlert(db, key('CRIT-1'), T0 + 7 * DAY_MS);
    const outcome = await runAlertEvaluation();
    expect(outcome.badge).toMatchObject({ low: 1, critical: 1, text: '2' });
    expect(await notificationIds()).not.toContain(`shelfwise:alert:${key('CRIT-1')}`);
    const rows = outcome.groups.flatMap((g) => g.rows);
    expect(rows.at(-1)).toMatchObject({ sku: 'CRIT-1', snoozed: true });

    await snoozeAlert(db, key('CRIT-1'), null);
    expect((await runAlertEvaluation()).badge.text).toBe('3');
  });
});

describe('settings changes', () => {
  it('a new per-SKU threshold re-evaluates without a page: OK-1 becomes low', async () => {
    await withoutEvents();
    await ingest(FIRST, T0);
    await runAlertEvaluation(T0);
    listenForAlertEvents();
    await updateSettings((s) => {
      s.thresholds.perSku[key('OK-1')] = { units: 1000 };
      return s;
    });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('4'));
    const db = await store();
    const rows = (await alertList(db)).groups.flatMap((g) => g.rows);
    expect(rows.find((r) => r.sku === 'OK-1')?.reasons).toEqual(['below-units']);
  });
});

describe('notification clicks', () => {
  it('open the dashboard at the SKU; a grouped notification opens the low-stock list', async () => {
    listenForAlertEvents();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const id = `shelfwise:alert:${key('CRIT-1')}`;
    await fakeBrowser.notifications.create(id, { type: 'basic', title: 't', message: 'm', iconUrl: 'i' });
    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    expect(create.mock.calls[0]?.[0]).toEqual({
      url: fakeBrowser.runtime.getURL(`/options.html#history/${encodeURIComponent(key('CRIT-1'))}` as '/'),
    });
    await vi.waitFor(async () => expect(await notificationIds()).toEqual([]));

    expect(notificationTarget('shelfwise:alerts:123')).toBe('/popup.html');
    expect(notificationTarget(`shelfwise:alert:${skuKey({ account: 'Acme', marketplace: 'EU', sku: 'B0X' })}`)).toBe(
      '/popup.html',
    );
    expect(notificationTarget('someone-else')).toBeNull();
  });
});

describe('the popup’s list', () => {
  it('answers the first rows from a record of their own, and the whole list when asked', async () => {
    await withoutEvents();
    const many = Array.from({ length: HEAD_ROWS + 15 }, (_, i) => selling(`LOW-${String(i).padStart(3, '0')}`, 5, 0.1));
    const { db } = await ingest(many, T0);
    await runAlertEvaluation(T0);
    const head = await alertList(db, 20);
    expect(head.groups.flatMap((g) => g.rows)).toHaveLength(20);
    expect(head.complete).toBe(false);
    expect(head.total).toBe(HEAD_ROWS + 15);
    const all = await alertList(db);
    expect(all.complete).toBe(true);
    expect(all.groups.flatMap((g) => g.rows)).toHaveLength(HEAD_ROWS + 15);
    expect(AlertListSchema.safeParse(all).success).toBe(true);
    expect(await db.get('meta', LIST_KEY)).toBeDefined();
  });

  it('after an alarm holds only the first rows; asked for more, the background evaluates and stores the whole list', async () => {
    await withoutEvents();
    const many = Array.from({ length: HEAD_ROWS + 15 }, (_, i) => selling(`LOW-${String(i).padStart(3, '0')}`, 5, 0.1));
    const { db } = await ingest(many, T0);
    await runAlertEvaluation(T0);
    const before = (await db.get('meta', HEAD_KEY))?.value as { total: number };

    setNow(T0 + 30 * 60_000);
    const alarm = await alertsAlarm();
    // The whole list of the evaluation before is gone, not left behind the new first rows.
    expect(await db.get('meta', LIST_KEY)).toBeUndefined();
    const head = (await db.get('meta', HEAD_KEY))?.value as { computedAt: number; total: number; evaluated: number };
    expect(head).toMatchObject({ computedAt: T0 + 30 * 60_000, total: before.total, evaluated: many.length });
    expect(await fakeBrowser.action.getBadgeText({})).toBe(alarm.badge.text);
    expect(alarm.badge.text).toBe(String(HEAD_ROWS + 15));
    const first = await alertList(db, 20);
    expect(first.computedAt).toBe(T0 + 30 * 60_000);
    expect(first.groups.flatMap((g) => g.rows)).toHaveLength(20);

    setNow(T0 + 31 * 60_000);
    await ensureWholeList(db);
    const all = await alertList(db);
    expect(all.computedAt).toBe(T0 + 31 * 60_000);
    expect(all.complete).toBe(true);
    expect(all.groups.flatMap((g) => g.rows).map((r) => r.sku)).toEqual(many.map((l) => l.sku).sort());
    // Stored now: asked again, nothing is evaluated.
    setNow(T0 + 32 * 60_000);
    await ensureWholeList(db);
    expect((await alertList(db)).computedAt).toBe(T0 + 31 * 60_000);
  });

  it('after an alarm, a head that holds every row is the whole list: nothing is evaluated for it', async () => {
    await withoutEvents();
    const { db } = await ingest(FIRST, T0);
    await alertsAlarm();
    expect(await db.get('meta', LIST_KEY)).toBeUndefined();
    setNow(T0 + 60_000);
    await ensureWholeList(db);
    const all = await alertList(db);
    expect(await db.get('meta', LIST_KEY)).toBeUndefined();
    expect(all).toMatchObject({ computedAt: T0, complete: true, total: 3 });
    expect(all.groups.flatMap((g) => g.rows).map((r) => r.sku)).toEqual(['OUT-1', 'CRIT-1', 'LOW-1']);
  });

  it('an alarm joined by a request for the whole list writes it', async () => {
    await withoutEvents();
    const { db } = await ingest(FIRST, T0);
    await Promise.all([requestAlertEvaluation(20, 'head'), requestAlertEvaluation(0)]);
    expect(await db.get('meta', LIST_KEY)).toBeDefined();
    await alertsAlarm();
    expect(await db.get('meta', LIST_KEY)).toBeUndefined();
    // The run after an alarm's is the whole list's again.
    await requestAlertEvaluation(0);
    expect(await db.get('meta', LIST_KEY)).toBeDefined();
  });

  it('is evaluated on demand when none is stored yet (a new install with an old store)', async () => {
    await withoutEvents();
    const { db } = await ingest(FIRST, T0);
    expect(await db.get('meta', LIST_KEY)).toBeUndefined();
    const list = await alertList(db, 10);
    expect(list.total).toBe(3);
    expect(await db.get('meta', NOTIFY_KEY)).toBeDefined();
  });

  it('is empty, with nothing evaluated, for a seller who has not visited a page', async () => {
    const list = await alertList(await store());
    expect(list).toMatchObject({ evaluated: 0, total: 0, groups: [] });
  });
});

describe('the scheduler', () => {
  it('runs requests that arrive together once, and never two runs at the same time', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const schedule = createScheduler(async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
      return ++runs;
    });
    const together = await Promise.all([schedule(10), schedule(0), schedule(30)]);
    expect(together).toEqual([1, 1, 1]);
    const a = schedule(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const b = schedule(0);
    expect(await Promise.all([a, b])).toEqual([2, 3]);
    expect(most).toBe(1);
  });

  it('a failed run rejects its requests and the next run still happens', async () => {
    let calls = 0;
    const schedule = createScheduler(async () => {
      calls++;
      if (calls === 1) throw new Error('store closed');
      return calls;
    });
    await expect(schedule(0)).rejects.toThrow('store closed');
    expect(await schedule(0)).toBe(2);
  });
});

describe('evaluateAlerts without the browser', () => {
  it('stores the memory it decided on in the seller’s language, and drops expired snoozes', async () => {
    await withoutEvents();
    const { db } = await ingest(FIRST, T0);
    await db.put('meta', { key: 'alerts:snoozes', value: { [key('LOW-1')]: T0 - 1, [key('CRIT-1')]: T0 + DAY_MS } });
    const { settings } = await loadSettings();
    const outcome = await evaluateAlerts(db, settings, T0, { lang: 'zh_CN', timeZone: 'UTC' });
    expect(outcome.decision.notifications.map((n) => n.title)).toContain('库存不足：LOW-1');
    expect((await db.get('meta', 'alerts:snoozes'))?.value).toEqual({ [key('CRIT-1')]: T0 + DAY_MS });
    // The snoozed SKU is not remembered as known: it notifies when its snooze ends, if still critical.
    expect([...unpackNotifyMemory((await db.get('meta', NOTIFY_KEY))?.value).keys()].sort()).toEqual(
      [key('LOW-1'), key('OUT-1')].sort(),
    );
  });
});

describe('records an evaluation leaves as they were', () => {
  it('are not written again, and records that changed are: the store always holds what was decided', async () => {
    await withoutEvents();
    const { db } = await ingest(FIRST, T0);
    const { settings } = await loadSettings();
    const env = { lang: 'en', timeZone: 'UTC' } as const;
    // Every put into the store, by record key.
    const writes: string[] = [];
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value, ...rest) {
      writes.push((value as { key: string }).key);
      return put.call(this, value, ...rest);
    });
    await evaluateAlerts(db, settings, T0, env);
    expect(writes).toContain(NOTIFY_KEY);
    expect(writes).toContain(SKIP_KEY);

    // A minute later nothing got worse and nothing new was proven: memory and proofs stay as stored.
    writes.length = 0;
    const later = await evaluateAlerts(db, settings, T0 + 60_000, env);
    expect(writes).toContain(LIST_KEY);
    expect(writes).not.toContain(NOTIFY_KEY);
    expect(writes).not.toContain(SKIP_KEY);
    expect((await db.get('meta', NOTIFY_KEY))?.value).toEqual(packNotifyMemory(later.decision.memory));

    // OK-1 runs low: the memory changes, and is written.
    writes.length = 0;
    await ingestPageRead(db, pageRead([selling('OK-1', 3, 1)], T0 + 120_000)).then((r) =>
      markDirty(db, r.keys, T0 + 120_000),
    );
    const worse = await evaluateAlerts(db, settings, T0 + 180_000, env);
    expect(worse.decision.notified.map((a) => a.sku)).toEqual(['OK-1']);
    expect(writes).toContain(NOTIFY_KEY);
    expect(unpackNotifyMemory((await db.get('meta', NOTIFY_KEY))?.value)).toEqual(worse.decision.memory);
    const skip = (await db.get('meta', SKIP_KEY))?.value;
    expect(skip === undefined || sameSkipRecord(skip as SkipRecord, skip)).toBe(true);
  });
});

describe('the marketplaces the store holds', () => {
  it('finds every account and marketplace pair, codes that prefix one another included', async () => {
    const db = await store();
    const pairs: Array<[string, string]> = [
      ['Acme', 'U'],
      ['Acme', 'UK'],
      ['Acme', 'US'],
      ['Acme2', 'US'],
      ['B', 'DE'],
    ];
    for (const [account, marketplace] of pairs) {
      const rows = [listing('A-1'), listing('A-2'), listing('A-3')];
      await ingestPageRead(db, { ...pageRead(rows, T0), account, marketplace });
    }
    expect(await storedMarketplaces(db)).toEqual(pairs);
  });
});
