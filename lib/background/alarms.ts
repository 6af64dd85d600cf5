import { browser } from 'wxt/browser';
import { compactStoredHistory } from '../db/compact';
import { alertsAlarm } from './alerts';

/**
 * Scheduled work, registered on every worker start (an alarm survives the worker; its listener
 * does not). Each alarm is created only when missing, so a restart never resets its schedule.
 */
export const ALARMS = {
  compactHistory: { name: 'compact-history', periodInMinutes: 24 * 60 },
  /** Stock runs down between visits: alerts are evaluated from the store with no page open. */
  evaluateAlerts: { name: 'evaluate-alerts', periodInMinutes: 30 },
} as const;

export async function ensureAlarms(): Promise<void> {
  for (const alarm of Object.values(ALARMS)) {
    const existing = await browser.alarms.get(alarm.name);
    if (!existing)
      await browser.alarms.create(alarm.name, { periodInMinutes: alarm.periodInMinutes, delayInMinutes: 1 });
  }
}

export function listenForAlarms(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARMS.compactHistory.name) {
      compactStoredHistory().catch((error: unknown) => console.warn('[Shelfwise] compaction failed', error));
    } else if (alarm.name === ALARMS.evaluateAlerts.name) {
      alertsAlarm().catch((error: unknown) => console.warn('[Shelfwise] alert evaluation failed', error));
    }
  });
}
