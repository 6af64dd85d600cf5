import { describe, expect, it } from 'vitest';
import { evaluateAll } from '@/lib/alerts/evaluate';
import { firstRows } from '@/lib/alerts/list';
import { listSummary, packAlertGroups, unpackList } from '@/lib/alerts/list-pack';
import type { NotifyMemory } from '@/lib/alerts/notify';
import { alertGroups, popupGroups, popupGroupsOf } from '@/lib/alerts/popup';
import type { Alert, AlertInput, FeeNote, FeeSeries } from '@/lib/alerts/types';
import { packFeeNotes, packNotifyMemory, unpackFeeNotes, unpackNotifyMemory } from '@/lib/background/basis-pack';
import { ACCOUNT, BERLIN, event, input, LA, local, settingsWith } from './helpers';

/**
 * The packed low-stock list and fee notes must decode to exactly what was packed, on lists as varied
 * as evaluation makes them: pools, snoozes, Amazon's suggestion, event-moved dates, the capacity cap,
 * marketplaces with no Seller Central host, rows whose ASIN or title differ from their group's.
 */

const now = local('2026-09-01', 10, LA);
const lowFee: FeeSeries = {
  lastDay: '2026-08-31',
  onHand: new Float64Array(90).fill(10),
  shipped: new Float64Array(90).fill(1),
};

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

const MARKETPLACES = ['US', 'UK', 'DE', 'IT', 'JP', 'XX'] as const;

/** `count` SKUs from a seeded generator: every state, nulls and the odd string. */
function catalogue(count: number, seed: number): AlertInput[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const marketplace = MARKETPLACES[Math.floor(next() * MARKETPLACES.length)] as string;
    const perDay = next() < 0.15 ? null : next() < 0.1 ? 0 : Math.round(next() * 500) / 100;
    const stock = next() < 0.05 ? null : next() < 0.15 ? 0 : Math.round(next() * 120);
    const asin = next() < 0.05 ? undefined : `B0${String(Math.floor(i / 3)).padStart(8, '0')}`;
    return input(
      `SKU ${i}/"${next() < 0.1 ? '=x,y' : '本地'}"`,
      { perDay, stock, timeZone: marketplace === 'DE' || marketplace === 'IT' ? BERLIN : LA },
      {
        marketplace,
        channel: next() < 0.6 ? 'fba' : 'mfn',
        asin,
        title: next() < 0.2 ? undefined : `Title ${Math.floor(i / (next() < 0.8 ? 3 : 1))} — 保温杯`,
        available: stock === null ? undefined : stock,
        inboundShipped: next() < 0.3 ? Math.round(next() * 50) : undefined,
        inboundReceiving: next() < 0.2 ? Math.round(next() * 10) : undefined,
        amazon:
          next() < 0.1
            ? { quantity: Math.round(next() * 200), ...(next() < 0.5 ? { shipDate: '2026-09-10' } : {}) }
            : undefined,
        snoozedUntil: next() < 0.05 ? now + Math.round(next() * 1e8) : undefined,
        fee: next() < 0.05 ? lowFee : undefined,
      },
    );
  });
}

function variedAlerts(capacity: number | null, seed: number) {
  const settings = settingsWith(
    [
      event({
        id: 'bfcm',
        kind: 'demand',
        start: '2026-11-20',
        end: '2026-12-01',
        uplift: 2,
        inboundCutoff: '2026-10-30',
      }),
      event({ id: 'cny', kind: 'supply', start: '2027-01-27', end: '2027-02-21', extraLeadDays: 21 }),
    ],
    (s) => {
      s.restockCapacityPerMonth = capacity;
    },
  );
  const pooled = (marketplace: string) =>
    input(
      `POOL-${marketplace}`,
      { perDay: 2, stock: 6, timeZone: BERLIN },
      { marketplace, asin: 'B0POOL0001', title: 'Pooled', available: 6 },
    );
  // Runs out in the demand event, so the event's inbound cut-off sets the date; listed for its few units.
  const cutOff = input('CUT-OFF', { perDay: 1, stock: 85 }, { available: 5 });
  const inputs = [...catalogue(400, seed), pooled('DE'), pooled('IT'), cutOff];
  const alerts = evaluateAll(inputs, settings, now, {
    pools: [{ account: ACCOUNT, asins: ['B0POOL0001'], marketplaces: ['de', 'it'], stock: 'sum' }],
    plans: 'attention',
  });
  return alerts;
}

function varied(capacity: number | null, seed: number) {
  return popupGroups(variedAlerts(capacity, seed));
}

/** The list as the background stores it. */
const pack = (alerts: readonly Alert[]) => packAlertGroups(alertGroups(alerts)).packed;

describe('the packed low-stock list', () => {
  it('gives back exactly the groups it was given, on varied lists', () => {
    for (const [capacity, seed] of [
      [null, 1],
      [300, 2],
      [0, 3],
    ] as const) {
      const alerts = variedAlerts(capacity, seed);
      const groups = popupGroups(alerts);
      const rows = groups.flatMap((g) => g.rows);
      // The sample covers what packing treats apart.
      expect(rows.some((r) => r.marketplaces.length > 1 && r.poolName !== null)).toBe(true);
      expect(rows.some((r) => r.link === null)).toBe(true);
      expect(rows.some((r) => r.snoozed)).toBe(true);
      expect(rows.some((r) => r.amazonSuggested !== null)).toBe(true);
      expect(rows.some((r) => r.methods.some((m) => m.constraint === 'cut-off'))).toBe(true);
      expect(groups.some((g) => g.rows.some((r) => r.title !== g.title))).toBe(true);
      // Every message the rows' reasons make, made again on reading.
      const keys = new Set(rows.flatMap((r) => r.messages.map((m) => m.key)));
      for (const reason of ['out-of-stock', 'runs-out-before-arrival', 'below-units', 'below-days', 'reorder-due']) {
        expect(keys).toContain(`alerts.reason.${reason}`);
      }
      const packed = structuredClone(pack(alerts));
      expect(unpackList(packed)).toEqual({ groups, complete: true });
    }
  });

  it('packed straight from the alerts, is the list packed from its rows, with its count and marketplaces', () => {
    for (const [capacity, seed] of [
      [null, 1],
      [300, 2],
      [0, 3],
      [null, 7],
    ] as const) {
      const alerts = variedAlerts(capacity, seed);
      const groups = popupGroups(alerts);
      const rows = groups.flatMap((g) => g.rows);
      const direct = packAlertGroups(alertGroups(alerts));
      expect(unpackList(structuredClone(direct.packed))).toEqual({ groups, complete: true });
      expect(direct.total).toBe(rows.length);
      expect(direct.marketplaces).toEqual([...new Set(rows.flatMap((r) => r.marketplaces))].sort());
      expect(direct.marketplaces.length).toBeGreaterThan(2);
      // The summary the alarm stores without packing the list (lib/background/alerts.ts) says the same.
      expect(listSummary(alertGroups(alerts))).toEqual({ total: direct.total, marketplaces: direct.marketplaces });
      // The first screen's rows, built alone, are the rows firstRows cuts from the whole list.
      for (const limit of [0, 1, 2, 7, 60, 10_000]) {
        expect(popupGroupsOf(alertGroups(alerts), limit)).toEqual(firstRows(groups, limit));
      }
    }
    const empty = packAlertGroups([]);
    expect(empty).toMatchObject({ total: 0, marketplaces: [] });
    expect(listSummary([])).toEqual({ total: 0, marketplaces: [] });
    expect(unpackList(structuredClone(empty.packed))).toEqual({ groups: [], complete: true });
  });

  it('keeps strings the joined text cannot hold and odd keys', () => {
    const alerts = structuredClone(variedAlerts(null, 8));
    const listed = alertGroups(alerts).flatMap((g) => g.alerts);
    const odd = ['\u0000', '\u0001', '\u0002', '\u0003', 'a\u0000b', '', '\u0001x'];
    odd.forEach((text, i) => {
      const alert = listed[i * 3] as Alert;
      alert.title = text;
      alert.sku = `${text}${i}`;
    });
    (listed[1] as Alert).key = 'not the prefix and SKU';
    const groups = popupGroups(alerts);
    expect(groups.some((g) => g.title === '\u0002' || g.rows.some((r) => r.sku === '\u00000'))).toBe(true);
    expect(unpackList(structuredClone(pack(alerts)))).toEqual({ groups, complete: true });
  });

  it("makes the fee note's message again, and none for a note without its figures", () => {
    const alerts = structuredClone(variedAlerts(null, 9));
    const listed = alertGroups(alerts).flatMap((g) => g.alerts);
    const note = (dos30: number | null, dos90: number | null) => ({ parentAsin: 'B0P', dos30, dos90, atRisk: true });
    const cases = [note(12.345, 3), note(-0, 0.05), note(null, 4), note(4, null)];
    cases.forEach((fee, i) => {
      const alert = listed[i] as Alert;
      alert.fee = fee;
      alert.reasons = [...alert.reasons.filter((r) => r !== 'fee-risk'), 'fee-risk'];
    });
    const rows = popupGroups(alerts).flatMap((g) => g.rows);
    const feeMessages = rows.slice(0, 4).map((r) => r.messages.find((m) => m.key === 'alerts.reason.fee-risk'));
    expect(feeMessages.map((m) => m?.params)).toEqual([
      { dos30: 12.3, dos90: 3 },
      { dos30: -0, dos90: 0.1 },
      undefined,
      undefined,
    ]);
    const unpacked = unpackList(structuredClone(pack(alerts)));
    expect(unpacked).toEqual({ groups: popupGroups(alerts), complete: true });
  });

  it('keeps counts too large for a code, and every code 32-bit when one is over 16 bits', () => {
    const alerts = structuredClone(variedAlerts(null, 10));
    const listed = alertGroups(alerts).flatMap((g) => g.alerts);
    const fits = pack(alerts);
    expect(fits.codes).toBeInstanceOf(Int16Array);
    const big = listed.find((a) => a.reasons.includes('below-units')) as Alert;
    big.thresholds = { ...big.thresholds, units: 70_000 };
    (listed[0] as Alert).available = 2 ** 40;
    (listed[1] as Alert).inTransit = 40_000;
    (listed[2] as Alert).available = -0;
    const packed = pack(alerts);
    expect(packed.codes).toBeInstanceOf(Int32Array);
    const unpacked = unpackList(structuredClone(packed));
    expect(unpacked).toEqual({ groups: popupGroups(alerts), complete: true });
    const rows = unpacked?.groups.flatMap((g) => g.rows) ?? [];
    expect(rows[0]?.available).toBe(2 ** 40);
    expect(Object.is(rows[2]?.available, -0)).toBe(true);
    expect(rows.find((r) => r.key === big.key)?.messages).toContainEqual({
      key: 'alerts.reason.below-units',
      params: { available: big.available ?? 0, threshold: 70_000 },
    });
  });

  it('reads the first rows alone as firstRows cuts them', () => {
    const alerts = variedAlerts(null, 4);
    const groups = popupGroups(alerts);
    const packed = pack(alerts);
    for (const limit of [0, 1, 2, 7, 30, 10_000]) {
      expect(unpackList(packed, limit)).toEqual(firstRows(groups, limit));
    }
  });

  it('stores columns, not an object per row, and an empty list too', () => {
    const packed = pack(variedAlerts(null, 5));
    // Every code fits 16 bits here: half the bytes of 32.
    expect(packed.codes).toBeInstanceOf(Int16Array);
    expect(packed.figures).toBeInstanceOf(Float64Array);
    expect(typeof packed.text).toBe('string');
    // Rows of one marketplace and stock-out day share their plans: each is stored once.
    const methods = packed.plans.length / 10;
    expect(methods).toBeLessThan(varied(null, 5).flatMap((g) => g.rows.flatMap((r) => r.methods)).length / 2);
    // Reasons are codes and messages are not stored: no JSON of them, only of the rare pool rows.
    expect(packed.text).not.toContain('alerts.reason');
    expect(packed.rare).not.toContain('alerts.reason');
    expect(packed.labels.some((l) => l.startsWith('alerts.reason'))).toBe(false);
    expect(packed).not.toHaveProperty('groups.0');
  });

  it('refuses a record that is not whole (written again rather than misread)', () => {
    const packed = pack(variedAlerts(null, 6));
    expect(unpackList({ ...packed, codes: packed.codes.slice(1) })).toBeUndefined();
    expect(unpackList({ ...packed, figures: packed.figures.slice(1) })).toBeUndefined();
    expect(unpackList({ ...packed, plans: packed.plans.slice(10) })).toBeUndefined();
    expect(unpackList({ ...packed, rows: packed.rows + 1 })).toBeUndefined();
    expect(unpackList({ ...packed, version: 0 })).toBeUndefined();
    expect(unpackList({ ...packed, rare: '{' })).toBeUndefined();
    expect(unpackList({ ...packed, text: `${packed.text}\u0000x` })).toBeUndefined();
    expect(unpackList(undefined)).toBeUndefined();
  });
});

describe('the packed fee notes', () => {
  it('gives back exactly the notes it was given, nulls kept', () => {
    const notes = new Map<string, FeeNote>([
      ['A␟US␟1', { parentAsin: 'B0PARENT01', dos30: 12.5, dos90: null, atRisk: true }],
      ['A␟US␟2', { parentAsin: 'B0PARENT01', dos30: null, dos90: 40, atRisk: false }],
      ['A␟UK␟保温杯', { parentAsin: 'B0OTHER001', dos30: 0, dos90: 0, atRisk: true }],
    ]);
    // Looked up one key at a time, as the evaluation does: each note decoded alone.
    const read = unpackFeeNotes(structuredClone(packFeeNotes(notes))) as Map<string, FeeNote>;
    for (const [key, note] of notes) {
      expect(read.has(key)).toBe(true);
      expect(read.get(key)).toEqual(note);
    }
    expect(read.get('A␟US␟3')).toBeUndefined();
    expect(read.has('A␟US␟0')).toBe(false);
    // As a whole (iterated, counted), the same notes in the same order.
    expect(new Map(read)).toEqual(notes);
    expect([...read.keys()]).toEqual([...notes.keys()]);
    expect(read.size).toBe(3);
    expect(new Map(unpackFeeNotes(packFeeNotes(new Map())))).toEqual(new Map());
    const packed = packFeeNotes(notes);
    expect(unpackFeeNotes({ ...packed, count: 2 })).toBeUndefined();
    // A record packed before the notes were ordered by key is computed again, not misread.
    const { order: _order, ...unordered } = packed;
    expect(unpackFeeNotes({ ...unordered, version: 1 } as unknown as typeof packed)).toBeUndefined();
    expect(unpackFeeNotes(undefined)).toBeUndefined();
  });
});

describe('the packed notification memory', () => {
  it('gives back exactly the memory it was given, and still reads a memory stored as entries', () => {
    const entries = {
      'A␟US␟1': { level: 'critical', notified: 'critical', at: 1_773_000_000_000 },
      'A␟US␟保温杯 "x"': { level: 'low', notified: null, at: 0 },
      'A␟UK␟3': { level: 'out', notified: 'low', at: 1_773_000_000_123 },
    } as const;
    const memory: NotifyMemory = new Map(Object.entries(entries));
    const unpacked = unpackNotifyMemory(structuredClone(packNotifyMemory(memory)));
    expect(unpacked).toEqual(memory);
    expect([...unpacked.keys()]).toEqual([...memory.keys()]);
    expect(unpackNotifyMemory(packNotifyMemory(new Map()))).toEqual(new Map());
    // As the memory was stored before it was packed: an object of entries.
    expect(unpackNotifyMemory(structuredClone(entries))).toEqual(memory);
    const packed = packNotifyMemory(memory);
    expect(unpackNotifyMemory({ ...packed, at: packed.at.slice(1) })).toEqual(new Map());
    expect(unpackNotifyMemory({ ...packed, states: Uint8Array.from([9, 9, 9, 9, 9, 9]) })).toEqual(new Map());
    expect(unpackNotifyMemory('nonsense')).toEqual(new Map());
  });
});

describe('the fee notes looked up by key', () => {
  it('finds every note among thousands, in any packing order, as the map it was packed from', () => {
    const next = random(17);
    const notes = new Map<string, FeeNote>();
    for (let i = 0; i < 3000; i++) {
      const key = `A␟${next() < 0.5 ? 'UK' : 'US'}␟SKU-${Math.floor(next() * 1e6)}${next() < 0.1 ? ' 保温杯' : ''}`;
      notes.set(key, {
        parentAsin: `B0${i % 97}`,
        dos30: next() < 0.2 ? null : Math.round(next() * 400) / 10,
        dos90: next() < 0.2 ? null : Math.round(next() * 400) / 10,
        atRisk: next() < 0.3,
      });
    }
    const read = unpackFeeNotes(structuredClone(packFeeNotes(notes))) as Map<string, FeeNote>;
    for (const [key, note] of notes) expect(read.get(key)).toEqual(note);
    for (const missing of ['', 'A␟US␟', 'A␟US␟SKU-', 'A␟ZZ␟SKU-1', '\uffff']) {
      expect(read.get(missing)).toBe(notes.get(missing));
      expect(read.has(missing)).toBe(notes.has(missing));
    }
    expect([...read.entries()]).toEqual([...notes.entries()]);
    // In ascending order, as the evaluation asks, with keys that have no note in between.
    const sorted = unpackFeeNotes(packFeeNotes(notes)) as Map<string, FeeNote>;
    for (const key of [...notes.keys()].sort()) {
      expect(sorted.get(key.slice(0, -1))).toEqual(notes.get(key.slice(0, -1)));
      expect(sorted.get(key)).toEqual(notes.get(key));
      expect(sorted.get(`${key}!`)).toEqual(notes.get(`${key}!`));
    }
    expect(sorted.get('A␟AA')).toBeUndefined();
    expect(sorted.get([...notes.keys()].sort()[0] as string)?.parentAsin).toBeTypeOf('string');
  });
});
