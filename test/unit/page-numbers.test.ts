import { describe, expect, it } from 'vitest';
import { decimalMarkFor, parsePageCount, parsePageNumber } from '@/lib/page/numbers';

describe('decimal mark by page language', () => {
  it.each([
    ['en-US', '.'],
    ['en-GB', '.'],
    ['zh-CN', '.'],
    ['zh-TW', '.'],
    ['ja-JP', '.'],
    ['de-DE', ','],
    ['fr-FR', ','],
    ['es-ES', ','],
    ['it_IT', ','],
    ['', '.'],
  ])('%s writes %s', (lang, mark) => {
    expect(decimalMarkFor(lang)).toBe(mark);
  });
});

describe('page numbers', () => {
  it.each([
    ['1,234.56', 1234.56],
    ['$1,234.56', 1234.56],
    ['US$12.00', 12],
    ['1234', 1234],
    ['0', 0],
    ['12.5', 12.5],
    ['1,234,567', 1234567],
    ['  42 ', 42],
    ['-3', -3],
    ['£38,000.00', 38000],
  ])('English %s → %s', (text, value) => {
    expect(parsePageNumber(text, '.')).toBe(value);
  });

  it.each([
    ['1.234,56', 1234.56],
    ['1.234,56 €', 1234.56],
    ['EUR 19,99', 19.99],
    ['1 234,56', 1234.56],
    ['1\u202f234,56\u00a0€', 1234.56],
    ['1.234', 1234],
    ['12,5', 12.5],
  ])('comma-decimal %s → %s', (text, value) => {
    expect(parsePageNumber(text, ',')).toBe(value);
  });

  it.each([
    ['１，２３４', 1234],
    ['￥１，９８０', 1980],
    ['¥1,980', 1980],
    ['1,980円', 1980],
    ['１２', 12],
  ])('Japanese %s → %s', (text, value) => {
    expect(parsePageNumber(text, '.')).toBe(value);
  });

  it('reads the same characters differently by language, never by guess', () => {
    expect(parsePageNumber('1,234', '.')).toBe(1234);
    expect(parsePageNumber('1,234', ',')).toBe(1.234);
  });

  it.each(['', '-', '—', 'abc', '12abc', '1,2', '1.2.3', '1,234.5,6', '12 34 x', null, undefined])(
    'refuses %s',
    (text) => {
      expect(parsePageNumber(text as string, '.')).toBeUndefined();
    },
  );

  it('counts are whole and non-negative', () => {
    expect(parsePageCount('1,204', '.')).toBe(1204);
    expect(parsePageCount('3.5', '.')).toBeUndefined();
    expect(parsePageCount('-1', '.')).toBeUndefined();
    expect(parsePageCount('１２０', '.')).toBe(120);
  });
});

describe('spaces', () => {
  it('accepts spaces only as thousands groups', () => {
    expect(parsePageNumber('12 34', '.')).toBeUndefined();
    expect(parsePageNumber('12 345', ',')).toBe(12345);
    expect(parsePageNumber('€ 12,50', ',')).toBe(12.5);
  });
});
