import { describe, expect, it } from 'vitest';
import { marketCalendar } from '@/lib/alerts/calendar';
import { type AlertOptions, evaluateAll, evaluateSku } from '@/lib/alerts/evaluate';
import { decideNotifications, type NotifyEntry, type NotifyMemory } from '@/lib/alerts/notify';
import { groupByProduct } from '@/lib/alerts/pool';
import { type AlertGroup, alertGroups } from '@/lib/alerts/popup';
import { ALERT_REASONS, type Alert, type AlertInput, type AlertReason, STATE_RANK } from '@/lib/alerts/types';
import { skuKey } from '@/lib/model/keys';
import type { Settings } from '@/lib/settings/schema';
import { dayKey } from '@/lib/time';
import { ACCOUNT, BERLIN, event, HOUR, input, LA, local, settingsWith } from './helpers';

/**
 * evaluateAll shares what many alerts have in common (per-method plans per calendar, lead time and
 * stock-out day; reason lists; thresholds), alertGroups orders the list in one pass, and
 * decideNotifications copies the memory only when it changes. These pin that the outputs are exactly
 * those of the plain computations: each SKU evaluated on its own, the list as groupByProduct and a
 * second sort gave it, the memory as a copy changed entry by entry gave it.
 */

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

const NOW = local('2026-10-20', 15, LA);

/** Demand events with a cut-off and a factory closure, so that dates move for some SKUs and not others. */
function catalogueSettings(): Settings {
  return settingsWith(
    [
      event({
        id: 'bfcm',
        kind: 'demand',
        start: '2026-11-20',
        end: '2026-12-01',
        uplift: 2,
        inboundCutoff: '2026-11-10',
      }),
      event({ id: 'prime', kind: 'demand', start: '2027-01-10', end: '2027-01-12', uplift: 1.5, marketplaces: ['DE'] }),
      event({ id: 'cny', kind: 'supply', start: '2026-12-20', end: '2027-01-10', extraLeadDays: 21 }),
    ],
    (s) => {
      s.thresholds.perSku[skuKey({ account: ACCOUNT, marketplace: 'US', sku: 'CAT-0007' })] = { units: 40 };
      s.thresholds.perSku[skuKey({ account: ACCOUNT, marketplace: 'DE', sku: 'CAT-0012' })] = { days: 60 };
      s.leadTimePerSku[skuKey({ account: ACCOUNT, marketplace: 'DE', sku: 'CAT-0003' })] = { productionDays: 45 };
      s.leadTimePerSku[skuKey({ account: ACCOUNT, marketplace: 'US', sku: 'CAT-0013' })] = { productionDays: 45 };
      s.leadTimePerSku[skuKey({ account: ACCOUNT, marketplace: 'US', sku: 'CAT-0005' })] = {
        receivingDays: 2,
        transit: { sea: { minDays: 20, maxDays: 25 } },
      };
    },
  );
}

/**
 * A few hundred SKUs in two marketplaces and zones: many share a stock-out day, some are out, some
 * sell nothing, some have low confidence, inbound parts, Amazon's recommendation or a snooze.
 */
function catalogue(count: number): AlertInput[] {
  const next = random(7);
  return Array.from({ length: count }, (_, i) => {
    const marketplace = i % 3 === 0 ? 'DE' : 'US';
    const perDay = next() < 0.15 ? 0 : Math.round((0.2 + next() * 6) * 4) / 4;
    const stock = next() < 0.1 ? 0 : Math.round(perDay * (next() < 0.4 ? next() * 40 : 20 + next() * 200)) + (i % 5);
    const available = next() < 0.05 ? null : stock;
    const sku = `CAT-${String(i).padStart(4, '0')}`;
    return input(
      sku,
      {
        perDay: next() < 0.03 ? null : perDay,
        stock,
        available,
        confidence: next() < 0.2 ? 'low' : 'high',
        timeZone: marketplace === 'DE' ? BERLIN : LA,
      },
      {
        marketplace,
        channel: i % 4 === 0 ? 'mfn' : 'fba',
        asin: i % 17 === 0 ? undefined : `B0${String(Math.floor(i / 3)).padStart(8, '0')}`,
        title: i % 11 === 0 ? undefined : `Product ${Math.floor(i / 3)}`,
        available,
        inboundShipped: i % 6 === 0 ? Math.round(next() * 80) : undefined,
        inboundReceiving: i % 6 === 0 ? Math.round(next() * 10) : undefined,
        amazon:
          i % 9 === 0 ? { quantity: Math.round(next() * 300), shipDate: '2026-11-01', asOf: '2026-10-19' } : undefined,
        snoozedUntil: i % 13 === 0 ? NOW + 5 * HOUR : i % 29 === 0 ? NOW - HOUR : undefined,
        demandSigma: i % 7 === 0 ? perDay * 0.8 : undefined,
      },
    );
  });
}

const backupKey = skuKey({ account: ACCOUNT, marketplace: 'US', sku: 'CAT-0004' });

describe('evaluateAll with shared per-day outcomes', () => {
  const settings = catalogueSettings();
  const inputs = catalogue(400);

  for (const plans of ['all', 'attention'] as const) {
    it(`gives every alert exactly as evaluating its SKU on its own does (plans: ${plans})`, () => {
      const options: AlertOptions = { plans, backups: [{ mfnKey: backupKey, quantity: 5 }] };
      const together = evaluateAll(inputs, settings, NOW, options);
      const alone = inputs.map((i) => evaluateSku(i, settings, NOW, options));
      expect(together).toEqual(alone);
      // The catalogue covers what the sharing is keyed by: several states, lead times and stock-out days.
      const states = new Set(together.map((a) => a.state));
      expect([...states].sort()).toEqual(['critical', 'low', 'ok', 'out']);
      const days = new Set(together.map((a) => `${a.marketplace} ${a.stockOutDay}`));
      expect(days.size).toBeGreaterThan(40);
      expect(days.size).toBeLessThan(together.length / 2);
      if (plans === 'attention') return;
      expect(together.some((a) => a.methods.some((m) => m.constraint === 'cut-off'))).toBe(true);
      expect(together.some((a) => a.methods.some((m) => m.supplyEventId === 'cny'))).toBe(true);
    });
  }

  it('shares plans only between alerts of the same marketplace, lead time and stock-out day, and freezes them', () => {
    const alerts = evaluateAll(inputs, settings, NOW);
    const bySlot = new Map<string, Alert>();
    let shared = 0;
    for (const a of alerts) {
      expect(Object.isFrozen(a.methods)).toBe(true);
      for (const m of a.methods) expect(Object.isFrozen(m)).toBe(true);
      expect(Object.isFrozen(a.reasons)).toBe(true);
      const lead = settings.leadTimePerSku[a.key] ? a.key : 'default';
      const slot = `${a.marketplace} ${lead} ${a.stockOutDay}`;
      const other = bySlot.get(slot);
      if (other) {
        expect(a.methods).toBe(other.methods);
        shared++;
      } else bySlot.set(slot, a);
    }
    expect(shared).toBeGreaterThan(100);
    // Two SKUs with the same stock-out day and another lead time do not share the default's plans.
    const custom = alerts.find((a) => a.sku === 'CAT-0003') as Alert;
    const sameDay = alerts.find((a) => a.marketplace === 'DE' && a.stockOutDay === custom.stockOutDay && a !== custom);
    if (sameDay && !settings.leadTimePerSku[sameDay.key]) expect(sameDay.methods).not.toBe(custom.methods);
    expect(custom.methods[0]?.leadDays).toBe(((alerts[0] as Alert).methods[0]?.leadDays as number) + 30);
  });

  it('lists the reasons each alert has, in ALERT_REASONS order, from its own figures', () => {
    const alerts = evaluateAll(inputs, settings, NOW, { backups: [{ mfnKey: backupKey, quantity: 5 }] });
    for (const a of alerts) {
      const today = dayKey(NOW, a.timeZone);
      const out = a.available === 0;
      const expected: AlertReason[] = [];
      if (a.backupOf === undefined) {
        if (out) expected.push('out-of-stock');
        if (!out && a.state === 'critical') expected.push('runs-out-before-arrival');
        if (!out && a.available !== null && a.available < a.thresholds.units) expected.push('below-units');
        if (!out && a.daysOfCover !== null && a.daysOfCover < a.thresholds.days) expected.push('below-days');
        if (a.reorderBy !== null && a.reorderBy <= today) expected.push('reorder-due');
        if (a.state !== 'ok' && a.perDay !== null && a.perDay > 0 && a.confidence === 'low') {
          expected.push('confidence-low');
        }
      }
      expect(a.reasons, a.sku).toEqual(expected);
      expect([...a.reasons].sort((x, y) => ALERT_REASONS.indexOf(x) - ALERT_REASONS.indexOf(y))).toEqual(a.reasons);
    }
    expect(new Set(alerts.map((a) => a.reasons.join())).size).toBeGreaterThan(5);
  });

  it('keeps the suggestion its own: the restock capacity is shared out per alert', () => {
    const capped = settingsWith(settings.events, (s) => {
      s.restockCapacityPerMonth = 500;
    });
    const alerts = evaluateAll(inputs, capped, NOW);
    const suggestions = alerts.map((a) => a.suggestion).filter((s) => s !== null);
    expect(new Set(suggestions).size).toBe(suggestions.length);
    expect(suggestions.reduce((sum, s) => sum + s.quantity, 0)).toBeLessThanOrEqual(500);
    expect(suggestions.some((s) => s.capApplied)).toBe(true);
  });
});

/** The list's order as groupByProduct and a second sort gave it (alertGroups before it did both at once). */
function twoPassGroups(alerts: readonly Alert[], includeOk = false): AlertGroup[] {
  const shown = alerts.filter(
    (a) => a.backupOf === undefined && (includeOk || a.state !== 'ok' || a.reasons.length > 0),
  );
  const groups = groupByProduct(shown).map((g) => {
    const rows = g.alerts;
    rows.sort((a, b) => Number(a.snoozed) - Number(b.snoozed) || b.urgency - a.urgency);
    let urgency = -1;
    for (const row of rows) if (!row.snoozed && row.urgency > urgency) urgency = row.urgency;
    return { asin: g.asin, title: g.title ?? null, urgency, alerts: rows };
  });
  return groups.sort((a, b) => b.urgency - a.urgency);
}

const summary = (groups: readonly AlertGroup[]) =>
  groups.map((g) => ({ asin: g.asin, title: g.title, urgency: g.urgency, keys: g.alerts.map((a) => a.key) }));

describe('alertGroups in one pass', () => {
  it('orders the evaluated catalogue as the two passes did, with and without ok rows', () => {
    const alerts = evaluateAll(catalogue(400), catalogueSettings(), NOW);
    expect(summary(alertGroups(alerts))).toEqual(summary(twoPassGroups(alerts)));
    expect(summary(alertGroups(alerts, { includeOk: true }))).toEqual(summary(twoPassGroups(alerts, true)));
  });

  it('breaks urgency ties by ASIN and key in the collator order, snoozed rows and groups last', () => {
    const base = evaluateAll(catalogue(1), catalogueSettings(), NOW)[0] as Alert;
    const next = random(3);
    // ASINs and SKUs whose collator order is not their code-unit order (case, accents, digits).
    const asins = ['b0a', 'B0A', 'B0b', 'é0', 'e0', 'E1', '0b', '10', '9', '', 'Z', 'z', 'ä', 'a'];
    const urgencies = [0.5, 0.5, 1.25, 2.5, 0];
    const alerts: Alert[] = [];
    for (let i = 0; i < 600; i++) {
      const asinPick = Math.floor(next() * (asins.length + 3));
      alerts.push({
        ...base,
        key: `${ACCOUNT}\u001fUS\u001f${['sku', 'SKU', 'Sku', 'ṡku'][i % 4]}-${Math.floor(next() * 50)}-${i}`,
        sku: `S${i}`,
        // Some without an ASIN (a group each), the rest spread over few ASINs so that groups hold many rows.
        asin: asinPick >= asins.length ? undefined : `${asins[asinPick]}${Math.floor(next() * 40)}`,
        title: next() < 0.3 ? undefined : `T${i}`,
        state: 'low',
        reasons: ['below-units'],
        urgency: urgencies[Math.floor(next() * urgencies.length)] as number,
        snoozed: next() < 0.2,
      });
    }
    // A group whose rows are all snoozed ranks after the others.
    alerts.push({
      ...base,
      key: 'snoozed-only',
      asin: 'SNOOZED',
      state: 'out',
      reasons: ['out-of-stock'],
      urgency: 3.5,
      snoozed: true,
    });
    const got = alertGroups(alerts);
    expect(summary(got)).toEqual(summary(twoPassGroups(alerts)));
    expect(got.length).toBeGreaterThan(200);
    expect(got.filter((g) => g.alerts.length > 3).length).toBeGreaterThan(10);
    const allSnoozed = got.findIndex((g) => g.urgency === -1);
    expect(got[allSnoozed]?.asin).toBe('SNOOZED');
    expect(got.slice(allSnoozed).every((g) => g.alerts.every((a) => a.snoozed))).toBe(true);
  });
});

/** decideNotifications' memory as a copy of `previous` changed entry by entry (before it kept the previous). */
function copiedMemory(previous: NotifyMemory, alerts: readonly Alert[], now: number): NotifyMemory {
  const memory: NotifyMemory = new Map(previous);
  for (const alert of alerts) {
    const entry = memory.get(alert.key);
    if (alert.state === 'ok') {
      memory.delete(alert.key);
      continue;
    }
    const level = entry?.level ?? 'ok';
    if (STATE_RANK[alert.state] <= STATE_RANK[level]) {
      if (entry && STATE_RANK[alert.state] < STATE_RANK[level]) memory.set(alert.key, { ...entry, level: alert.state });
      continue;
    }
    if (alert.snoozed) continue;
    const selling = alert.perDay !== null && alert.perDay > 0;
    const relapse =
      entry !== undefined && entry.notified !== null && STATE_RANK[alert.state] <= STATE_RANK[entry.notified];
    const recent = entry !== undefined && now - entry.at < 24 * HOUR;
    if ((relapse && recent) || (alert.state === 'out' && !selling)) {
      memory.set(alert.key, { level: alert.state, notified: entry?.notified ?? null, at: entry?.at ?? 0 });
      continue;
    }
    memory.set(alert.key, { level: alert.state, notified: alert.state, at: now });
  }
  return memory;
}

describe('decideNotifications memory', () => {
  const settings: Settings['notifications'] = {
    enabled: true,
    quietHours: { enabled: false, start: '22:00', end: '08:00' },
  };
  const options = { lang: 'en' as const, timeZone: LA };

  it('is the copy changed entry by entry, keys in the same order, and leaves the previous memory alone', () => {
    const catalogueSettingsNow = catalogueSettings();
    const inputs = catalogue(400);
    const alerts = evaluateAll(inputs, catalogueSettingsNow, NOW);
    const next = random(9);
    const states = ['low', 'critical', 'out'] as const;
    // A memory from an earlier run: some SKUs known at other levels, some now ok, keys in a shuffled order.
    const previous: NotifyMemory = new Map();
    for (const a of [...alerts].sort(() => next() - 0.5)) {
      if (next() < 0.4) continue;
      const level = states[Math.floor(next() * 3)] as NotifyEntry['level'];
      previous.set(a.key, { level, notified: next() < 0.5 ? level : null, at: NOW - Math.floor(next() * 48) * HOUR });
    }
    previous.set('gone', { level: 'low', notified: 'low', at: NOW - HOUR });
    const before = structuredClone(previous);
    const decision = decideNotifications(previous, alerts, settings, NOW, options);
    const expected = copiedMemory(before, alerts, NOW);
    expect([...decision.memory.keys()]).toEqual([...expected.keys()]);
    expect(decision.memory).toEqual(expected);
    expect(previous).toEqual(before);
    expect([...previous.keys()]).toEqual([...before.keys()]);
    expect(decision.notified.length).toBeGreaterThan(0);
  });

  it('gives the previous memory back when nothing moved, and a copy once something does', () => {
    const alerts = evaluateAll(catalogue(60), catalogueSettings(), NOW);
    const first = decideNotifications(new Map(), alerts, settings, NOW, options).memory;
    const again = decideNotifications(first, alerts, settings, NOW + HOUR, options);
    expect(again.memory).toBe(first);
    expect(again.notified).toEqual([]);
    const better = alerts.map((a) => (a.state === 'out' ? { ...a, state: 'ok' as const } : a));
    const moved = decideNotifications(first, better, settings, NOW + HOUR, options).memory;
    expect(moved).not.toBe(first);
    expect(moved.size).toBeLessThan(first.size);
    expect(moved).toEqual(copiedMemory(first, better, NOW + HOUR));
  });
});

describe('marketCalendar day bounds, remembered per zone', () => {
  it('moves with the day, a 25-hour day included', () => {
    // 18 hours into a day leave 6 of a 24-hour day, and 7 of the 25 hours of the day DST ends on.
    const left = (day: string) => marketCalendar([], ['US'], LA, local(day, 18, LA)).todayLeft;
    expect(left('2026-10-20')).toBeCloseTo(0.25, 12);
    expect(left('2026-10-21')).toBeCloseTo(0.25, 12);
    expect(left('2026-11-01')).toBeCloseTo(7 / 25, 12);
    expect(left('2026-10-21')).toBeCloseTo(0.25, 12);
    expect(marketCalendar([], ['DE'], BERLIN, local('2026-10-21', 6, BERLIN)).todayLeft).toBeCloseTo(0.75, 12);
  });
});
