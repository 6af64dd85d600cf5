import { describe, expect, it } from 'vitest';
import type { Listing } from '@/lib/model/listing';
import type { RowProblem, RowReading } from '@/lib/page/read';
import { addToTally, emptyTally, verdict } from '@/lib/page/recognise';

/** Readings as the reader returns them: a listing, or a problem. Elements are not looked at here. */
function readings(readable: number, problems: RowProblem[]): RowReading[] {
  const element = {} as Element;
  const listing = { sku: 'x' } as Listing;
  return [
    ...Array.from({ length: readable }, (_, i) => ({ element, sku: `ok-${i}`, dirty: false, listing })),
    ...problems.map((problem, i) => ({ element, sku: `odd-${i}`, dirty: false, problem })),
  ];
}

const verdictOf = (readable: number, problems: RowProblem[]) =>
  verdict(addToTally(emptyTally(), readings(readable, problems)));

describe('whether Shelfwise may act on a page', () => {
  it('waits while it has seen no row, or only rows still loading', () => {
    expect(verdictOf(0, [])).toBe('undecided');
    expect(verdictOf(0, ['loading', 'loading'])).toBe('undecided');
  });

  it('acts where nine rows in ten read cleanly', () => {
    expect(verdictOf(9, ['no-state'])).toBe('recognised');
    expect(verdictOf(90, Array(10).fill('no-quantity'))).toBe('recognised');
    expect(verdictOf(89, Array(11).fill('no-quantity'))).toBe('unrecognised');
  });

  it('does not give up a small page for one odd row', () => {
    expect(verdictOf(4, ['no-channel'])).toBe('recognised');
    expect(verdictOf(1, ['no-channel'])).toBe('recognised');
    expect(verdictOf(3, ['no-channel', 'no-state'])).toBe('unrecognised');
  });

  it('refuses a layout it cannot read at all', () => {
    expect(verdictOf(0, ['no-structure'])).toBe('unrecognised');
    expect(verdictOf(0, Array(25).fill('no-structure'))).toBe('unrecognised');
  });

  it('refuses any page where a row and its details name different SKUs', () => {
    expect(verdictOf(99, ['sku-mismatch'])).toBe('unrecognised');
  });
});
