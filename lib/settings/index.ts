import { storage } from 'wxt/utils/storage';
import { migrateSettings } from './migrations';
import { SETTINGS_VERSION, type Settings, SettingsSchema } from './schema';

export * from './schema';

export const SETTINGS_KEY = 'local:settings' as const;

export interface LoadedSettings {
  settings: Settings;
  /** Dotted paths of stored values that were invalid and replaced by their defaults. */
  problems: string[];
  /** Stored by a newer Shelfwise: values it added are ignored until it is back. */
  newer: boolean;
}

/**
 * Paths where the parsed value differs from a value the input did have: those were corrupt and
 * fell back to defaults. Keys the input lacked are plain defaults and are not reported.
 */
function replacedPaths(input: unknown, output: unknown, path: string, into: string[]): void {
  if (input === undefined) return;
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (isObject(input) && isObject(output)) {
    for (const key of Object.keys(output)) {
      replacedPaths(input[key], output[key], path ? `${path}.${key}` : key, into);
    }
    return;
  }
  if (JSON.stringify(input) !== JSON.stringify(output)) into.push(path || '(all)');
}

/** Never throws: whatever is stored, the seller gets working settings and a list of what was wrong. */
export function parseSettings(raw: unknown): LoadedSettings {
  const { value, newer } = migrateSettings(raw);
  const settings = SettingsSchema.parse(value);
  const problems: string[] = [];
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) problems.push('(all)');
  else replacedPaths(value, settings, '', problems);
  return { settings, problems, newer };
}

export async function loadSettings(): Promise<LoadedSettings> {
  let raw: unknown;
  try {
    raw = await storage.getItem<unknown>(SETTINGS_KEY);
  } catch (error) {
    // Storage itself failed (a corrupt profile): work on defaults and say so.
    console.warn('[Shelfwise] settings could not be read; using defaults', error);
    return { settings: parseSettings(undefined).settings, problems: ['(storage)'], newer: false };
  }
  const loaded = parseSettings(raw);
  if (loaded.problems.length) console.warn('[Shelfwise] invalid settings replaced by defaults:', loaded.problems);
  return loaded;
}

export class InvalidSettingsError extends Error {
  constructor(readonly paths: string[]) {
    super(`Invalid settings: ${paths.join(', ')}`);
  }
}

/** Saves only a fully valid value: a bad edit is refused with the paths at fault, nothing is written. */
export async function saveSettings(next: Settings): Promise<void> {
  const checked = SettingsSchema.safeParse({ ...next, schemaVersion: SETTINGS_VERSION });
  const problems: string[] = [];
  replacedPaths(next, checked.data, '', problems);
  if (!checked.success || problems.length) throw new InvalidSettingsError(problems.length ? problems : ['(all)']);
  await storage.setItem(SETTINGS_KEY, checked.data);
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const { settings } = await loadSettings();
  const next = change(structuredClone(settings));
  await saveSettings(next);
  return next;
}

export function watchSettings(callback: (loaded: LoadedSettings) => void): () => void {
  return storage.watch<unknown>(SETTINGS_KEY, (raw) => callback(parseSettings(raw)));
}
