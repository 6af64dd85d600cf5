import { browser } from 'wxt/browser';
import { evaluateAll } from '../alerts/evaluate';
import type { AlertList } from '../alerts/list';
import { listSummary, packAlertGroups } from '../alerts/list-pack';
import {
  type Badge,
  badgeFor,
  badgeTitle,
  decideNotifications,
  localTimeZone,
  type NotifyDecision,
} from '../alerts/notify';
import { POOL_MARKETPLACE } from '../alerts/pool';
import { alertGroups, firstAlertGroups, type PopupGroup, popupGroupsOf } from '../alerts/popup';
import type { Alert } from '../alerts/types';
import { HEAD_KEY, HEAD_ROWS, LIST_KEY, readStoredList, type StoredHead, type StoredList } from '../db/alert-list';
import type { DB } from '../db/open';
import { store } from '../db/open';
import { createTranslator, type Language, resolveLanguage } from '../i18n';
import { alerts as alertsCatalog } from '../i18n/catalog/alerts';
import { common } from '../i18n/catalog/common';
import { parseSkuKey } from '../model/keys';
import { loadSettings, type Settings, watchSettings } from '../settings';
import { inputsFromBasis, markDirty, SNOOZES_KEY } from './alert-basis';
import { alarmBasis, nextSkipRecord, SKIP_KEY, sameSkipRecord, usableSkips, withSubsets } from './alert-skip';
import { packNotifyMemory, sameNotifyMemory, unpackNotifyMemory } from './basis-pack';
import { workerUiLanguage } from './ui-language';

/**
 * Threshold alerts in the background: evaluate every known SKU after each ingest, on the alarm and
 * when the settings change; keep the popup's list ready in the store; notify when a SKU gets worse;
 * show the count on the toolbar badge.
 *
 * State lives in the store's `meta` records (the list, the notification memory, snoozes, the basis in
 * alert-basis.ts) and survives a stopped worker. The scheduler below only coalesces requests that
 * arrive together (the batches of one page, a settings save); a request lost with the worker leaves
 * its dirty keys behind for the next evaluation, at the latest the alarm's.
 */

export { HEAD_KEY, HEAD_ROWS, LIST_KEY };
export const NOTIFY_KEY = 'alerts:notify';
/** A page delivers its rows in batches as the seller scrolls: evaluate once they have settled. */
export const INGEST_SETTLE_MS = 1500;
export const SETTINGS_SETTLE_MS = 300;
export const ICON_PATH = '/icon/128.png';

export interface EvaluationOutcome {
  computedAt: number;
  /** The SKUs evaluated this time; `skipped` more were proven ok and unlisted (alert-skip.ts). */
  alerts: Alert[];
  skipped: number;
  /** 'subset' when only the entries not proven were read (alert-skip.ts alarmBasis), else 'whole'. */
  basisRead: 'subset' | 'whole';
  /** The popup's list as rows (built when first read: the evaluation itself packs the alerts). */
  readonly groups: PopupGroup[];
  badge: Badge;
  decision: NotifyDecision;
  lang: Language;
}

export interface EvaluationEnv {
  lang: Language;
  /** The seller's own zone, for quiet hours. */
  timeZone: string;
  /** Called as each phase ends, with its name (the benchmark's phase split); nothing else calls it. */
  trace?: (phase: string) => void;
  /**
   * 'head': the popup's first rows and the summary are written, and the whole list is dropped rather
   * than written (the alarm's way: see alertsAlarm). Else the whole list is written too.
   */
  list?: 'whole' | 'head';
}

/**
 * One evaluation of every SKU, its results written to the store: the popup's list, the notification
 * memory, expired snoozes dropped. SKUs an earlier evaluation proved ok and unlisted for the rest of
 * their marketplace day are left out (alert-skip.ts); the answers are those of evaluating them too.
 * Touches no browser API, so the benchmark runs it in a page; the caller shows the outcome (showOutcome).
 */
export async function evaluateAlerts(
  db: DB,
  settings: Settings,
  now: number,
  env: EvaluationEnv,
): Promise<EvaluationOutcome> {
  const trace = env.trace;
  const basis = await alarmBasis(db, settings, now, [NOTIFY_KEY, SKIP_KEY], NOTIFY_KEY);
  trace?.('read basis');
  const previous = basis.subset?.memory ?? unpackNotifyMemory(basis.extra.get(NOTIFY_KEY));
  const skip = usableSkips(basis.extra.get(SKIP_KEY), basis, settings, now, previous);
  const origin: number[] = [];
  const inputs = inputsFromBasis(basis.records, settings, basis.snoozes, now, undefined, skip.flags, origin);
  trace?.('inputs');
  const options = {
    pools: settings.alerts.panEuPools,
    backups: settings.alerts.backups,
    safetyStock: settings.alerts.safetyStock,
    feeNotes: basis.feeNotes,
    plans: 'attention',
  } as const;
  const alerts = evaluateAll(inputs, settings, now, options);
  trace?.('evaluate');
  const skipRecord = nextSkipRecord(basis, skip, alerts, origin, settings, now, options);
  trace?.('prove');
  const sorted = alertGroups(alerts);
  trace?.('group');
  const badge = badgeFor(alerts);
  const decision = decideNotifications(previous, alerts, settings.notifications, now, {
    lang: env.lang,
    timeZone: env.timeZone,
  });

  trace?.('badge, notify');
  const whole = env.list === 'head' ? null : packAlertGroups(sorted);
  const { total, marketplaces } = whole ?? listSummary(sorted);
  trace?.('pack list');
  const summary = {
    computedAt: now,
    evaluated: alerts.length + skip.skipped,
    total,
    marketplaces,
    badge: { low: badge.low, critical: badge.critical },
  };
  // The popup's first screen apart, packed as the list is.
  const head = firstAlertGroups(sorted, HEAD_ROWS);
  const liveSnoozes = Object.fromEntries(Object.entries(basis.snoozes).filter(([, until]) => until > now));
  const memory = packNotifyMemory(decision.memory);
  trace?.('pack head, memory');
  // Relaxed, as the ingest: the browser still commits before `done`; only the disk flush is left to
  // the system, and all of it but the memory is written again by the next evaluation.
  const tx = db.transaction('meta', 'readwrite', { durability: 'relaxed' });
  await Promise.all([
    whole
      ? tx.store.put({
          key: LIST_KEY,
          value: { ...summary, complete: true, packed: whole.packed } satisfies StoredList,
        })
      : tx.store.delete(LIST_KEY),
    tx.store.put({
      key: HEAD_KEY,
      value: { ...summary, complete: head.complete, packed: packAlertGroups(head.groups).packed } satisfies StoredHead,
    }),
    // Written before anything is shown: a worker stopped in between loses a notification rather than
    // showing it twice. Records this evaluation left exactly as they were read are not written again.
    sameNotifyMemory(memory, basis.extra.get(NOTIFY_KEY))
      ? undefined
      : tx.store.put({ key: NOTIFY_KEY, value: memory }),
    Object.keys(liveSnoozes).length === Object.keys(basis.snoozes).length
      ? undefined
      : tx.store.put({ key: SNOOZES_KEY, value: liveSnoozes }),
    skipRecord
      ? !basis.copyBroken && sameSkipRecord(skipRecord, basis.extra.get(SKIP_KEY))
        ? undefined
        : tx.store.put({ key: SKIP_KEY, value: withSubsets(skipRecord, basis, decision.memory) })
      : basis.extra.get(SKIP_KEY) === undefined
        ? undefined
        : tx.store.delete(SKIP_KEY),
  ]);
  await tx.done;
  trace?.('write');
  let groups: PopupGroup[] | undefined;
  return {
    computedAt: now,
    alerts,
    skipped: skip.skipped,
    basisRead: basis.subset ? 'subset' : 'whole',
    get groups() {
      groups ??= popupGroupsOf(sorted).groups;
      return groups;
    },
    badge,
    decision,
    lang: env.lang,
  };
}

/** The toolbar badge and the notifications an evaluation decided on. */
export async function showOutcome(outcome: EvaluationOutcome): Promise<void> {
  const t = createTranslator({ ...common, ...alertsCatalog }, outcome.lang);
  const { badge } = outcome;
  await browser.action.setBadgeText({ text: badge.text });
  await browser.action.setBadgeBackgroundColor({ color: badge.color });
  await browser.action.setTitle({ title: `${t('app.name')}: ${badgeTitle(badge, t)}` });
  for (const plan of outcome.decision.notifications) {
    await browser.notifications.create(plan.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL(ICON_PATH),
      title: plan.title,
      message: plan.message,
    });
  }
}

/**
 * Runs `task` for requests that arrive together only once: a request joins the run already scheduled
 * and moves it to its own due time when later (a debounce); runs never overlap.
 */
export function createScheduler<T>(task: () => Promise<T>): (delayMs: number) => Promise<T> {
  interface Waiter {
    resolve: (value: T) => void;
    reject: (error: unknown) => void;
  }
  let scheduled: { due: number; timer: ReturnType<typeof setTimeout>; waiters: Waiter[] } | null = null;
  let running: Promise<void> = Promise.resolve();
  const fire = () => {
    const current = scheduled;
    scheduled = null;
    if (!current) return;
    running = running.then(task).then(
      (value) => {
        for (const w of current.waiters) w.resolve(value);
      },
      (error: unknown) => {
        for (const w of current.waiters) w.reject(error);
      },
    );
  };
  return (delayMs) =>
    new Promise<T>((resolve, reject) => {
      const due = Date.now() + delayMs;
      if (scheduled) {
        scheduled.waiters.push({ resolve, reject });
        if (due > scheduled.due) {
          clearTimeout(scheduled.timer);
          scheduled.due = due;
          scheduled.timer = setTimeout(fire, delayMs);
        }
        return;
      }
      scheduled = { due, timer: setTimeout(fire, delayMs), waiters: [{ resolve, reject }] };
    });
}

/** Evaluates now with the stored settings, then shows the result. */
export async function runAlertEvaluation(
  now = Date.now(),
  list: EvaluationEnv['list'] = 'whole',
): Promise<EvaluationOutcome> {
  const [db, { settings }] = await Promise.all([store(), loadSettings()]);
  const lang = resolveLanguage(settings.language, workerUiLanguage());
  const outcome = await evaluateAlerts(db, settings, now, { lang, timeZone: localTimeZone(), list });
  await showOutcome(outcome);
  return outcome;
}

/** Whether the next run writes the whole list: every request but the alarm's asks for it. */
let wholeAsked = false;

const scheduleEvaluation = createScheduler(() => {
  const list = wholeAsked ? 'whole' : 'head';
  wholeAsked = false;
  return runAlertEvaluation(Date.now(), list);
});

/**
 * Asks for an evaluation in `delayMs` (joined with any already asked for); resolves once it is shown.
 * `list` as EvaluationEnv's: a run joined by any request for the whole list writes it.
 */
export function requestAlertEvaluation(delayMs = 0, list: EvaluationEnv['list'] = 'whole'): Promise<EvaluationOutcome> {
  if (list !== 'head') wholeAsked = true;
  return scheduleEvaluation(delayMs);
}

function logFailure(error: unknown): void {
  console.warn('[Shelfwise] alert evaluation failed', error);
}

/**
 * After an ingest: the touched keys are written down before the page gets its answer, and the
 * evaluation follows once the page's batches have settled.
 */
export async function alertsAfterIngest(db: DB, keys: readonly string[], now = Date.now()): Promise<void> {
  if (keys.length === 0) return;
  await markDirty(db, keys, now);
  requestAlertEvaluation(INGEST_SETTLE_MS).catch(logFailure);
}

/**
 * The alarm's work: everything is evaluated from the store, with no page open, for the badge, the
 * notifications and the popup's first rows. The whole list is dropped instead of written: it changes
 * on every alarm (its figures move with the clock), and packing and writing it took 40 of an alarm's
 * 74 ms (bench: 2,330 rows, 430 KB) and most of its disk writes, every 30 minutes, for a popup
 * mostly not opened before the next. A popup that needs more rows than the head holds asks for it
 * (ensureWholeList); every other evaluation still writes it.
 */
export function alertsAlarm(): Promise<EvaluationOutcome> {
  return requestAlertEvaluation(0, 'head');
}

/**
 * The whole list readable from the store (readStoredList), evaluated first when it is not: after an
 * alarm, unless the head holds every row, or when nothing was evaluated yet.
 */
export async function ensureWholeList(db: DB): Promise<void> {
  if ((await db.getKey('meta', LIST_KEY)) !== undefined) return;
  if ((await readStoredList(db)) === undefined) await requestAlertEvaluation(0);
}

/**
 * Where a notification click leads: one SKU's history in the dashboard; the low-stock list (the popup
 * page, in a tab: a popup cannot be opened from a notification reliably) for a grouped notification or
 * a Pan-European pool, which has no history page of its own.
 */
export function notificationTarget(id: string): string | null {
  if (id.startsWith('shelfwise:alerts:')) return '/popup.html';
  if (!id.startsWith('shelfwise:alert:')) return null;
  const key = id.slice('shelfwise:alert:'.length);
  const ref = parseSkuKey(key);
  if (!ref) return null;
  if (ref.marketplace === POOL_MARKETPLACE) return '/popup.html';
  return `/options.html#history/${encodeURIComponent(key)}`;
}

export async function openNotification(id: string): Promise<void> {
  const target = notificationTarget(id);
  if (!target) return;
  await browser.tabs.create({ url: browser.runtime.getURL(target as '/popup.html') });
  await browser.notifications.clear(id);
}

/** Snoozes one SKU (or a pool row) until `until`, or ends its snooze with null; then evaluates again. */
export async function snoozeAlert(db: DB, key: string, until: number | null): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const current = ((await tx.store.get(SNOOZES_KEY))?.value ?? {}) as Record<string, number>;
  const next = { ...current };
  if (until === null) delete next[key];
  else next[key] = until;
  await tx.store.put({ key: SNOOZES_KEY, value: next });
  await tx.done;
  await requestAlertEvaluation(0);
}

/** The popup's list, or its first `limit` rows; evaluated first when none has been stored yet. */
export async function alertList(db: DB, limit?: number): Promise<AlertList> {
  let stored = await readStoredList(db, limit);
  if (!stored) {
    await requestAlertEvaluation(0);
    stored = await readStoredList(db, limit);
  }
  return (
    stored ?? {
      computedAt: null,
      evaluated: 0,
      total: 0,
      complete: true,
      marketplaces: [],
      badge: { low: 0, critical: 0 },
      groups: [],
    }
  );
}

/**
 * Listeners the worker registers synchronously on every start: notification clicks, settings
 * changes (thresholds, lead times and events change every figure), and the browser's start (the
 * toolbar badge does not survive a browser restart).
 */
export function listenForAlertEvents(): void {
  browser.notifications.onClicked.addListener((id) => {
    openNotification(id).catch((error: unknown) => console.warn('[Shelfwise] notification click failed', error));
  });
  watchSettings(() => {
    requestAlertEvaluation(SETTINGS_SETTLE_MS).catch(logFailure);
  });
  browser.runtime.onStartup.addListener(() => {
    requestAlertEvaluation(0).catch(logFailure);
  });
  browser.runtime.onInstalled.addListener(() => {
    requestAlertEvaluation(0).catch(logFailure);
  });
}
