import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALARMS, ensureAlarms } from '@/lib/background/alarms';

describe('background alarms', () => {
  it('creates each alarm once and never resets an existing schedule', async () => {
    await ensureAlarms();
    const first = await fakeBrowser.alarms.get(ALARMS.compactHistory.name);
    expect(first?.periodInMinutes).toBe(24 * 60);
    await ensureAlarms();
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(Object.keys(ALARMS).length);
    expect((await fakeBrowser.alarms.get(ALARMS.compactHistory.name))?.scheduledTime).toBe(first?.scheduledTime);
  });
});
