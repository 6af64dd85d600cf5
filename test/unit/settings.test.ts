import { describe, expect, it } from 'vitest';
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_EVENTS,
  defaultSettings,
  InvalidSettingsError,
  loadSettings,
  parseSettings,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  saveSettings,
  updateSettings,
} from '@/lib/settings';
import { migrateSettings } from '@/lib/settings/migrations';

describe('settings defaults', () => {
  it('fills every part from nothing stored', async () => {
    const { settings, problems } = await loadSettings();
    expect(problems).toEqual([]);
    expect(settings.language).toBe('auto');
    expect(settings.thresholds).toEqual({ lowStockUnits: 10, lowStockDays: 21, perSku: {} });
    expect(settings.leadTime.methods.map((m) => m.id)).toEqual(['sea', 'air', 'express']);
    expect(settings.leadTime.methods[0]).toMatchObject({ minDays: 35, maxDays: 50 });
    expect(settings.serviceLevel).toBe(0.95);
    expect(settings.restockCapacityPerMonth).toBeNull();
    expect(settings.events).toEqual(DEFAULT_EVENTS);
    expect(settings.notifications.quietHours).toEqual({ enabled: true, start: '22:00', end: '08:00' });
    expect(settings.bulk.maxQuantity).toBe(99_999);
    expect(settings.compliance.imageChecks).toBe(false);
    expect(settings.schemaVersion).toBe(SETTINGS_VERSION);
  });

  it('gives independent copies, so editing one result never changes the defaults', () => {
    const a = defaultSettings();
    a.leadTime.methods.pop();
    a.events[0]!.name = 'changed';
    const b = defaultSettings();
    expect(b.leadTime.methods).toHaveLength(3);
    expect(b.events[0]!.name).toBe(DEFAULT_EVENTS[0]!.name);
  });

  it('every default event ends on or after it starts and is marked unconfirmed', () => {
    for (const event of DEFAULT_EVENTS) {
      expect(event.end >= event.start, event.id).toBe(true);
      expect(event.confirmed).toBe(false);
      if (event.inboundCutoff) expect(event.inboundCutoff < event.start, event.id).toBe(true);
    }
  });
});

describe('corrupt stored values', () => {
  it('replaces only the corrupt fields and reports their paths', async () => {
    await storage.setItem(SETTINGS_KEY, {
      schemaVersion: 1,
      language: 'klingon',
      thresholds: { lowStockUnits: -5, lowStockDays: 30, perSku: {} },
      reviewPeriodDays: 21,
      serviceLevel: 0.5,
    });
    const { settings, problems } = await loadSettings();
    expect(settings.language).toBe('auto');
    // The whole thresholds object falls back because one of its values is out of range.
    expect(settings.thresholds.lowStockUnits).toBe(10);
    expect(settings.reviewPeriodDays).toBe(21);
    expect(settings.serviceLevel).toBe(0.95);
    expect(problems).toEqual(expect.arrayContaining(['language', 'serviceLevel']));
    expect(problems.some((p) => p.startsWith('thresholds'))).toBe(true);
    expect(problems).not.toContain('reviewPeriodDays');
  });

  it.each([
    ['a string', 'not settings'],
    ['an array', [1, 2, 3]],
    ['a number', 42],
  ])('survives %s stored in place of the settings', async (_label, value) => {
    await storage.setItem(SETTINGS_KEY, value);
    const { settings, problems } = await loadSettings();
    expect(settings).toEqual(defaultSettings());
    expect(problems).toEqual(['(all)']);
  });

  it('does not report keys that were simply absent', () => {
    expect(parseSettings({ schemaVersion: 1, language: 'zh_CN' }).problems).toEqual([]);
  });

  it('reports a storage failure and still returns defaults', async () => {
    const original = storage.getItem;
    storage.getItem = (() => Promise.reject(new Error('disk I/O error'))) as typeof storage.getItem;
    try {
      const { settings, problems } = await loadSettings();
      expect(settings).toEqual(defaultSettings());
      expect(problems).toEqual(['(storage)']);
    } finally {
      storage.getItem = original;
    }
  });
});

describe('saving', () => {
  it('round-trips a valid change', async () => {
    await updateSettings((s) => ({ ...s, language: 'zh_CN', reviewPeriodDays: 30 }));
    const { settings, problems } = await loadSettings();
    expect(problems).toEqual([]);
    expect(settings.language).toBe('zh_CN');
    expect(settings.reviewPeriodDays).toBe(30);
  });

  it('refuses an invalid value with its path and writes nothing', async () => {
    await updateSettings((s) => ({ ...s, reviewPeriodDays: 30 }));
    const bad = defaultSettings();
    bad.reviewPeriodDays = Number.NaN;
    bad.bulk.maxQuantity = -1;
    const error = await saveSettings(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidSettingsError);
    expect((error as InvalidSettingsError).paths).toEqual(expect.arrayContaining(['reviewPeriodDays']));
    expect((error as InvalidSettingsError).paths.some((p) => p.startsWith('bulk'))).toBe(true);
    expect((await loadSettings()).settings.reviewPeriodDays).toBe(30);
  });
});

describe('migration by version', () => {
  it('treats a value without a version as version 1', () => {
    expect(migrateSettings({ language: 'en' })).toMatchObject({ from: 1, newer: false });
  });

  it('runs every step from the stored version up to the current one, in order', () => {
    const seen: number[] = [];
    const steps = {
      2: (old: Record<string, unknown>) => {
        seen.push(2);
        return { ...old, lowStock: undefined, thresholds: { lowStockUnits: old.lowStock } };
      },
      3: (old: Record<string, unknown>) => {
        seen.push(3);
        return { ...old, renamed: true };
      },
    };
    const result = migrateSettings({ schemaVersion: 1, lowStock: 7 }, steps, 3);
    expect(seen).toEqual([2, 3]);
    expect(result.value).toMatchObject({ schemaVersion: 3, thresholds: { lowStockUnits: 7 }, renamed: true });
    // A value already at version 2 only runs the later step.
    seen.length = 0;
    migrateSettings({ schemaVersion: 2 }, steps, 3);
    expect(seen).toEqual([3]);
  });

  it('reads a value from a newer version without crashing and says so', () => {
    const loaded = parseSettings({ schemaVersion: SETTINGS_VERSION + 5, language: 'en', futureOption: true });
    expect(loaded.newer).toBe(true);
    expect(loaded.settings.language).toBe('en');
  });
});
