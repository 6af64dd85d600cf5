import { SETTINGS_VERSION } from './schema';

/**
 * One step per version: MIGRATIONS[n] turns a stored value of version n-1 into version n.
 * Steps see raw stored JSON (never trust its shape) and must not throw.
 * Version 1 is the first released shape, so there is no step yet.
 */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Record<number, Migration> = {};

export interface Migrated {
  value: Record<string, unknown>;
  from: number;
  /** Stored by a newer Shelfwise than this one (a downgrade): read as far as it is understood. */
  newer: boolean;
}

export function migrateSettings(
  raw: unknown,
  migrations: Record<number, Migration> = MIGRATIONS,
  target: number = SETTINGS_VERSION,
): Migrated {
  const value: Record<string, unknown> =
    raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : {};
  const stored = value.schemaVersion;
  const from = typeof stored === 'number' && Number.isInteger(stored) && stored >= 1 ? stored : 1;
  if (from > target) return { value: { ...value, schemaVersion: target }, from, newer: true };
  let current = value;
  for (let version = from + 1; version <= target; version++) {
    const step = migrations[version];
    if (step) current = step(current);
    current = { ...current, schemaVersion: version };
  }
  return { value: current, from, newer: false };
}
