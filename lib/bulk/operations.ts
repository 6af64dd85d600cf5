import * as z from 'zod/mini';
import type { Settings } from '../settings/schema';
import { type BulkMessage, message } from './message';

/**
 * What a bulk edit does to each selected row, and the parsing of what the seller typed into
 * "Amount". Amounts are whole units: Amazon's quantity and handling time are integers, and a
 * silently rounded or clamped number is a wrong number on a live listing.
 */

export const OPERATION_KINDS = ['set', 'add', 'subtract', 'percent', 'outOfStock', 'restore', 'handlingTime'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/**
 * How a percentage of stock becomes whole units. `down` is the default: listing fewer units than
 * intended costs a sale at worst, listing more than the seller has oversells.
 */
export const ROUNDINGS = ['down', 'nearest', 'up'] as const;
export type Rounding = (typeof ROUNDINGS)[number];

/** Ten times the current stock is the most a percentage may ask for; more is almost surely a typo. */
export const MAX_PERCENT = 1000;

/**
 * Amazon's handling-time ("handling-time", `lead_time_to_ship_max_days`) range for merchant
 * offers. 1–30 is the range Amazon's flat-file help gives (not re-verified for every marketplace).
 */
export const MIN_HANDLING_DAYS = 1;
export const MAX_HANDLING_DAYS = 30;

/** The settings schema's own ceiling for a quantity; the seller's `bulk.maxQuantity` is at most this. */
const QUANTITY_CEILING = 10_000_000;

const quantityAmount = z.int().check(z.minimum(0), z.maximum(QUANTITY_CEILING));

export const OperationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('set'), amount: quantityAmount }),
  z.object({ kind: z.literal('add'), amount: quantityAmount }),
  z.object({ kind: z.literal('subtract'), amount: quantityAmount }),
  z.object({
    kind: z.literal('percent'),
    percent: z.int().check(z.minimum(0), z.maximum(MAX_PERCENT)),
    rounding: z.enum(ROUNDINGS),
  }),
  z.object({ kind: z.literal('outOfStock') }),
  z.object({ kind: z.literal('restore') }),
  z.object({
    kind: z.literal('handlingTime'),
    days: z.int().check(z.minimum(MIN_HANDLING_DAYS), z.maximum(MAX_HANDLING_DAYS)),
  }),
]);
export type Operation = z.infer<typeof OperationSchema>;

/** Whether the operation needs the "Amount" input at all. */
export function needsAmount(kind: OperationKind): boolean {
  return kind !== 'outOfStock' && kind !== 'restore';
}

/** Handling time cannot be edited through the page's editors, only by uploading a file. */
export function isFileOnly(operation: Operation): boolean {
  return operation.kind === 'handlingTime';
}

export type WholeNumber = { ok: true; value: number } | { ok: false; error: BulkMessage };

const PLAIN = /^\d+$/;
const COMMA_GROUPED = /^\d{1,3}(?:,\d{3})+$/;
/** "1.000" is one thousand to a German seller and one to an English one: neither reading is safe. */
const DOT_AMBIGUOUS = /^\d{1,3}\.\d{3}$/;
const NUMBER = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/**
 * A whole number of 0 or more as a person types or pastes it: full-width digits (１２), surrounding
 * spaces, a leading +, comma thousands separators (1,200) and zero decimals (12.00, as Excel copies
 * a number format) are accepted. Exponents, hex, trailing letters, fractions and a dot that may be
 * a thousands separator are refused with the reason. Negative numbers are recognised as such so
 * the message can say so, then refused.
 */
export function parseWholeNumber(raw: string): WholeNumber {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return { ok: false, error: message('bulk.amount.empty') };
  let body = text;
  let negative = false;
  const sign = body[0];
  if (sign === '-' || sign === '\u2212' || sign === '+') {
    negative = sign !== '+';
    body = body.slice(1).trim();
  }
  if (DOT_AMBIGUOUS.test(body)) {
    const [whole = '', decimals = ''] = body.split('.');
    const small = Number(`${whole}.${decimals}`);
    return {
      ok: false,
      error: message('bulk.amount.ambiguous', { text, small: String(small), large: whole + decimals }),
    };
  }
  const match = NUMBER.exec(body);
  if (!match || !(PLAIN.test(match[1] ?? '') || COMMA_GROUPED.test(match[1] ?? ''))) {
    return { ok: false, error: message('bulk.amount.notNumber', { text }) };
  }
  const digits = (match[1] ?? '').replaceAll(',', '');
  const decimals = match[2] ?? '';
  const value = Number(digits);
  const fractional = decimals !== '' && /[1-9]/.test(decimals);
  if (negative && (value > 0 || fractional)) return { ok: false, error: message('bulk.amount.negative') };
  if (fractional) {
    const exact = Number(`${digits}.${decimals}`);
    return {
      ok: false,
      error: message('bulk.amount.fraction', {
        text,
        down: Math.floor(exact),
        up: Math.ceil(exact),
      }),
    };
  }
  return { ok: true, value };
}

export type ParsedOperation = { ok: true; operation: Operation } | { ok: false; error: BulkMessage };

export interface ParseOptions {
  rounding?: Rounding;
}

/**
 * Turns the chosen operation and the typed amount into an Operation, or the reason it cannot be
 * one. The amount must be within the seller's maximum (`bulk.maxQuantity`); a percentage may end
 * in %; operations without an amount ignore the text.
 */
export function parseOperation(
  kind: OperationKind,
  amountText: string,
  settings: Pick<Settings, 'bulk'>,
  options: ParseOptions = {},
): ParsedOperation {
  if (kind === 'outOfStock' || kind === 'restore') return { ok: true, operation: { kind } };

  let text = amountText.normalize('NFKC').trim();
  if (text.endsWith('%')) {
    if (kind !== 'percent') return { ok: false, error: message('bulk.amount.percentNotAllowed') };
    text = text.slice(0, -1);
  } else if (text.includes('%')) {
    return { ok: false, error: message('bulk.amount.notNumber', { text: amountText.trim() }) };
  }
  const parsed = parseWholeNumber(text);
  if (!parsed.ok) return parsed;
  const value = parsed.value;

  switch (kind) {
    case 'set':
    case 'add':
    case 'subtract': {
      const max = settings.bulk.maxQuantity;
      if (value > max) return { ok: false, error: message('bulk.amount.aboveMaximum', { text: value, max }) };
      return { ok: true, operation: { kind, amount: value } };
    }
    case 'percent':
      if (value > MAX_PERCENT)
        return { ok: false, error: message('bulk.amount.percentTooLarge', { max: MAX_PERCENT }) };
      return { ok: true, operation: { kind, percent: value, rounding: options.rounding ?? 'down' } };
    case 'handlingTime':
      if (value < MIN_HANDLING_DAYS || value > MAX_HANDLING_DAYS) {
        return {
          ok: false,
          error: message('bulk.amount.handlingRange', { min: MIN_HANDLING_DAYS, max: MAX_HANDLING_DAYS }),
        };
      }
      return { ok: true, operation: { kind, days: value } };
  }
}

/** `percent`% of `stock` in whole units, in exact integer arithmetic (no 0.1 + 0.2 surprises). */
export function percentOf(stock: number, percent: number, rounding: Rounding): number {
  const scaled = stock * percent;
  const quotient = Math.floor(scaled / 100);
  const remainder = scaled - quotient * 100;
  if (remainder === 0) return quotient;
  if (rounding === 'up') return quotient + 1;
  if (rounding === 'nearest') return remainder >= 50 ? quotient + 1 : quotient;
  return quotient;
}
