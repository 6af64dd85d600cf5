import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlertList } from '@/lib/alerts/list';
import { readStoredList } from '@/lib/db/alert-list';
import { store } from '@/lib/db/open';
import { sendRequest } from '@/lib/messaging';

/** Rows the first screen asks for: a few screens' worth, so it can scroll before the rest arrives. */
export const FIRST_ROWS = 30;

/**
 * The list as the last evaluation stored it, read from the extension's own store: no worker to wake,
 * no answer queued behind another page's request, no 4 MB message for the whole list. The background
 * answers only when nothing is stored yet (it evaluates first) or the store cannot be opened here.
 */
async function fetchList(limit?: number): Promise<AlertList> {
  try {
    const stored = await readStoredList(await store(), limit);
    if (stored) return stored;
  } catch (error) {
    console.warn('[Shelfwise] the low-stock list could not be read here; asking the background', error);
  }
  return (await sendRequest('alertsList', limit === undefined ? {} : { limit })) as AlertList;
}

export type ListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; list: AlertList };

/**
 * The low-stock list from the background: the first rows at once (the first render reads a small
 * record however long the list is), then the whole list for scrolling, search and export.
 * `reload` fetches again after an action changed the list (a snooze, a threshold).
 */
export function useAlertList(): { state: ListState; reload: () => Promise<void>; whole: () => Promise<AlertList> } {
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const head = await fetchList(FIRST_ROWS);
      if (mine !== generation.current) return;
      setState({ status: 'ready', list: head });
      if (head.complete) return;
      const all = await fetchList();
      if (mine === generation.current) setState({ status: 'ready', list: all });
    } catch (error) {
      if (mine === generation.current) {
        setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    }
  }, []);

  const whole = useCallback(async () => {
    if (state.status === 'ready' && state.list.complete) return state.list;
    return fetchList();
  }, [state]);

  useEffect(() => {
    void load();
  }, [load]);

  return { state, reload: load, whole };
}
