/**
 * The dashboard's address: `#<section>` or `#history/<encoded skuKey>`. A deep link may also arrive
 * encoded as one piece (`#history%2F…`, from openDashboard's encodeURIComponent of the section).
 */

export const SECTIONS = [
  'overview',
  'history',
  'changes',
  'batches',
  'findings',
  'alerts',
  'import',
  'sync',
  'data',
  'settings',
] as const;
export type Section = (typeof SECTIONS)[number];

export interface Route {
  section: Section;
  skuKey?: string;
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  let head: string | undefined;
  let tail: string | undefined;
  const slash = raw.indexOf('/');
  if (slash >= 0) {
    head = decode(raw.slice(0, slash));
    tail = decode(raw.slice(slash + 1));
  } else {
    const whole = decode(raw) ?? '';
    const inner = whole.indexOf('/');
    head = inner >= 0 ? whole.slice(0, inner) : whole;
    tail = inner >= 0 ? whole.slice(inner + 1) : undefined;
  }
  const section = (SECTIONS as readonly string[]).includes(head ?? '') ? (head as Section) : 'overview';
  // `#alerts/<skuKey>` opens that SKU's own thresholds and lead time (a row's "Set threshold…").
  return (section === 'history' || section === 'alerts') && tail ? { section, skuKey: tail } : { section };
}

/** Choosing a SKU puts it in the address, so a notification or the popup can link straight to it. */
export function historyHash(skuKey: string): string {
  return `#history/${encodeURIComponent(skuKey)}`;
}
