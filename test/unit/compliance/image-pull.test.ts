import { describe, expect, it } from 'vitest';
import { CompliancePage, type CompliancePageRow } from '@/entrypoints/inventory.content/compliance-page';
import type { ImageStateName, RowBadges } from '@/lib/model/badges';
import { listing } from './helpers';

/**
 * The content script's bounded pull for main images still being checked: it asks again only for
 * those rows, backs off while nothing changes, starts over when something does, and stops.
 */

function badges(sku: string, image: ImageStateName): RowBadges {
  return {
    sku,
    velocity: {
      text: '',
      label: '',
      perDay: '',
      daysOfCover: '',
      level: 'unknown',
      levelText: '',
      heading: '',
      lines: [],
    },
    compliance: {
      issues: 0,
      severity: 'ok',
      text: '',
      label: '',
      heading: '',
      findings: [],
      image,
      labels: { fix: '', policy: '', muted: '', none: '' },
    },
  };
}

function harness(skus: string[]) {
  const timers: { at: number; callback: () => void; id: number }[] = [];
  let now = 0;
  let nextId = 1;
  const asked: string[][] = [];
  const rows: CompliancePageRow[] = skus.map((sku) => ({
    sku,
    element: { isConnected: true } as Element,
    listing: listing({ sku }),
  }));
  // No Bulk edit button in this document: the summary stays out of these tests.
  const doc = { querySelector: () => null } as unknown as Document;
  const page = new CompliancePage({
    doc: () => doc,
    lang: () => 'en',
    rows: () => rows,
    badges: () => undefined,
    request: (listings) => asked.push(listings.map((l) => l.sku)),
    setTimeout: (callback, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, callback, id });
      return id;
    },
    clearTimeout: (id) => {
      const index = timers.findIndex((t) => t.id === id);
      if (index >= 0) timers.splice(index, 1);
    },
    delaysMs: [100, 200, 400],
    maxIdleRounds: 3,
  });
  /** Runs the timers due within `ms`, in order. */
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > until) break;
      timers.shift();
      now = next.at;
      next.callback();
    }
    now = until;
  };
  return { page, asked, rows, advance, timers };
}

describe('asking again for main images still being checked', () => {
  it('asks only for the pending rows, and stops once they are answered', () => {
    const { page, asked, advance, timers } = harness(['A', 'B', 'C']);
    page.onBadges([badges('A', 'pending'), badges('B', 'checked'), badges('C', 'pending')]);
    expect(asked).toEqual([]);
    advance(100);
    expect(asked).toEqual([['A', 'C']]);
    page.onBadges([badges('A', 'checked'), badges('C', 'not-checked')]);
    advance(10_000);
    expect(asked).toHaveLength(1);
    expect(page.pendingSkus()).toEqual([]);
    expect(timers).toEqual([]);
  });

  it('backs off while nothing finishes, gives up after a few asks, and starts over after progress', () => {
    const { page, asked, advance } = harness(['A', 'B']);
    page.onBadges([badges('A', 'pending'), badges('B', 'pending')]);
    advance(100);
    expect(asked).toHaveLength(1);
    // Still pending: the next ask waits longer.
    page.onBadges([badges('A', 'pending'), badges('B', 'pending')]);
    advance(199);
    expect(asked).toHaveLength(1);
    advance(1);
    expect(asked).toHaveLength(2);
    // One finished: back to the short wait, for the other only.
    page.onBadges([badges('A', 'checked'), badges('B', 'pending')]);
    advance(400);
    expect(asked.at(-1)).toEqual(['B']);
    const before = asked.length;
    advance(60_000);
    // Three asks without progress, then no more.
    expect(asked.length - before).toBeLessThanOrEqual(3);
    expect(page.pendingSkus()).toEqual([]);
  });

  it('does not ask about rows the page has replaced, nor after the session stops', () => {
    const { page, asked, advance, rows } = harness(['A', 'B']);
    page.onBadges([badges('A', 'pending'), badges('B', 'pending')]);
    (rows[0] as { element: Element }).element = { isConnected: false } as Element;
    advance(100);
    expect(asked).toEqual([['B']]);
    page.stop();
    page.onBadges([badges('B', 'pending')]);
    advance(10_000);
    expect(asked).toHaveLength(1);
  });
});
