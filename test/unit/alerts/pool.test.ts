import { describe, expect, it } from 'vitest';
import { evaluateAll } from '@/lib/alerts/evaluate';
import {
  BackupSuggestionSchema,
  backupCandidates,
  backupSuggestions,
  groupByProduct,
  POOL_MARKETPLACE,
  poolInputs,
  poolKey,
} from '@/lib/alerts/pool';
import type { Alert, AlertInput } from '@/lib/alerts/types';
import { OperationSchema } from '@/lib/bulk/operations';
import { skuKey } from '@/lib/model/keys';
import { ACCOUNT, BERLIN, input, LA, local, settingsWith } from './helpers';

const now = local('2026-09-01', 10, LA);
const settings = settingsWith();
const ASIN = 'B0BOARD001';

function fba(available: number, rest: Partial<AlertInput> = {}): AlertInput {
  return input('BOARD-FBA', { perDay: 3, stock: available }, { asin: ASIN, available, title: 'Bamboo board', ...rest });
}

function mfn(available: number, rest: Partial<AlertInput> = {}): AlertInput {
  return input('BOARD-FBM', { perDay: 0.5, stock: available }, { asin: ASIN, available, channel: 'mfn', ...rest });
}

describe('grouping by product', () => {
  it('puts an ASIN’s FBA, merchant and other-marketplace SKUs together, most urgent group and SKU first', () => {
    const alerts = evaluateAll(
      [
        input('CALM', { perDay: 1, stock: 5 }, { asin: 'B0CALM0001', available: 5 }),
        fba(50),
        mfn(0),
        input(
          'BOARD-UK',
          { perDay: 2, stock: 0, timeZone: 'Europe/London' },
          { asin: ASIN, marketplace: 'UK', available: 0 },
        ),
        input('NO-ASIN', { perDay: 1, stock: 100 }, { asin: undefined, available: 100 }),
      ],
      settings,
      now,
    );
    const groups = groupByProduct(alerts);
    expect(groups.map((g) => g.asin)).toEqual([ASIN, 'B0CALM0001', null]);
    // Out of stock and selling first (the one losing more sales a day first), then critical.
    expect(groups[0]!.alerts.map((a) => a.sku)).toEqual(['BOARD-UK', 'BOARD-FBM', 'BOARD-FBA']);
    expect(groups[0]!.title).toBe('Bamboo board');
  });
});

/** groupByProduct as it was written first: one map keyed `asin:` / `key:`, localeCompare for ties. */
function groupByProductReference(alerts: readonly Alert[]) {
  const groups = new Map<string, { asin: string | null; title?: string; urgency: number; alerts: Alert[] }>();
  for (const alert of alerts) {
    const id = alert.asin ? `asin:${alert.asin}` : `key:${alert.key}`;
    let group = groups.get(id);
    if (!group) {
      group = { asin: alert.asin ?? null, urgency: alert.urgency, alerts: [] };
      groups.set(id, group);
    }
    group.alerts.push(alert);
    group.urgency = Math.max(group.urgency, alert.urgency);
  }
  const list = [...groups.values()];
  for (const group of list) {
    group.alerts.sort((a, b) => b.urgency - a.urgency || a.key.localeCompare(b.key));
    const title = group.alerts.find((a) => a.title !== undefined)?.title;
    if (title !== undefined) group.title = title;
  }
  return list.sort((a, b) => b.urgency - a.urgency || (a.asin ?? '').localeCompare(b.asin ?? ''));
}

describe('grouping by product, against the first way of writing it', () => {
  it('gives the same groups in the same order on ties, accents, case, CJK and SKUs without an ASIN', () => {
    let state = 7;
    const next = () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state / 0x1_0000_0000;
    };
    const words = ['b0a', 'B0A', 'b0á', 'B0Ä', '保温杯', 'ß', 'ss', 'asin:x', 'key:y', '', 'Z', 'a-b', 'ab', 'a b'];
    const inputs = Array.from({ length: 600 }, (_, i) => {
      const pick = () => words[Math.floor(next() * words.length)] as string;
      const available = [0, 3, 5, 40][Math.floor(next() * 4)] as number;
      return input(
        `${pick()}${pick()}-${i % 50}`,
        { perDay: [0, 1, 2][i % 3] as number, stock: available },
        {
          asin: next() < 0.15 ? undefined : `${pick()}${pick()}`,
          title: next() < 0.3 ? undefined : pick(),
          marketplace: next() < 0.5 ? 'US' : 'UK',
          available,
        },
      );
    });
    const alerts = evaluateAll(inputs, settings, now);
    // Many ties of urgency, so the tie-breaks decide.
    expect(new Set(alerts.map((a) => a.urgency)).size).toBeLessThan(alerts.length / 10);
    expect(groupByProduct(alerts)).toEqual(groupByProductReference(alerts));
    expect(groupByProduct(alerts).map((g) => g.alerts.map((a) => a.key))).toEqual(
      groupByProductReference(alerts).map((g) => g.alerts.map((a) => a.key)),
    );
  });
});

describe('Pan-European pool inputs', () => {
  const eu = (marketplace: string, perDay: number, stock: number, rest: Partial<AlertInput> = {}) =>
    input(
      `BOARD-${marketplace}`,
      { perDay, stock, timeZone: BERLIN },
      { marketplace, asin: ASIN, available: stock, ...rest },
    );

  it('merges the members into one input keyed apart from any real SKU, keeping the others in place', () => {
    const other = input('OTHER', { perDay: 1, stock: 1 });
    const inputs = [
      other,
      eu('FR', 3, 20, { inboundShipped: 5, amazon: { quantity: 40, shipDate: '2026-09-10' } }),
      eu('DE', 2, 10, { inboundShipped: 7, amazon: { quantity: 30, shipDate: '2026-09-08' }, snoozedUntil: now + 5 }),
    ];
    const out = poolInputs(inputs, [{ account: ACCOUNT, asins: [], marketplaces: [], stock: 'sum' }], now);
    expect(out).toHaveLength(2);
    expect(out[0]).toBe(other);
    const pool = out[1]!;
    expect(pool.key).toBe(poolKey(ACCOUNT, ASIN));
    expect(pool.key).not.toBe(skuKey({ account: ACCOUNT, marketplace: 'DE', sku: ASIN }));
    expect(pool.marketplace).toBe(POOL_MARKETPLACE);
    expect(pool.pool!.members.map((m) => m.key)).toEqual([inputs[2]!.key, inputs[1]!.key]);
    expect(pool.sku).toBe('BOARD-DE / BOARD-FR');
    expect(pool.inboundShipped).toBe(12);
    expect(pool.amazon).toEqual({ quantity: 70, shipDate: '2026-09-08' });
    expect(pool.snoozedUntil).toBe(now + 5);
  });

  it('reads per-SKU settings of a member for the pool', () => {
    const de = eu('DE', 2, 100);
    const withOverride = settingsWith([], (s) => {
      s.thresholds.perSku[de.key] = { units: 500 };
    });
    const [pool] = evaluateAll([de, eu('IT', 1, 100)], withOverride, now, {
      pools: [{ account: ACCOUNT, asins: [ASIN], marketplaces: ['de', 'it'], stock: 'sum' }],
    });
    expect(pool!.thresholds.units).toBe(500);
    expect(pool!.state).toBe('low');
  });
});

describe('the merchant-fulfilled backup routine', () => {
  const link = (rest = {}) => ({ mfnKey: mfn(0).key, quantity: 25, ...rest });

  it('FBA runs out → list the backup at its quantity, as a bulk-edit set operation', () => {
    const alerts = evaluateAll([fba(0), mfn(0)], settings, now, { backups: [link()] });
    const [s] = backupSuggestions(alerts, [link()]);
    expect(s).toEqual({
      key: mfn(0).key,
      account: ACCOUNT,
      marketplace: 'US',
      sku: 'BOARD-FBM',
      fbaKey: fba(0).key,
      operation: { kind: 'set', amount: 25 },
      kind: 'raise',
      reason: { key: 'alerts.backup.raise', params: { fbaSku: 'BOARD-FBA', amount: 25 } },
      erpManaged: false,
    });
    expect(OperationSchema.safeParse(s!.operation).success).toBe(true);
    expect(BackupSuggestionSchema.safeParse(s).success).toBe(true);
  });

  it('after the restock → set the backup back to 0', () => {
    const alerts = evaluateAll([fba(200), mfn(25)], settings, now, { backups: [link()] });
    expect(backupSuggestions(alerts, [link()])).toMatchObject([
      { kind: 'lower', operation: { kind: 'set', amount: 0 }, reason: { params: { available: 200 } } },
    ]);
  });

  it('nothing to do while things are as they should be, or where a figure is not known', () => {
    const quiet = (f: number, m: number) =>
      backupSuggestions(evaluateAll([fba(f), mfn(m)], settings, now, { backups: [link()] }), [link()]);
    expect(quiet(200, 0)).toEqual([]);
    expect(quiet(0, 25)).toEqual([]);
    const unknown = evaluateAll(
      [fba(0), mfn(0, { available: null, velocity: { ...mfn(0).velocity, available: null } })],
      settings,
      now,
    );
    expect(backupSuggestions(unknown, [link()])).toEqual([]);
  });

  it('flags a backup whose quantity the ERP syncs', () => {
    const alerts = evaluateAll([fba(0), mfn(0)], settings, now);
    const [s] = backupSuggestions(alerts, [link()], { allManaged: false, managedSkus: [mfn(0).key], name: '领星' });
    expect(s!.erpManaged).toBe(true);
    expect(s!.warning).toEqual({ key: 'alerts.backup.erp' });
    expect(BackupSuggestionSchema.safeParse(s).success).toBe(true);
  });

  it('follows a named FBA SKU into its Pan-European pool', () => {
    const de = input('BOARD-DE', { perDay: 2, stock: 0 }, { marketplace: 'DE', asin: ASIN, available: 0 });
    const fr = input('BOARD-FR', { perDay: 2, stock: 0 }, { marketplace: 'FR', asin: ASIN, available: 0 });
    const deMfn = input(
      'BOARD-DE-FBM',
      { perDay: 0, stock: 0 },
      { marketplace: 'DE', asin: ASIN, available: 0, channel: 'mfn' },
    );
    const links = [{ mfnKey: deMfn.key, fbaKey: de.key, quantity: 10 }];
    const alerts = evaluateAll([de, fr, deMfn], settings, now, {
      pools: [{ account: ACCOUNT, asins: [], marketplaces: [], stock: 'sum' }],
      backups: links,
    });
    expect(backupSuggestions(alerts, links)).toMatchObject([{ kind: 'raise', fbaKey: poolKey(ACCOUNT, ASIN) }]);
    // Without naming the FBA SKU, the pool covering the backup's marketplace is found by ASIN.
    expect(backupSuggestions(alerts, [{ mfnKey: deMfn.key, quantity: 10 }])).toHaveLength(1);
  });

  it('offers unlinked merchant SKUs beside an FBA SKU of the same ASIN as candidates, never assumes them', () => {
    const alerts = evaluateAll(
      [fba(0), mfn(0), input('LONE-FBM', { perDay: 1, stock: 3 }, { channel: 'mfn' })],
      settings,
      now,
    );
    expect(backupCandidates(alerts, [])).toEqual([{ mfnKey: mfn(0).key, fbaKey: fba(0).key }]);
    expect(backupCandidates(alerts, [link()])).toEqual([]);
    expect(backupSuggestions(alerts, [])).toEqual([]);
  });
});
