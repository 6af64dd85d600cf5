import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlertList } from '@/lib/alerts/list';
import { sendRequest } from '@/lib/messaging';

/** Rows the first screen asks for: a few screens' worth, so it can scroll before the rest arrives. */
export const FIRST_ROWS = 30;

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
      const head = await sendRequest('alertsList', { limit: FIRST_ROWS });
      if (mine !== generation.current) return;
      setState({ status: 'ready', list: head as AlertList });
      if (head.complete) return;
      const all = await sendRequest('alertsList', {});
      if (mine === generation.current) setState({ status: 'ready', list: all as AlertList });
    } catch (error) {
      if (mine === generation.current) {
        setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    }
  }, []);

  const whole = useCallback(async () => {
    if (state.status === 'ready' && state.list.complete) return state.list;
    return (await sendRequest('alertsList', {})) as AlertList;
  }, [state]);

  useEffect(() => {
    void load();
  }, [load]);

  return { state, reload: load, whole };
}
