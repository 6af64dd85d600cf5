/**
 * The arithmetic of a virtualised list with rows of a few fixed heights: where each item starts, and
 * which items a viewport at some scroll position shows. Ten thousand items cost one pass to lay out
 * and a binary search per scroll.
 */

/** offsets[i]: the top of item i; offsets[n]: the height of the whole list. */
export function layout(heights: ArrayLike<number>): Float64Array {
  const offsets = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = (offsets[i] as number) + (heights[i] as number);
  return offsets;
}

/** The first item whose bottom is below `y` (the item `y` falls in), clamped to the list. */
export function itemAt(offsets: Float64Array, y: number): number {
  const n = offsets.length - 1;
  if (n <= 0) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((offsets[mid + 1] as number) <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Items [start, end) to render for a viewport of `height` pixels scrolled to `top`, with `overscan`
 * pixels above and below so that a quick scroll or a Tab into the next row finds it already there.
 */
export function visibleRange(
  offsets: Float64Array,
  top: number,
  height: number,
  overscan: number,
): { start: number; end: number } {
  const n = offsets.length - 1;
  if (n <= 0) return { start: 0, end: 0 };
  const start = itemAt(offsets, Math.max(0, top - overscan));
  const bottom = top + height + overscan;
  let end = itemAt(offsets, bottom) + 1;
  if (end > n) end = n;
  return { start, end };
}
