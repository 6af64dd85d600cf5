import type { RowReading } from './read';

/**
 * Whether Shelfwise may act on a page: at least 90% of the candidate rows must read cleanly, and
 * no row's data-sku may disagree with the SKU its details show (that would mean rows and their
 * details are no longer paired the way we read them, and a write could hit the wrong listing).
 * One row that cannot be read, among rows that can, is an odd row and not a layout we do not know:
 * on a page of five it alone would fall below the share. It gets no decoration and nothing of it is
 * stored. Rows still loading their delayed cells do not count either way.
 */
export const MIN_READABLE_SHARE = 0.9;

export interface RecognitionTally {
  candidates: number;
  readable: number;
  mismatches: number;
}

export function emptyTally(): RecognitionTally {
  return { candidates: 0, readable: 0, mismatches: 0 };
}

export function addToTally(tally: RecognitionTally, readings: Iterable<RowReading>): RecognitionTally {
  const next = { ...tally };
  for (const reading of readings) {
    if (reading.problem === 'loading') continue;
    next.candidates++;
    if (reading.listing) next.readable++;
    if (reading.problem === 'sku-mismatch') next.mismatches++;
  }
  return next;
}

export type Verdict = 'recognised' | 'unrecognised' | 'undecided';

export function verdict(tally: RecognitionTally): Verdict {
  if (tally.mismatches > 0) return 'unrecognised';
  if (tally.candidates === 0) return 'undecided';
  const unreadable = tally.candidates - tally.readable;
  if (unreadable === 1 && tally.readable > 0) return 'recognised';
  return tally.readable / tally.candidates >= MIN_READABLE_SHARE ? 'recognised' : 'unrecognised';
}
