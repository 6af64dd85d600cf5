import { describe, expect, it } from 'vitest';
import { evaluateSku } from '@/lib/alerts/evaluate';
import {
  BADGE_COLORS,
  badgeFor,
  badgeTitle,
  decideNotifications,
  inQuietHours,
  type NotifyMemory,
  parseNotifyMemory,
} from '@/lib/alerts/notify';
import type { Alert, AlertState } from '@/lib/alerts/types';
import { alerts as catalog } from '@/lib/i18n/catalog/alerts';
import { createTranslator } from '@/lib/i18n/core';
import type { Settings } from '@/lib/settings/schema';
import { HOUR, input, LA, local, SHANGHAI, settingsWith } from './helpers';

const ON: Settings['notifications'] = { enabled: true, quietHours: { enabled: true, start: '22:00', end: '08:00' } };
const NO_QUIET: Settings['notifications'] = { ...ON, quietHours: { ...ON.quietHours, enabled: false } };

/** An alert in a given state, built by evaluation so that every figure is real. */
function alertIn(state: AlertState, sku = 'SKU-1', extra: { perDay?: number } = {}): Alert {
  const now = local('2026-09-01', 10, LA);
  const perDay = extra.perDay ?? 1;
  const stock = { ok: 100, low: 8, critical: 20, out: 0 }[state];
  const inbound = state === 'low' ? 30 : 0;
  const alert = evaluateSku(
    input(
      sku,
      { perDay, stock: stock + inbound, available: stock, inboundCounted: inbound },
      { available: stock, title: 'Bamboo cutting board' },
    ),
    settingsWith(),
    now,
  );
  expect(alert.state).toBe(state);
  return alert;
}

const T0 = local('2026-09-01', 12, SHANGHAI);
const options = { lang: 'en' as const, timeZone: SHANGHAI };

function run(memory: NotifyMemory, alerts: Alert[], now = T0, settings = NO_QUIET) {
  return decideNotifications(memory, alerts, settings, now, options);
}

describe('notify only when a SKU gets worse', () => {
  it('ok → low → critical → out each notify once; back to ok is forgotten, and worsening again notifies again', () => {
    let memory: NotifyMemory = new Map();
    const step = (state: AlertState, at: number) => {
      const decision = run(memory, [alertIn(state)], at);
      memory = decision.memory;
      return decision.notified.map((a) => a.state);
    };
    expect(step('ok', T0)).toEqual([]);
    expect(step('low', T0 + HOUR)).toEqual(['low']);
    expect(step('low', T0 + 2 * HOUR)).toEqual([]);
    expect(step('critical', T0 + 3 * HOUR)).toEqual(['critical']);
    expect(step('out', T0 + 4 * HOUR)).toEqual(['out']);
    expect(step('out', T0 + 5 * HOUR)).toEqual([]);
    expect(step('ok', T0 + 6 * HOUR)).toEqual([]);
    expect(memory).toEqual(new Map());
    expect(step('low', T0 + 7 * HOUR)).toEqual(['low']);
  });

  it('never twice for the same state, however often it is evaluated', () => {
    let memory: NotifyMemory = new Map();
    let count = 0;
    for (let i = 0; i < 48; i++) {
      const decision = run(memory, [alertIn('critical')], T0 + i * HOUR);
      memory = decision.memory;
      count += decision.notifications.length;
    }
    expect(count).toBe(1);
  });

  it('a partial recovery that relapses within a day stays quiet; after a day it notifies again', () => {
    let memory = run(new Map(), [alertIn('out')]).memory;
    memory = run(memory, [alertIn('low')], T0 + HOUR).memory;
    expect(memory.get('A1TEST\u001fUS\u001fSKU-1')?.level).toBe('low');
    const soon = run(memory, [alertIn('out')], T0 + 2 * HOUR);
    expect(soon.notified).toEqual([]);
    const later = run(memory, [alertIn('out')], T0 + 25 * HOUR);
    expect(later.notified.map((a) => a.state)).toEqual(['out']);
  });

  it('keeps the memory of SKUs that were not evaluated this time', () => {
    const memory = run(new Map(), [alertIn('low', 'A')]).memory;
    const next = run(memory, [alertIn('critical', 'B')], T0 + HOUR).memory;
    expect([...next.keys()].sort()).toEqual(['A1TEST\u001fUS\u001fA', 'A1TEST\u001fUS\u001fB']);
  });

  it('does not notify a listing that has no stock and does not sell', () => {
    const dormant = alertIn('out', 'DORMANT', { perDay: 0 });
    expect(run(new Map(), [dormant]).notified).toEqual([]);
  });

  it('reads back a corrupt memory as empty rather than failing', () => {
    expect(parseNotifyMemory({ x: { level: 'terrible' } })).toEqual(new Map());
    expect(parseNotifyMemory('nonsense')).toEqual(new Map());
    const memory = run(new Map(), [alertIn('low')]).memory;
    expect(parseNotifyMemory(JSON.parse(JSON.stringify(Object.fromEntries(memory))))).toEqual(memory);
  });
});

describe('quiet hours, snooze, switched off', () => {
  it('quiet hours run across midnight in the seller’s own zone', () => {
    const quiet = ON.quietHours;
    expect(inQuietHours(quiet, local('2026-09-01', 21.99, SHANGHAI), SHANGHAI)).toBe(false);
    expect(inQuietHours(quiet, local('2026-09-01', 22, SHANGHAI), SHANGHAI)).toBe(true);
    expect(inQuietHours(quiet, local('2026-09-01', 23.5, SHANGHAI), SHANGHAI)).toBe(true);
    expect(inQuietHours(quiet, local('2026-09-02', 0.5, SHANGHAI), SHANGHAI)).toBe(true);
    expect(inQuietHours(quiet, local('2026-09-02', 7.99, SHANGHAI), SHANGHAI)).toBe(true);
    expect(inQuietHours(quiet, local('2026-09-02', 8, SHANGHAI), SHANGHAI)).toBe(false);
    // The same instant is 08:30 in Shanghai and 17:30 the day before in Los Angeles.
    const instant = local('2026-09-02', 8.5, SHANGHAI);
    expect(inQuietHours(quiet, instant, SHANGHAI)).toBe(false);
    expect(inQuietHours({ enabled: true, start: '17:00', end: '18:00' }, instant, LA)).toBe(true);
    expect(inQuietHours({ enabled: true, start: '09:00', end: '09:00' }, instant, SHANGHAI)).toBe(false);
    expect(inQuietHours({ ...quiet, enabled: false }, local('2026-09-01', 23, SHANGHAI), SHANGHAI)).toBe(false);
  });

  it('holds a worsening back during quiet hours and notifies it at the first evaluation after', () => {
    const night = decideNotifications(new Map(), [alertIn('critical')], ON, local('2026-09-01', 23, SHANGHAI), options);
    expect(night.quiet).toBe(true);
    expect(night.notifications).toEqual([]);
    expect(night.deferred).toEqual(['A1TEST\u001fUS\u001fSKU-1']);
    expect(night.memory).toEqual(new Map());
    const morning = decideNotifications(
      night.memory,
      [alertIn('critical')],
      ON,
      local('2026-09-02', 8, SHANGHAI),
      options,
    );
    expect(morning.notifications).toHaveLength(1);
  });

  it('a snoozed SKU is not notified until the snooze ends', () => {
    const snoozed = run(new Map(), [{ ...alertIn('critical'), snoozed: true }]);
    expect(snoozed.notified).toEqual([]);
    expect(snoozed.memory).toEqual(new Map());
    const after = run(snoozed.memory, [alertIn('critical')], T0 + 3 * HOUR);
    expect(after.notified).toHaveLength(1);
  });

  it('with notifications off, nothing is shown and nothing is replayed when they are turned on', () => {
    const off = run(new Map(), [alertIn('critical')], T0, { ...ON, enabled: false });
    expect(off.notifications).toEqual([]);
    expect(run(off.memory, [alertIn('critical')], T0 + HOUR).notifications).toEqual([]);
  });
});

describe('notification texts', () => {
  it('one per SKU, with the suggested quantity and reorder date', () => {
    const [n] = run(new Map(), [alertIn('critical')]).notifications;
    expect(n!.id).toBe('shelfwise:alert:A1TEST\u001fUS\u001fSKU-1');
    expect(n!.title).toBe('Will run out before a restock can arrive: SKU-1');
    expect(n!.message).toContain('Bamboo cutting board · US · 20 available · 20 days of cover');
    expect(n!.message).toMatch(/Suggested reorder \d+; ship now by the fastest method \(Express\)/);
  });

  it('in the sellers’ own words in Chinese', () => {
    const zh = decideNotifications(new Map(), [alertIn('out')], NO_QUIET, T0, { lang: 'zh_CN', timeZone: SHANGHAI });
    const [n] = zh.notifications;
    expect(n!.title).toBe('已断货：SKU-1');
    expect(n!.message).toContain('可售 0 件');
    expect(n!.message).toContain('建议补货量');
    const low = decideNotifications(new Map(), [alertIn('low')], NO_QUIET, T0, { lang: 'zh_CN', timeZone: SHANGHAI });
    expect(low.notifications[0]!.message).toMatch(/建议补货量 [\d,]+ 件，最晚补货日 .+（Express）/);
  });

  it('grouped into one when more than three change at once, most urgent named first', () => {
    const alerts = [
      alertIn('low', 'L1'),
      alertIn('low', 'L2'),
      alertIn('critical', 'C1'),
      alertIn('out', 'O1'),
      alertIn('low', 'L3'),
    ];
    const decision = run(new Map(), alerts);
    expect(decision.notifications).toHaveLength(1);
    const [n] = decision.notifications;
    expect(n!.title).toBe('5 SKUs need attention');
    expect(n!.message).toBe('1 out of stock · 1 restock too late · 3 low stock: O1, C1, L1 and 2 more');
    expect(n!.keys).toHaveLength(5);
    expect(n!.state).toBe('out');
    const zh = decideNotifications(new Map(), alerts, NO_QUIET, T0, { lang: 'zh_CN', timeZone: SHANGHAI });
    expect(zh.notifications[0]!.title).toBe('5 个 SKU 需要处理');
    expect(zh.notifications[0]!.message).toBe('已断货 1 个 · 补货来不及 1 个 · 库存不足 3 个：O1, C1, L1 等 2 个');
    // Three at once are still shown one by one.
    expect(run(new Map(), alerts.slice(0, 3)).notifications).toHaveLength(3);
  });
});

describe('toolbar badge', () => {
  it('counts low and critical SKUs; red when any is critical, amber otherwise, empty when none', () => {
    expect(badgeFor([alertIn('ok')])).toMatchObject({ text: '', low: 0, critical: 0 });
    expect(badgeFor([alertIn('low', 'A'), alertIn('low', 'B'), alertIn('ok', 'C')])).toEqual({
      text: '2',
      color: BADGE_COLORS.low,
      low: 2,
      critical: 0,
    });
    expect(badgeFor([alertIn('low', 'A'), alertIn('critical', 'B')])).toMatchObject({
      text: '2',
      color: BADGE_COLORS.critical,
    });
  });

  it('a selling SKU out of stock counts as critical; a dormant one and snoozed ones do not count', () => {
    const badge = badgeFor([
      alertIn('out', 'SELLING'),
      alertIn('out', 'DORMANT', { perDay: 0 }),
      { ...alertIn('critical', 'SNOOZED'), snoozed: true },
    ]);
    expect(badge).toMatchObject({ text: '1', critical: 1, color: BADGE_COLORS.critical });
  });

  it('says what it counts', () => {
    const t = createTranslator(catalog, 'zh_CN');
    expect(badgeTitle(badgeFor([alertIn('low', 'A'), alertIn('critical', 'B')]), t)).toBe(
      '2 个 SKU 库存不足或即将断货',
    );
    expect(badgeTitle(badgeFor([]), createTranslator(catalog, 'en'))).toBe('No low-stock SKUs');
  });

  it('fits four characters', () => {
    const low = alertIn('low');
    const many = Array.from({ length: 1200 }, (_, i) => ({ ...low, key: `K${i}` }));
    expect(badgeFor(many).text).toBe('999+');
  });
});
