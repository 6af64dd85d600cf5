import { describe, expect, it } from 'vitest';
import { addDays, dayKey, dayRange, daysBetween, startOfDay, zoneOffset } from '@/lib/time';

describe('marketplace days', () => {
  it('puts an instant on the marketplace day, not the machine one', () => {
    // 2026-11-27 02:00 UTC: still the 26th in Los Angeles, already the 27th in Tokyo.
    const at = Date.UTC(2026, 10, 27, 2);
    expect(dayKey(at, 'America/Los_Angeles')).toBe('2026-11-26');
    expect(dayKey(at, 'Asia/Tokyo')).toBe('2026-11-27');
    expect(dayKey(at, 'Europe/London')).toBe('2026-11-27');
  });

  it('finds the first instant of a day in each zone', () => {
    expect(startOfDay('2026-11-26', 'America/Los_Angeles')).toBe(Date.UTC(2026, 10, 26, 8));
    expect(startOfDay('2026-11-26', 'Asia/Tokyo')).toBe(Date.UTC(2026, 10, 25, 15));
    expect(startOfDay('2026-07-01', 'Europe/Berlin')).toBe(Date.UTC(2026, 5, 30, 22));
  });

  it('handles daylight-saving days of 23 and 25 hours', () => {
    // US DST starts 2026-03-08 and ends 2026-11-01.
    const spring = startOfDay('2026-03-09', 'America/Los_Angeles') - startOfDay('2026-03-08', 'America/Los_Angeles');
    const autumn = startOfDay('2026-11-02', 'America/Los_Angeles') - startOfDay('2026-11-01', 'America/Los_Angeles');
    expect(spring).toBe(23 * 3_600_000);
    expect(autumn).toBe(25 * 3_600_000);
    // The last millisecond of a day is still that day; the next is the next day.
    const next = startOfDay('2026-03-09', 'America/Los_Angeles');
    expect(dayKey(next - 1, 'America/Los_Angeles')).toBe('2026-03-08');
    expect(dayKey(next, 'America/Los_Angeles')).toBe('2026-03-09');
  });

  it('reports zone offsets east and west of Greenwich', () => {
    expect(zoneOffset(Date.UTC(2026, 0, 15), 'Asia/Tokyo')).toBe(9 * 3_600_000);
    expect(zoneOffset(Date.UTC(2026, 0, 15), 'America/Los_Angeles')).toBe(-8 * 3_600_000);
    expect(zoneOffset(Date.UTC(2026, 6, 15), 'America/Los_Angeles')).toBe(-7 * 3_600_000);
  });

  it('does day arithmetic across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-26', '2027-01-01')).toBe(36);
    expect(daysBetween('2027-01-01', '2026-11-26')).toBe(-36);
    expect(dayRange('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });

  it('refuses a malformed day', () => {
    expect(() => addDays('26-11-2026', 1)).toThrow(RangeError);
  });
});
