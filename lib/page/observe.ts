/**
 * Observation of rows that arrive or are replaced after the first read: the current page renders
 * rows as the seller scrolls and re-renders edited rows after Save all; the legacy page fills
 * delayed cells. The records of one page task are handled together at its end (a mutation
 * observer's callback is a microtask of that task), and a huge batch becomes one full re-scan
 * rather than per-node work (Dark Reader's approach).
 *
 * They are handled there, not in a task or animation frame of our own, because on a long inventory
 * page every rendered frame costs the page a fixed 35–120 ms however small the change: rows read and
 * drawn inside the task that added them share the frame the page renders for them anyway.
 */

const HUGE_BATCH = 1000;
/** The content script's measures share this prefix (bench/page.ts sums them). */
const MEASURE_PREFIX = 'shelfwise:';

export interface RowObserver {
  disconnect(): void;
  /** Runs any pending batch now (tests and benchmarks). */
  flush(): void;
  /**
   * Runs DOM writes of our own with their mutation records dropped unread: checking each of them
   * against our elements cost more than the writes (five records per row drawn). The page's records
   * made before are kept. `write` must touch only our own elements (it runs no page code).
   */
  withoutOwnRecords(write: () => void): void;
}

export interface ObserveOptions {
  /** Elements whose own mutations are ours (decorations, notices) and must not re-trigger reading. */
  isOwn: (node: Node) => boolean;
  /** Called at the end of the page's task with the row elements that appeared or changed inside. */
  onRows: (rows: Element[]) => void;
  /** Called instead of onRows when a batch is too large to sort: re-read everything. */
  onRescan: () => void;
  /**
   * Called inside the page's own task (its mutation's microtask) when the page changed something,
   * after onRows: the page will render a frame anyway, so DOM writes made now share it.
   */
  onPageMutation?: () => void;
  /** Finds row elements in a subtree (including the node itself). */
  findRows: (root: Element) => Element[];
  /** The row a node belongs to, for changes inside an existing row (a delayed cell filling in). */
  closestRow: (node: Element) => Element | null;
}

export function observeRows(root: Node, options: ObserveOptions): RowObserver {
  let pending: MutationRecord[] = [];

  const run = () => {
    const records = pending;
    pending = [];
    if (records.length === 0) return;
    const start = performance.now();
    let rows: Element[] | undefined;
    try {
      rows = sort(records);
    } finally {
      // Sorting only: what the callbacks do they measure themselves.
      performance.measure(`${MEASURE_PREFIX}frame`, { start, end: performance.now() });
    }
    if (rows === undefined) options.onRescan();
    else if (rows.length) options.onRows(rows);
  };

  /** The rows the records touched, or undefined when there are too many to sort (re-scan). */
  const sort = (records: MutationRecord[]): Element[] | undefined => {
    let added = 0;
    for (const record of records) added += record.addedNodes.length;
    if (added > HUGE_BATCH) return undefined;
    const rows = new Set<Element>();
    for (const record of records) {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      for (const node of record.addedNodes) {
        if (!(node instanceof Element) || options.isOwn(node)) continue;
        for (const row of options.findRows(node)) rows.add(row);
        const owner = options.closestRow(node);
        if (owner) rows.add(owner);
      }
      // Text or attribute changes inside a row (a value filled in, a status updated).
      if (target && !options.isOwn(target) && (record.type !== 'childList' || record.removedNodes.length > 0)) {
        const owner = options.closestRow(target);
        if (owner) rows.add(owner);
      }
    }
    return [...rows].filter((row) => row.isConnected);
  };

  // Nodes added or removed by a record, all of them ours (and at least one).
  const ownOnly = (record: MutationRecord): boolean => {
    const { addedNodes, removedNodes } = record;
    if (addedNodes.length + removedNodes.length === 0) return false;
    for (let i = 0; i < addedNodes.length; i++) if (!options.isOwn(addedNodes[i] as Node)) return false;
    for (let i = 0; i < removedNodes.length; i++) if (!options.isOwn(removedNodes[i] as Node)) return false;
    return true;
  };

  // Runs inside the page's own task, at its end.
  const handle = (records: MutationRecord[]) => {
    const start = performance.now();
    for (const record of records) {
      // Skip our own work early so decorating never wakes the observer again.
      if (record.type === 'childList' ? ownOnly(record) : options.isOwn(record.target)) continue;
      pending.push(record);
    }
    performance.measure(`${MEASURE_PREFIX}observe`, { start, end: performance.now() });
    if (pending.length === 0) return;
    run();
    options.onPageMutation?.();
  };
  const observer = new MutationObserver(handle);
  observer.observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-sku', 'value', 'emphasis', 'data-row-data'],
  });
  return {
    disconnect: () => observer.disconnect(),
    flush: () => {
      pending.push(...observer.takeRecords());
      run();
    },
    withoutOwnRecords: (write) => {
      const earlier = observer.takeRecords();
      try {
        write();
      } finally {
        observer.takeRecords();
      }
      // Still within the task that made them, as the observer itself would have handled them.
      if (earlier.length > 0) queueMicrotask(() => handle(earlier));
    },
  };
}
