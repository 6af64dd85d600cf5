import { afterEach, describe, expect, it } from 'vitest';
import { BASIS_GEN_KEY, currentBasis, markDirty, SNOOZES_KEY } from '@/lib/background/alert-basis';
import { PROVEN, SKIP_KEY, type SkipRecord } from '@/lib/background/alert-skip';
import { type EvaluationOutcome, evaluateAlerts, HEAD_KEY, LIST_KEY, NOTIFY_KEY } from '@/lib/background/alerts';
import { ingestPageRead } from '@/lib/db/ingest';
import type { DB } from '@/lib/db/open';
import { closeStore, store } from '@/lib/db/open';
import type { Listing } from '@/lib/model/listing';
import { loadSettings, type Settings, updateSettings } from '@/lib/settings';
import { addDays, DAY_MS, dayKey } from '@/lib/time';
import { mulberry32 } from '../../fixtures/data/seeded';
import { listing, pageRead } from '../db/helpers';

/**
 * Incremental evaluation (alert-skip.ts) against the full one. Every evaluation below runs twice at
 * the same instant on the same store: once as the alarm does (skipping what the last evaluation proved
 * ok and unlisted for the rest of its day), once in full (the proof record removed, the notification
 * memory and snoozes put back as they were). The popup's list, its head, the notification memory, the
 * badge and the notifications decided must be the same, at every step of a clock walking through two
 * days in two time zones while the store and the settings change under it.
 */

const T0 = Date.UTC(2026, 2, 10, 12);
const HALF_HOUR = 1_800_000;
const ENV = { lang: 'en', timeZone: 'UTC' } as const;

/**
 * SKUs spread over every state and, most of them, near a boundary: days of cover around the 45-day
 * threshold and around the reorder-by dates of each shipping method (29, 44, 79 days), some selling
 * nothing, some with inbound, FBA and merchant-fulfilled.
 */
function skus(marketplace: string, count: number, seed: number): Listing[] {
  const next = mulberry32(seed);
  const covers = [20.6, 21.1, 28.8, 29.3, 43.7, 44.2, 45.1, 45.4, 45.8, 78.6, 79.2, 80.4, 120, 400];
  const out: Listing[] = [];
  for (let i = 0; i < count; i++) {
    const perDay = i % 17 === 0 ? 0 : 0.5 + Math.floor(next() * 40) / 4;
    const cover =
      i % 2 === 0 ? (covers[i % covers.length] as number) + next() * 0.9 : (covers[i % covers.length] as number);
    const available = perDay === 0 ? Math.floor(next() * 30) : Math.max(0, Math.round(perDay * cover));
    out.push(
      listing(`${marketplace}-${String(i).padStart(4, '0')}`, {
        marketplace,
        channel: i % 3 === 0 ? 'fba' : 'mfn',
        asin: `B0${String(i % 40).padStart(8, '0')}`,
        stock: i % 5 === 0 ? { available, inboundShipped: Math.floor(next() * 50) } : { available },
        pageSales: { units: Math.round(perDay * 30), days: 30 },
      }),
    );
  }
  return out;
}

async function ingest(db: DB, marketplace: string, listings: Listing[], at: number): Promise<string[]> {
  const read = { ...pageRead(listings, at), marketplace };
  if (marketplace === 'UK') read.url = 'https://sellercentral.amazon.co.uk/myinventory/inventory';
  const result = await ingestPageRead(db, read);
  return result.keys;
}

async function meta(db: DB, key: string): Promise<unknown> {
  return (await db.get('meta', key))?.value;
}

async function restore(db: DB, key: string, value: unknown): Promise<void> {
  if (value === undefined) await db.delete('meta', key);
  else await db.put('meta', { key, value });
}

interface Step {
  incremental: EvaluationOutcome;
  full: EvaluationOutcome;
}

/** The alarm's evaluation, then the full one at the same instant; both must have the same answers. */
async function both(db: DB, settings: Settings, now: number): Promise<Step> {
  const memory = await meta(db, NOTIFY_KEY);
  const snoozes = await meta(db, SNOOZES_KEY);
  const incremental = await evaluateAlerts(db, settings, now, ENV);
  const after = {
    list: await meta(db, LIST_KEY),
    head: await meta(db, HEAD_KEY),
    memory: await meta(db, NOTIFY_KEY),
    snoozes: await meta(db, SNOOZES_KEY),
    skip: await meta(db, SKIP_KEY),
  };
  await restore(db, NOTIFY_KEY, memory);
  await restore(db, SNOOZES_KEY, snoozes);
  await restore(db, SKIP_KEY, undefined);
  const full = await evaluateAlerts(db, settings, now, ENV);
  expect(full.skipped).toBe(0);
  const at = new Date(now).toISOString();
  expect(await meta(db, LIST_KEY), `list at ${at}`).toEqual(after.list);
  expect(await meta(db, HEAD_KEY), `head at ${at}`).toEqual(after.head);
  expect(await meta(db, NOTIFY_KEY), `memory at ${at}`).toEqual(after.memory);
  expect(await meta(db, SNOOZES_KEY), `snoozes at ${at}`).toEqual(after.snoozes);
  expect(incremental.badge, `badge at ${at}`).toEqual(full.badge);
  expect(incremental.decision.notifications, `notifications at ${at}`).toEqual(full.decision.notifications);
  expect(incremental.decision.deferred, `deferred at ${at}`).toEqual(full.decision.deferred);
  // Every alert the incremental run left out is one the full run found ok and unlisted.
  const evaluated = new Set(incremental.alerts.map((a) => a.key));
  for (const alert of full.alerts) {
    if (evaluated.has(alert.key)) continue;
    expect(alert.state, `${alert.key} skipped at ${at}`).toBe('ok');
    expect(alert.reasons, `${alert.key} skipped at ${at}`).toEqual([]);
  }
  expect(incremental.alerts.length + incremental.skipped).toBe(full.alerts.length);
  // The chain goes on with the incremental run's own record.
  await restore(db, SKIP_KEY, after.skip);
  return { incremental, full };
}

async function settingsNow(change?: (s: Settings) => void): Promise<Settings> {
  if (change)
    await updateSettings((s) => {
      change(s);
      return s;
    });
  return (await loadSettings()).settings;
}

async function seeded(): Promise<{ db: DB; us: Listing[]; uk: Listing[] }> {
  // A days threshold above the fastest lead time (29 days), so that "low" is not hidden by "critical"
  // and SKUs cross it during the day.
  await settingsNow((s) => {
    s.events = [];
    s.thresholds.lowStockDays = 45;
  });
  const db = await store();
  const us = skus('US', 160, 1);
  const uk = skus('UK', 90, 2);
  await ingest(db, 'US', us, T0 - 6 * 3_600_000);
  await ingest(db, 'UK', uk, T0 - 2 * 3_600_000);
  return { db, us, uk };
}

afterEach(async () => {
  await closeStore();
});

describe('incremental evaluation gives the answers of a full one', () => {
  it('through two days in two zones, with ingests, inbound arriving, snoozes, events, settings and a stopped worker', async () => {
    const { db, us, uk } = await seeded();
    let settings = await settingsNow();
    let skippedSomewhere = 0;
    let subsetReads = 0;
    const listedAt: Array<Set<string>> = [];
    for (let step = 0; step < 100; step++) {
      const now = T0 + step * HALF_HOUR;
      if (step === 6) {
        // A page visit: some SKUs sold down, others got their inbound (it arrived and is now available).
        const changed = us.slice(0, 40).map((l, i) => {
          const available = l.stock.available ?? 0;
          return i % 2 === 0
            ? { ...l, stock: { available: Math.max(0, available - 7) } }
            : { ...l, stock: { available: available + 40, inboundShipped: 0 } };
        });
        await markDirty(db, await ingest(db, 'US', changed, now - 1000), now - 1000);
      }
      if (step === 9) {
        // Snoozes on a listed SKU and on a quiet one, both expiring later the same day.
        const listed = [...(listedAt[8] ?? [])][0] ?? '';
        await db.put('meta', {
          key: SNOOZES_KEY,
          value: { [listed]: now + 3 * HALF_HOUR, 'Acme\u001fUS\u001fUS-0011': now + 5 * HALF_HOUR },
        });
      }
      if (step === 14) {
        // A per-SKU threshold far above: SKUs proven ok this morning are low now.
        settings = await settingsNow((s) => {
          for (const l of us.slice(40, 60)) s.thresholds.perSku[`Acme\u001fUS\u001f${l.sku}`] = { days: 200 };
        });
      }
      if (step === 20) {
        // A demand event starting today in both zones, tripling the rate: cover falls faster from now on.
        const today = dayKey(now, 'America/Los_Angeles');
        settings = await settingsNow((s) => {
          s.events = [
            {
              id: 'flash',
              name: 'Flash sale',
              kind: 'demand',
              marketplaces: [],
              start: today,
              end: addDays(today, 1),
              uplift: 3,
              confirmed: true,
            },
          ];
        });
      }
      if (step === 28) {
        settings = await settingsNow((s) => {
          s.events = [];
        });
      }
      if (step === 32)
        settings = await settingsNow((s) => {
          s.restockCapacityPerMonth = 500;
        });
      if (step === 36)
        settings = await settingsNow((s) => {
          s.restockCapacityPerMonth = null;
        });
      if (step === 44) {
        // A worker stopped after the basis took an ingest in but before the evaluation wrote its record:
        // the refreshed keys are no longer reported, so the marketplace is evaluated in full.
        const changed = uk
          .slice(0, 30)
          .map((l) => ({ ...l, stock: { available: Math.max(0, (l.stock.available ?? 0) - 20) } }));
        await markDirty(db, await ingest(db, 'UK', changed, now - 1000), now - 1000);
        await currentBasis(db, settings, now - 500);
      }
      const { incremental, full } = await both(db, settings, now);
      if (step === 33) expect(incremental.skipped).toBe(0);
      // After an ingest, a settings change or a new day the whole basis is read again.
      if ([0, 6, 14, 20, 28, 32, 33, 36, 44].includes(step))
        expect(incremental.basisRead, `step ${step}`).toBe('whole');
      if (incremental.basisRead === 'subset') subsetReads++;
      if (step === 44) {
        const evaluatedUk = incremental.alerts.filter((a) => a.marketplace === 'UK').length;
        expect(evaluatedUk).toBe(full.alerts.filter((a) => a.marketplace === 'UK').length);
      }
      skippedSomewhere += incremental.skipped;
      listedAt.push(new Set(full.alerts.filter((a) => a.state !== 'ok' || a.reasons.length > 0).map((a) => a.key)));
    }
    // The path under test was taken, and often.
    expect(skippedSomewhere).toBeGreaterThan(1000);
    expect(subsetReads).toBeGreaterThan(60);
  }, 120_000);

  it('an ok SKU whose cover crosses the threshold in the afternoon is listed from then, as in a full evaluation', async () => {
    await settingsNow((s) => {
      s.events = [];
    });
    const db = await store();
    // 60.25 days of cover seen at 00:00 in Los Angeles, under a 60-day threshold of its own: below it
    // from 06:00 on (and never critical nor due: air still arrives in time).
    const day = '2026-03-10';
    const midnight = Date.UTC(2026, 2, 10, 7);
    const others = skus('US', 40, 3);
    await ingest(
      db,
      'US',
      [
        ...others,
        listing('CROSS', { stock: { available: 241 }, pageSales: { units: 120, days: 30 } }),
        listing('STEADY', { stock: { available: 1000 }, pageSales: { units: 30, days: 30 } }),
      ],
      midnight,
    );
    const cross = 'Acme\u001fUS\u001fCROSS';
    const settings = await settingsNow((s) => {
      s.thresholds.perSku[cross] = { days: 60 };
    });
    const states: string[] = [];
    let skipped = 0;
    for (let hour = 1; hour < 24; hour++) {
      const now = midnight + hour * 3_600_000;
      expect(dayKey(now, 'America/Los_Angeles')).toBe(day);
      const { incremental, full } = await both(db, settings, now);
      skipped += incremental.skipped;
      states.push(full.alerts.find((a) => a.key === cross)?.state ?? 'missing');
      expect(incremental.alerts.some((a) => a.key === cross)).toBe(true);
    }
    expect(states).toEqual([...Array(6).fill('ok'), ...Array(17).fill('low')]);
    expect(skipped).toBeGreaterThan(0);
  });

  it('on a day with an uplift, quiet SKUs whose stock-out day moves on by one are proven, and still agree', async () => {
    const day = '2026-03-10';
    const midnight = Date.UTC(2026, 2, 10, 7);
    // Demand doubled today only: a day's stock-out instant moves on by as much as the clock does.
    const settings = await settingsNow((s) => {
      s.events = [
        {
          id: 'double',
          name: 'Double',
          kind: 'demand',
          marketplaces: [],
          start: day,
          end: day,
          uplift: 2,
          confirmed: true,
        },
      ];
    });
    const db = await store();
    // 24 a day from 2,400 and more: about 100 days of cover (quiet: nothing due, far above thresholds),
    // the stock-out instants an hour apart through the day.
    const moving = Array.from({ length: 24 }, (_, h) =>
      listing(`MOVE-${String(h).padStart(2, '0')}`, {
        stock: { available: 2400 + h },
        pageSales: { units: 720, days: 30 },
      }),
    );
    await ingest(db, 'US', [...moving, ...skus('US', 40, 4)], midnight);
    const first = await both(db, settings, midnight + 3_600_000);
    const second = await both(db, settings, midnight + 2 * 3_600_000);
    const late = await both(db, settings, midnight + 23.5 * 3_600_000);
    expect(dayKey(midnight + 23.5 * 3_600_000, 'America/Los_Angeles')).toBe(day);
    const keys = moving.map((l) => `Acme\u001fUS\u001f${l.sku}`);
    const dayOf = (step: Step, key: string) => step.full.alerts.find((a) => a.key === key);
    let moved = 0;
    for (const key of keys) {
      const morning = dayOf(first, key);
      const evening = dayOf(late, key);
      expect(morning?.state, key).toBe('ok');
      expect(morning?.reasons, key).toEqual([]);
      if (morning?.stockOutDay === evening?.stockOutDay) continue;
      moved++;
      expect(evening?.stockOutDay, key).toBe(addDays(morning?.stockOutDay as string, 1));
      // Proven in the morning, left out from then on.
      expect(
        second.incremental.alerts.some((a) => a.key === key),
        key,
      ).toBe(false);
    }
    expect(moved).toBeGreaterThan(12);
  });

  it('skips nothing with a restock capacity; on days with an uplift above or below 1 it still agrees', async () => {
    const { db } = await seeded();
    let settings = await settingsNow((s) => {
      s.restockCapacityPerMonth = 100;
    });
    await both(db, settings, T0);
    expect((await both(db, settings, T0 + HALF_HOUR)).incremental.skipped).toBe(0);

    const today = dayKey(T0, 'America/Los_Angeles');
    settings = await settingsNow((s) => {
      s.restockCapacityPerMonth = null;
      s.events = [
        {
          id: 'sale',
          name: 'Sale',
          kind: 'demand',
          marketplaces: ['US'],
          start: addDays(today, -1),
          end: addDays(today, 2),
          uplift: 2.5,
          confirmed: true,
        },
      ];
    });
    await both(db, settings, T0 + 2 * HALF_HOUR);
    // On an event day cover no longer falls with the clock, yet quiet SKUs are proven there too.
    for (let step = 3; step < 30; step++) await both(db, settings, T0 + step * HALF_HOUR);
    settings = await settingsNow((s) => {
      s.events = [
        {
          id: 'lull',
          name: 'Lull',
          kind: 'demand',
          marketplaces: [],
          start: addDays(today, -1),
          end: addDays(today, 2),
          uplift: 0.4,
          confirmed: true,
        },
      ];
    });
    let skipped = 0;
    for (let step = 30; step < 60; step++)
      skipped += (await both(db, settings, T0 + step * HALF_HOUR)).incremental.skipped;
    expect(skipped).toBeGreaterThan(0);
  }, 120_000);

  it('an alarm reads only the entries not proven while nothing they came from moved, and the whole basis otherwise', async () => {
    const { db, us } = await seeded();
    const settings = await settingsNow();
    let now = T0;
    const step = async () => {
      now += HALF_HOUR;
      return (await both(db, settings, now)).incremental;
    };
    expect((await both(db, settings, now)).incremental.basisRead).toBe('whole');
    const quiet = await step();
    expect(quiet.basisRead).toBe('subset');
    expect(quiet.skipped).toBeGreaterThan(0);
    expect((await step()).basisRead).toBe('subset');

    // An ingest waiting (its dirty keys) moves the basis: whole, then the copy taken from the new one.
    await markDirty(db, await ingest(db, 'US', us.slice(0, 10), now), now);
    expect((await step()).basisRead).toBe('whole');
    expect((await step()).basisRead).toBe('subset');

    // The basis refreshed by an evaluation stopped before it wrote its record: the generation differs.
    await markDirty(db, await ingest(db, 'US', us.slice(10, 20), now), now);
    await currentBasis(db, settings, now + 1);
    expect((await step()).basisRead).toBe('whole');
    expect((await step()).basisRead).toBe('subset');

    // No generation record (as after an update from a version without it): whole, and it is written.
    await db.delete('meta', BASIS_GEN_KEY);
    expect((await step()).basisRead).toBe('whole');
    expect(await db.get('meta', BASIS_GEN_KEY)).toBeDefined();
    expect((await step()).basisRead).toBe('subset');

    // A notification memory entry for a SKU the copy leaves out: that SKU must be evaluated.
    const record = (await db.get('meta', SKIP_KEY))?.value as SkipRecord;
    const proven = Object.values(record.marketplaces)[0]?.flags.indexOf(PROVEN) ?? -1;
    expect(proven).toBeGreaterThanOrEqual(0);
    const provenKey = `Acme\u001fUS\u001f${[...us].sort((a, b) => (a.sku < b.sku ? -1 : 1))[proven]?.sku}`;
    await db.put('meta', { key: NOTIFY_KEY, value: { [provenKey]: { level: 'low', notified: 'low', at: now } } });
    const remembered = await step();
    expect(remembered.basisRead).toBe('whole');
    expect(remembered.alerts.some((a) => a.key === provenKey)).toBe(true);

    // A copy that does not hold exactly the entries not proven is not used.
    await step();
    const good = (await db.get('meta', SKIP_KEY))?.value as SkipRecord;
    const first = Object.values(good.marketplaces)[0] as NonNullable<SkipRecord['marketplaces'][string]>;
    const index = first.subset?.index as Uint32Array;
    await db.put('meta', {
      key: SKIP_KEY,
      value: {
        ...good,
        marketplaces: {
          ...good.marketplaces,
          [Object.keys(good.marketplaces)[0] as string]: {
            ...first,
            subset: { ...first.subset, index: index.slice(1) },
          },
        },
      },
    });
    expect((await step()).basisRead).toBe('whole');
    expect((await step()).basisRead).toBe('subset');

    // A new marketplace day rebuilds every basis.
    now += DAY_MS;
    expect((await both(db, settings, now)).incremental.basisRead).toBe('whole');
  });

  it('a clock set back before the proofs were made uses none of them', async () => {
    const { db } = await seeded();
    let settings = await settingsNow();
    await both(db, settings, T0);
    // A settings change has every SKU proven again at T0 + 2 h, on the basis built at T0.
    settings = await settingsNow((s) => {
      s.thresholds.lowStockUnits += 1;
    });
    expect((await both(db, settings, T0 + 4 * HALF_HOUR)).incremental.skipped).toBe(0);
    expect((await both(db, settings, T0 + 5 * HALF_HOUR)).incremental.skipped).toBeGreaterThan(0);
    // Set back to T0 + 1 h: the basis still holds, the proofs (made from T0 + 2 h on) do not.
    const back = await both(db, settings, T0 + 2 * HALF_HOUR);
    expect(back.incremental.skipped).toBe(0);
    expect(back.incremental.basisRead).toBe('whole');
    expect((await both(db, settings, T0 + 3 * HALF_HOUR)).incremental.skipped).toBeGreaterThan(0);
  });

  it('a missing or foreign proof record costs one full evaluation and nothing else', async () => {
    const { db } = await seeded();
    const settings = await settingsNow();
    await both(db, settings, T0);
    await db.put('meta', { key: SKIP_KEY, value: { settings: 'old', marketplaces: {}, keys: 'x' } });
    expect((await both(db, settings, T0 + HALF_HOUR)).incremental.skipped).toBe(0);
    expect((await both(db, settings, T0 + 2 * HALF_HOUR)).incremental.skipped).toBeGreaterThan(0);
    await db.delete('meta', SKIP_KEY);
    expect((await both(db, settings, T0 + 3 * HALF_HOUR)).incremental.skipped).toBe(0);
  });
});
