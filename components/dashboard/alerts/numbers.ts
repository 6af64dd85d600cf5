/**
 * What a seller typed into a number field, read without guessing: empty is "not set", a whole number in
 * range is the value, anything else is refused with the field's name (nothing is silently turned into 0).
 */
export type Parsed = { ok: true; value: number | undefined } | { ok: false };

export function parseWhole(text: string, min: number, max: number): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (!/^\d+$/.test(trimmed)) return { ok: false };
  const value = Number(trimmed);
  return value >= min && value <= max ? { ok: true, value } : { ok: false };
}

export function parseDecimal(text: string, min: number, max: number): Parsed {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: true, value: undefined };
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return { ok: false };
  const value = Number(trimmed);
  return value >= min && value <= max ? { ok: true, value } : { ok: false };
}

/** A value for a text field: '' for not set. */
export function text(value: number | undefined | null): string {
  return value === undefined || value === null ? '' : String(value);
}

/** Largest number of days any lead-time field takes (the settings schema's limit). */
export const MAX_DAYS = 3650;
export const MAX_UNITS = 10_000_000;
