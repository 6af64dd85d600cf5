import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlertList } from '@/lib/alerts/list';
import { HEAD_ROWS, readStoredList } from '@/lib/db/alert-list';
import { store } from '@/lib/db/open';
import { sendRequest } from '@/lib/messaging';

/** Rows the first screen asks for: a few screens' worth, so it can scroll before the rest arrives. */
export const FIRST_ROWS = 30;

/**
 * The list as the last evaluation stored it, read from the extension's own store: no worker to wake,
 * no answer queued behind another page's request, no 4 MB message for the whole list. After an alarm
 * only the first rows are stored: for more, the background evaluates and stores the whole list first,
 * and it is read here all the same. The background answers with the list itself only when nothing is
 * stored yet (it evaluates first) or the store cannot be opened or read here.
 */
export async function fetchList(limit?: number): Promise<AlertList> {
  try {
    const db = await store();
    const stored = await readStoredList(db, limit);
    if (stored) return stored;
    if (limit === undefined || limit > HEAD_ROWS) {
      await sendRequest('alertsStoreList', {});
      // An alarm may have dropped it again in between: then the background's answer below.
      const whole = await readStoredList(db, limit);
      if (whole) return whole;
    }
  } catch (error) {
    console.warn('[Shelfwise] the low-stock list could not be read here; asking the background', error);
  }
  return (await sendRequest('alertsList', limit === undefined ? {} : { limit })) as AlertList;
}

export type ListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; list: AlertList };

function failed(error: unknown): ListState {
  return { status: 'error', message: error instanceof Error ? error.message : String(error) };
}

/** The first rows as the popup's boot asked for them (a list, or why it could not be read). */
export async function firstScreen(): Promise<ListState> {
  try {
    return { status: 'ready', list: await fetchList(FIRST_ROWS) };
  } catch (error) {
    return failed(error);
  }
}

/** Runs `task` once the browser has painted what is committed now: a frame, then a task after it. */
function afterPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * The low-stock list: the first rows (`initial`, read before the first render, however long the list
 * is; or `pending`, when they took too long to wait for before drawing), then the whole list for
 * scrolling, search and export, read only once the first screen has been painted (decoding a few
 * thousand rows would otherwise hold it back). `reload` reads again after an action changed the list
 * (a snooze, a threshold).
 */
export function useAlertList(
  initial: ListState,
  pending?: Promise<ListState>,
): {
  state: ListState;
  reload: () => Promise<void>;
  whole: () => Promise<AlertList>;
} {
  const [state, setState] = useState<ListState>(initial);
  const generation = useRef(0);

  const rest = useCallback(async (mine: number) => {
    try {
      const all = await fetchList();
      if (mine === generation.current) setState({ status: 'ready', list: all });
    } catch (error) {
      if (mine === generation.current) setState(failed(error));
    }
  }, []);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    const head = await firstScreen();
    if (mine !== generation.current) return;
    setState(head);
    if (head.status === 'ready' && !head.list.complete) await rest(mine);
  }, [rest]);

  const whole = useCallback(async () => {
    if (state.status === 'ready' && state.list.complete) return state.list;
    return fetchList();
  }, [state]);

  useEffect(() => {
    const mine = generation.current;
    let cancel: (() => void) | undefined;
    const arrived = (head: ListState) => {
      if (mine !== generation.current) return;
      setState(head);
      if (head.status === 'ready' && !head.list.complete) cancel = afterPaint(() => void rest(mine));
    };
    if (pending) void pending.then(arrived);
    else if (initial.status === 'ready' && !initial.list.complete) cancel = afterPaint(() => void rest(mine));
    return () => cancel?.();
  }, [initial, pending, rest]);

  return { state, reload, whole };
}
