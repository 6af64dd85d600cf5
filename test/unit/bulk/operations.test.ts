import { describe, expect, it } from 'vitest';
import {
  MAX_PERCENT,
  OPERATION_KINDS,
  OperationSchema,
  parseOperation,
  parseWholeNumber,
  percentOf,
  ROUNDINGS,
  type Rounding,
} from '@/lib/bulk/operations';
import { defaultSettings } from '@/lib/settings/schema';

const settings = defaultSettings();

function value(text: string): number {
  const parsed = parseWholeNumber(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error.key}`);
  return parsed.value;
}

function errorKey(text: string): string | undefined {
  const parsed = parseWholeNumber(text);
  return parsed.ok ? undefined : parsed.error.key;
}

describe('parseWholeNumber', () => {
  it.each([
    ['25', 25],
    ['  25  ', 25],
    ['\u00a025\u3000', 25],
    ['０', 0],
    ['１２', 12],
    ['１，２００', 1200],
    ['1,200', 1200],
    ['12,345,678', 12_345_678],
    ['+5', 5],
    ['＋５', 5],
    ['007', 7],
    ['10.0', 10],
    ['10.00', 10],
    ['-0', 0],
  ])('reads %j as %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each([
    ['', 'bulk.amount.empty'],
    ['   ', 'bulk.amount.empty'],
    ['1e3', 'bulk.amount.notNumber'],
    ['1E3', 'bulk.amount.notNumber'],
    ['0x10', 'bulk.amount.notNumber'],
    ['12abc', 'bulk.amount.notNumber'],
    ['abc', 'bulk.amount.notNumber'],
    ['Infinity', 'bulk.amount.notNumber'],
    ['NaN', 'bulk.amount.notNumber'],
    ['1,20', 'bulk.amount.notNumber'],
    ['12,34,567', 'bulk.amount.notNumber'],
    ['1.000.000', 'bulk.amount.notNumber'],
    ['1 000', 'bulk.amount.notNumber'],
    ['.5', 'bulk.amount.notNumber'],
    ['5.', 'bulk.amount.notNumber'],
    ['-5', 'bulk.amount.negative'],
    ['\u22125', 'bulk.amount.negative'],
    ['－５', 'bulk.amount.negative'],
    ['-1.5', 'bulk.amount.negative'],
    ['1.5', 'bulk.amount.fraction'],
    ['2.25', 'bulk.amount.fraction'],
    ['1.000', 'bulk.amount.ambiguous'],
    ['12.500', 'bulk.amount.ambiguous'],
  ])('refuses %j with %s', (text, key) => {
    expect(errorKey(text)).toBe(key);
  });

  it('says which whole numbers a fraction lies between', () => {
    expect(parseWholeNumber('7.4')).toEqual({
      ok: false,
      error: { key: 'bulk.amount.fraction', params: { text: '7.4', down: 7, up: 8 } },
    });
  });

  it('says both readings of a dot that may be a thousands separator', () => {
    expect(parseWholeNumber('12.500')).toEqual({
      ok: false,
      error: { key: 'bulk.amount.ambiguous', params: { text: '12.500', small: '12.5', large: '12500' } },
    });
  });
});

describe('parseOperation', () => {
  it('turns each amount operation into its zod-valid shape', () => {
    expect(parseOperation('set', '25', settings)).toEqual({ ok: true, operation: { kind: 'set', amount: 25 } });
    expect(parseOperation('add', '０', settings)).toEqual({ ok: true, operation: { kind: 'add', amount: 0 } });
    expect(parseOperation('subtract', ' 3 ', settings)).toEqual({
      ok: true,
      operation: { kind: 'subtract', amount: 3 },
    });
    expect(parseOperation('handlingTime', '7', settings)).toEqual({
      ok: true,
      operation: { kind: 'handlingTime', days: 7 },
    });
  });

  it('needs no amount to mark out of stock or restore, and ignores one typed anyway', () => {
    expect(parseOperation('outOfStock', '', settings)).toEqual({ ok: true, operation: { kind: 'outOfStock' } });
    expect(parseOperation('restore', 'whatever', settings)).toEqual({ ok: true, operation: { kind: 'restore' } });
  });

  it('takes a percentage with or without %, full-width too, rounding down unless told', () => {
    for (const text of ['50', '50%', ' 50 % ', '５０％']) {
      expect(parseOperation('percent', text, settings)).toEqual({
        ok: true,
        operation: { kind: 'percent', percent: 50, rounding: 'down' },
      });
    }
    expect(parseOperation('percent', '50', settings, { rounding: 'nearest' })).toEqual({
      ok: true,
      operation: { kind: 'percent', percent: 50, rounding: 'nearest' },
    });
  });

  it('refuses amounts above the seller’s maximum, however huge', () => {
    const max = settings.bulk.maxQuantity;
    expect(parseOperation('set', String(max), settings).ok).toBe(true);
    expect(parseOperation('set', String(max + 1), settings)).toEqual({
      ok: false,
      error: { key: 'bulk.amount.aboveMaximum', params: { text: max + 1, max } },
    });
    const huge = parseOperation('add', '99999999999999999999999', settings);
    expect(huge.ok ? undefined : huge.error.key).toBe('bulk.amount.aboveMaximum');
    const lower = { bulk: { ...settings.bulk, maxQuantity: 500 } };
    const refused = parseOperation('add', '501', lower);
    expect(refused.ok ? undefined : refused.error.key).toBe('bulk.amount.aboveMaximum');
  });

  it.each([
    ['set', '', 'bulk.amount.empty'],
    ['set', '-4', 'bulk.amount.negative'],
    ['subtract', '-4', 'bulk.amount.negative'],
    ['add', '2.5', 'bulk.amount.fraction'],
    ['set', '1e3', 'bulk.amount.notNumber'],
    ['set', '0x10', 'bulk.amount.notNumber'],
    ['set', '12abc', 'bulk.amount.notNumber'],
    ['set', '50%', 'bulk.amount.percentNotAllowed'],
    ['add', '5%', 'bulk.amount.percentNotAllowed'],
    ['set', '5%0', 'bulk.amount.notNumber'],
    ['percent', '%', 'bulk.amount.empty'],
    ['percent', '12.5%', 'bulk.amount.fraction'],
    ['percent', '-10%', 'bulk.amount.negative'],
    ['percent', String(MAX_PERCENT + 1), 'bulk.amount.percentTooLarge'],
    ['handlingTime', '0', 'bulk.amount.handlingRange'],
    ['handlingTime', '31', 'bulk.amount.handlingRange'],
    ['handlingTime', 'two', 'bulk.amount.notNumber'],
  ] as const)('%s %j → %s', (kind, text, key) => {
    const parsed = parseOperation(kind, text, settings);
    expect(parsed.ok ? 'ok' : parsed.error.key).toBe(key);
  });

  it('only ever produces operations that pass the Operation schema', () => {
    const samples = ['0', '1', '50', '100%', '1000', '30', '99999'];
    for (const kind of OPERATION_KINDS) {
      for (const text of samples) {
        const parsed = parseOperation(kind, text, settings);
        if (parsed.ok) expect(OperationSchema.safeParse(parsed.operation).success, `${kind} ${text}`).toBe(true);
      }
    }
  });

  it('the schema rejects what parseOperation would never produce', () => {
    expect(OperationSchema.safeParse({ kind: 'set', amount: -1 }).success).toBe(false);
    expect(OperationSchema.safeParse({ kind: 'set', amount: 1.5 }).success).toBe(false);
    expect(OperationSchema.safeParse({ kind: 'percent', percent: 50 }).success).toBe(false);
    expect(OperationSchema.safeParse({ kind: 'handlingTime', days: 0 }).success).toBe(false);
    expect(OperationSchema.safeParse({ kind: 'delete' }).success).toBe(false);
  });
});

describe('percentOf', () => {
  it.each([
    [7, 50, 'down', 3],
    [7, 50, 'nearest', 4],
    [7, 50, 'up', 4],
    [11, 10, 'down', 1],
    [11, 10, 'up', 2],
    [11, 10, 'nearest', 1],
    [10, 10, 'up', 1],
    [3, 33, 'nearest', 1],
    [1, 49, 'nearest', 0],
    [1, 50, 'nearest', 1],
    [0, 50, 'up', 0],
    [100, 0, 'up', 0],
    [12_345, 7, 'down', 864],
    [10_000_000, 1000, 'down', 100_000_000],
  ] as const)('%d × %d%% rounded %s = %d', (stock, percent, rounding, expected) => {
    expect(percentOf(stock, percent, rounding)).toBe(expected);
  });

  it('agrees with exact integer arithmetic on many values', () => {
    // Deterministic pseudo-random pairs, checked against BigInt arithmetic, which cannot round.
    let seed = 12345;
    const next = (limit: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % limit;
    };
    const exact: Record<Rounding, (scaled: bigint) => bigint> = {
      down: (s) => s / 100n,
      up: (s) => (s + 99n) / 100n,
      nearest: (s) => (s + 50n) / 100n,
    };
    for (let i = 0; i < 2000; i += 1) {
      const stock = next(10_000_001);
      const percent = next(MAX_PERCENT + 1);
      for (const rounding of ROUNDINGS) {
        const expected = Number(exact[rounding](BigInt(stock) * BigInt(percent)));
        expect(percentOf(stock, percent, rounding), `${stock} ${percent} ${rounding}`).toBe(expected);
      }
    }
  });
});
