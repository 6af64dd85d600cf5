import type { DayKey } from '../time';

/**
 * Dates in report cells. Order reports write instants as ISO 8601 with an offset; inventory
 * reports write calendar days, either as ISO (`2026-04-07`) or as `04/07/2026`, whose order
 * (day/month or month/day) is decided once per file like the decimal mark, never per cell.
 */

const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function validDay(year: number, month: number, day: number): boolean {
  return year >= 1990 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days from 1970-01-01 to a valid date, without allocating a Date. */
function epochDay(year: number, month: number, day: number): number {
  const y = year - 1;
  const leapDays = Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 477; // 477 leap days before 1970
  const leap = month > 2 && isLeap(year) ? 1 : 0;
  return (year - 1970) * 365 + leapDays + (CUMULATIVE_DAYS[month - 1] as number) + leap + day - 1;
}

/** Two ASCII digits at `at`, or -1. */
function two(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Milliseconds since the epoch, or undefined when the cell is not an ISO 8601 date-time with a
 * zone: `2024-11-23T06:43:27+00:00`, `…Z`, `….123-08:00`, `2024-11-23 06:43:27 UTC`. Read by hand
 * (an orders file has two per row): a regular expression and a Date per cell cost more than the
 * rest of the row.
 */
export function parseInstant(cell: string): number | undefined {
  if (cell.length < 17 || cell.charCodeAt(4) !== 45 || cell.charCodeAt(7) !== 45) return undefined;
  const sep = cell.charCodeAt(10);
  if ((sep !== 84 && sep !== 32) || cell.charCodeAt(13) !== 58) return undefined;
  const century = two(cell, 0);
  const yy = two(cell, 2);
  const month = two(cell, 5);
  const day = two(cell, 8);
  const hour = two(cell, 11);
  const minute = two(cell, 14);
  if (century < 0 || yy < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return undefined;
  const year = century * 100 + yy;
  let at = 16;
  let second = 0;
  let millis = 0;
  if (cell.charCodeAt(at) === 58) {
    second = two(cell, at + 1);
    if (second < 0) return undefined;
    at += 3;
    if (cell.charCodeAt(at) === 46) {
      let digits = 0;
      let fraction = 0;
      for (at++; at < cell.length; at++) {
        const d = cell.charCodeAt(at) - 48;
        if (d < 0 || d > 9) break;
        if (digits < 3) fraction = fraction * 10 + d;
        digits++;
      }
      if (digits === 0 || digits > 9) return undefined;
      millis = fraction * 10 ** (3 - Math.min(digits, 3));
    }
  }
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  while (cell.charCodeAt(at) === 32) at++;
  let offsetMinutes: number;
  const signChar = cell.charCodeAt(at);
  if (signChar === 43 || signChar === 45) {
    // +hh:mm, +hhmm (read in place: no substring per cell)
    const hours = two(cell, at + 1);
    const colon = cell.charCodeAt(at + 3) === 58 ? 1 : 0;
    const minutes = two(cell, at + 3 + colon);
    if (hours < 0 || minutes < 0 || cell.length !== at + 5 + colon || hours > 14 || minutes > 59) return undefined;
    offsetMinutes = (signChar === 43 ? 1 : -1) * (hours * 60 + minutes);
  } else {
    const zone = cell.slice(at);
    if (zone !== 'Z' && zone !== 'UTC' && zone !== 'GMT') return undefined;
    offsetMinutes = 0;
  }
  const local = (((epochDay(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000 + millis;
  return local - offsetMinutes * 60_000;
}

export type DateOrder = 'dmy' | 'mdy';

const ISO_DAY = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T ])/;
const SLASH_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:$|\s)/;
const DOT_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:$|\s)/;

function dayKeyOf(year: number, month: number, day: number): DayKey | undefined {
  if (!validDay(year, month, day)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A calendar day from a cell, as written (a time after the date is ignored: the report means that
 * day). `order` resolves `04/07/2026`; dotted dates are always day-first.
 */
export function parseDay(cell: string, order: DateOrder): DayKey | undefined {
  let m = ISO_DAY.exec(cell);
  if (m) return dayKeyOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = SLASH_DAY.exec(cell);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return order === 'dmy' ? dayKeyOf(Number(m[3]), b, a) : dayKeyOf(Number(m[3]), a, b);
  }
  m = DOT_DAY.exec(cell);
  if (m) return dayKeyOf(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

export interface DateOrderDecision {
  order: DateOrder;
  decided: boolean;
  /** A slashed date that reads either way, when the decision fell back to the marketplace. */
  ambiguousExample?: string;
}

/** Marketplaces whose Seller Central writes month/day/year. */
const MONTH_FIRST = new Set(['US']);

/**
 * Decides day/month against month/day from sample cells: a first number over 12 can only be a day,
 * a second number over 12 can only be a day. With no such cell, the marketplace's convention.
 */
export function decideDateOrder(cells: Iterable<string>, marketplace: string | undefined): DateOrderDecision {
  let dmy = 0;
  let mdy = 0;
  let ambiguousExample: string | undefined;
  for (const cell of cells) {
    const m = SLASH_DAY.exec(cell);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dmy++;
    else if (b > 12 && a <= 12) mdy++;
    else if (a !== b && ambiguousExample === undefined) ambiguousExample = cell;
  }
  if (dmy !== mdy) return { order: dmy > mdy ? 'dmy' : 'mdy', decided: true };
  const order: DateOrder = marketplace && MONTH_FIRST.has(marketplace) ? 'mdy' : 'dmy';
  return ambiguousExample === undefined ? { order, decided: false } : { order, decided: false, ambiguousExample };
}

/** How the file's slashed dates look, for messages. */
export function dateOrderExample(order: DateOrder): string {
  return order === 'dmy' ? '31/12/2026' : '12/31/2026';
}
