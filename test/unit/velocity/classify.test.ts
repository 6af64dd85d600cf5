import { describe, expect, it } from 'vitest';
import { type ChangePart, classifyChange } from '@/lib/velocity/classify';
import { fba, HOUR, mfn, write } from './helpers';

const T0 = Date.UTC(2026, 10, 2, 18);
const T1 = T0 + 6 * HOUR;

function kinds(parts: ChangePart[]): string[] {
  return parts.map((p) => `${p.kind}:${p.delta}`);
}

describe('merchant-fulfilled changes', () => {
  it('a fall in available is a sale', () => {
    const change = classifyChange(mfn(T0, 10), mfn(T1, 7), { writes: [] });
    expect(kinds(change.parts)).toEqual(['sale:-3']);
    expect(change).toMatchObject({ sold: 3, soldKnown: true });
    expect(change.parts[0]).toMatchObject({ before: 10, after: 7, from: T0, to: T1 });
  });

  it('a rise nobody made through Shelfwise is an external change, and hides any sales in the span', () => {
    const change = classifyChange(mfn(T0, 5), mfn(T1, 50), { writes: [] });
    expect(kinds(change.parts)).toEqual(['external:45']);
    expect(change).toMatchObject({ sold: 0, soldKnown: false });
  });

  it('0 → 0 is nothing at all', () => {
    expect(classifyChange(mfn(T0, 0), mfn(T1, 0), { writes: [] })).toEqual({ parts: [], sold: 0, soldKnown: true });
  });

  it('a Shelfwise write explains exactly its own delta; sales before and after it are still sales', () => {
    // 2 sold before the edit (10 → 8), Shelfwise set 8 → 50, then 3 sold (50 → 47).
    const w = write(T0 + HOUR, 8, 50);
    const change = classifyChange(mfn(T0, 10), mfn(T1, 47), { writes: [w] });
    expect(kinds(change.parts)).toEqual(['sale:-2', 'shelfwise:42', 'sale:-3']);
    expect(change).toMatchObject({ sold: 5, soldKnown: true });
    expect(change.parts[1]).toMatchObject({
      batchId: w.batchId,
      writeKind: 'bulk',
      from: w.at,
      to: w.at,
      before: 8,
      after: 50,
    });
    // The parts chain: each starts where the previous ended.
    expect(change.parts.map((p) => [p.before, p.after])).toEqual([
      [10, 8],
      [8, 50],
      [50, 47],
    ]);
  });

  it('a negative jump from a Shelfwise edit is not a sale', () => {
    const change = classifyChange(mfn(T0, 30), mfn(T1, 0), { writes: [write(T0 + HOUR, 30, 0, 'holiday')] });
    expect(kinds(change.parts)).toEqual(['shelfwise:-30']);
    expect(change).toMatchObject({ sold: 0, soldKnown: true });
  });

  it('anything beyond the write is classified on its own: someone else raised it further', () => {
    const change = classifyChange(mfn(T0, 10), mfn(T1, 30), { writes: [write(T0 + HOUR, 10, 20)] });
    expect(kinds(change.parts)).toEqual(['shelfwise:10', 'external:10']);
    expect(change.soldKnown).toBe(false);
  });

  it('an MFN raise by someone else between two Shelfwise writes is external', () => {
    const writes = [write(T0 + HOUR, 10, 0, 'holiday'), write(T0 + 3 * HOUR, 25, 10, 'restore')];
    const change = classifyChange(mfn(T0, 10), mfn(T1, 10), { writes });
    expect(kinds(change.parts)).toEqual(['shelfwise:-10', 'external:25', 'shelfwise:-15']);
  });

  it('uses only the writes between the two observations, in time order', () => {
    const writes = [write(T1 + HOUR, 7, 100), write(T0, 10, 99), write(T1, 9, 20), write(T0 + HOUR, 10, 9)];
    const change = classifyChange(mfn(T0, 10), mfn(T1, 20), { writes });
    // The write at T0 belongs to the previous span (the observation at T0 already shows its result);
    // the one at T1 is included (the observation at T1 is its read-back).
    expect(kinds(change.parts)).toEqual(['shelfwise:-1', 'shelfwise:11']);
  });
});

describe('FBA changes', () => {
  it('an order moving available to reserved is not a sale yet; shipping it out of reserved is', () => {
    const ordered = classifyChange(fba(T0, 10, { reserved: 0 }), fba(T1, 8, { reserved: 2 }), { writes: [] });
    expect(kinds(ordered.parts)).toEqual(['adjustment:0']);
    expect(ordered.parts[0]?.reason).toBe('reserved-shift');
    expect(ordered.sold).toBe(0);
    const shipped = classifyChange(fba(T0, 8, { reserved: 2 }), fba(T1, 8, { reserved: 0 }), { writes: [] });
    expect(kinds(shipped.parts)).toEqual(['sale:-2']);
  });

  it('a reserved → available move (warehouse transfer done) is not a sale', () => {
    const change = classifyChange(fba(T0, 8, { reserved: 4 }), fba(T1, 10, { reserved: 2 }), { writes: [] });
    expect(change).toMatchObject({ sold: 0, soldKnown: true });
    expect(kinds(change.parts)).toEqual(['adjustment:0']);
  });

  it('inbound falling while available rises is a receipt', () => {
    const prev = fba(T0, 5, { reserved: 0, inboundShipped: 0, inboundReceiving: 20 });
    const next = fba(T1, 25, { reserved: 0, inboundShipped: 0, inboundReceiving: 0 });
    const change = classifyChange(prev, next, { writes: [] });
    expect(change.parts).toEqual([
      expect.objectContaining({ kind: 'receipt', reason: 'inbound-arrived', delta: 20, inboundDelta: -20 }),
    ]);
    expect(change).toMatchObject({ sold: 0, soldKnown: true });
  });

  it('units that left inbound without showing up make the span’s sales unknown', () => {
    const prev = fba(T0, 5, { inboundShipped: 0, inboundReceiving: 20 });
    const next = fba(T1, 22, { inboundShipped: 0, inboundReceiving: 0 });
    const change = classifyChange(prev, next, { writes: [] });
    expect(kinds(change.parts)).toEqual(['receipt:17', 'unknown:0']);
    expect(change.parts[1]).toMatchObject({ reason: 'inbound-unseen', inboundDelta: -3 });
    expect(change.soldKnown).toBe(false);
  });

  it('works from the inbound total when the page gives no parts', () => {
    const change = classifyChange(fba(T0, 0, { inbound: 30 }), fba(T1, 30, { inbound: 0 }), { writes: [] });
    expect(kinds(change.parts)).toEqual(['receipt:30']);
  });

  it('a shipment still being prepared that is cancelled is not a receipt', () => {
    const prev = fba(T0, 10, { inboundWorking: 50, inboundShipped: 0, inboundReceiving: 0 });
    const next = fba(T1, 9, { inboundWorking: 0, inboundShipped: 0, inboundReceiving: 0 });
    const change = classifyChange(prev, next, { writes: [] });
    expect(kinds(change.parts)).toEqual(['sale:-1']);
    expect(change.soldKnown).toBe(true);
  });

  it('a rise with nothing inbound is an Amazon adjustment (a return), never external', () => {
    const change = classifyChange(fba(T0, 10), fba(T1, 11), { writes: [] });
    expect(change.parts).toEqual([expect.objectContaining({ kind: 'adjustment', reason: 'fba-increase', delta: 1 })]);
    expect(change.soldKnown).toBe(false);
  });

  it('stock that went to unfulfillable is an adjustment, the rest a sale', () => {
    const change = classifyChange(fba(T0, 10, { unfulfillable: 0 }), fba(T1, 6, { unfulfillable: 1 }), { writes: [] });
    expect(kinds(change.parts)).toEqual(['adjustment:-1', 'sale:-3']);
    expect(change.sold).toBe(3);
  });

  it('compares available alone when reserved is shown on one side only', () => {
    const change = classifyChange(fba(T0, 10, { reserved: 3 }), fba(T1, 9), { writes: [] });
    expect(kinds(change.parts)).toEqual(['sale:-1']);
  });
});

describe('what cannot be classified', () => {
  it('a change of channel is unknown, whatever the numbers', () => {
    const change = classifyChange(mfn(T0, 10), fba(T1, 4), { writes: [] });
    expect(change.parts).toEqual([expect.objectContaining({ kind: 'unknown', reason: 'channel-changed' })]);
    expect(change).toMatchObject({ sold: 0, soldKnown: false });
  });

  it('a missing available figure is unknown, not 0', () => {
    const change = classifyChange({ at: T0, channel: 'mfn' }, mfn(T1, 4), { writes: [] });
    expect(change.parts).toEqual([expect.objectContaining({ kind: 'unknown', reason: 'value-missing', before: null })]);
    expect(change.soldKnown).toBe(false);
  });
});

describe('bad figures', () => {
  it('a negative or NaN available is treated as not shown, never as a sale', () => {
    for (const bad of [-5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const change = classifyChange(mfn(T0, 10), mfn(T1, bad), { writes: [] });
      expect(change.parts).toEqual([expect.objectContaining({ kind: 'unknown', reason: 'value-missing' })]);
      expect(change).toMatchObject({ sold: 0, soldKnown: false });
    }
  });
});
