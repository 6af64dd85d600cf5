import { describe, expect, it } from 'vitest';
import { decideNumberLocale, numberEvidence, parseNumberCell } from '@/lib/reports/numbers';

function value(cell: string, locale: 'en' | 'eu', kind: 'int' | 'decimal' | 'money' | 'percent' = 'decimal') {
  const r = parseNumberCell(cell, locale, kind);
  return r.ok ? r.number.value : r.reason;
}

describe('numbers under the en convention (1,234.56)', () => {
  it('reads quoted thousands, currency signs and percentages as Amazon writes them', () => {
    expect(value('1,200', 'en', 'int')).toBe(1200);
    expect(value('5,824', 'en', 'int')).toBe(5824);
    expect(value('£38,000.00', 'en', 'money')).toBe(38000);
    expect(parseNumberCell('£12,894.53', 'en', 'money')).toEqual({
      ok: true,
      number: { value: 12894.53, currency: '£' },
    });
    expect(parseNumberCell('US$1,440.00', 'en', 'money')).toEqual({
      ok: true,
      number: { value: 1440, currency: 'US$' },
    });
    expect(value('8.33%', 'en', 'percent')).toBe(8.33);
    expect(value('160.00%', 'en', 'percent')).toBe(160);
    expect(value('1,234,567.5', 'en')).toBe(1234567.5);
    expect(value('-12.50', 'en', 'money')).toBe(-12.5);
    expect(value('(12.50)', 'en', 'money')).toBe(-12.5);
    expect(value('£-3.00', 'en', 'money')).toBe(-3);
  });

  it('reads Indian grouping and space groups', () => {
    expect(value('₹1,23,456.00', 'en', 'money')).toBe(123456);
    expect(value('1\u202F234.5', 'en')).toBe(1234.5);
  });

  it('reads full-width digits and the full-width yen sign (Chinese and Japanese Excel)', () => {
    expect(value('１，２００', 'en', 'int')).toBe(1200);
    expect(parseNumberCell('￥96,000', 'en', 'money')).toEqual({ ok: true, number: { value: 96000, currency: '¥' } });
    expect(value('８．３３％', 'en', 'percent')).toBe(8.33);
  });

  it('refuses what does not fit, never guessing', () => {
    expect(value('12,5', 'en')).toBe('wrong-locale');
    expect(value('1.234,56', 'en', 'money')).toBe('wrong-locale');
    expect(value('1,2,3', 'en')).toBe('not-number');
    expect(value('12a', 'en')).toBe('not-number');
    expect(value('N/A', 'en')).toBe('not-number');
    expect(value('1.5', 'en', 'int')).toBe('not-whole');
    expect(value('1.234', 'en', 'int')).toBe('not-whole');
    expect(value('50%', 'en', 'int')).toBe('not-number');
    expect(value('1 23', 'en')).toBe('not-number');
  });
});

describe('numbers under the eu convention (1.234,56)', () => {
  it('reads dot groups, decimal commas and currency after the number', () => {
    expect(value('1.200', 'eu', 'int')).toBe(1200);
    expect(value('1.234,56', 'eu')).toBe(1234.56);
    expect(parseNumberCell('5.255,61 €', 'eu', 'money')).toEqual({
      ok: true,
      number: { value: 5255.61, currency: '€' },
    });
    expect(value('12,5 %', 'eu', 'percent')).toBe(12.5);
    expect(value('1\u00A0234,50', 'eu')).toBe(1234.5);
    expect(value('1\u202F234\u202F567,50', 'eu')).toBe(1234567.5);
    expect(value('EUR 1.012,50', 'eu', 'money')).toBe(1012.5);
  });

  it('refuses an en-style cell in an eu file', () => {
    expect(value('12.50', 'eu')).toBe('wrong-locale');
    expect(value('1,234.56', 'eu')).toBe('wrong-locale');
    expect(value('1,234', 'eu', 'int')).toBe('not-whole');
  });
});

describe('deciding a file’s convention', () => {
  const cells = (kind: 'int' | 'money', ...list: string[]) => list.map((cell) => ({ cell, kind }));

  it('takes evidence only from cells that read one way', () => {
    expect(numberEvidence('12', 'money')).toBeNull();
    expect(numberEvidence('1,234', 'money')).toBeNull();
    expect(numberEvidence('1,234', 'int')).toBe('en');
    expect(numberEvidence('1.234', 'int')).toBe('eu');
    expect(numberEvidence('£12.50', 'money')).toBe('en');
    expect(numberEvidence('12,50 €', 'money')).toBe('eu');
    expect(numberEvidence('1,234,567', 'money')).toBe('en');
    expect(numberEvidence('1.234.567', 'money')).toBe('eu');
    expect(numberEvidence('1.234,5', 'money')).toBe('eu');
  });

  it('decides by the majority of unambiguous cells, else by the fallback', () => {
    expect(decideNumberLocale(cells('money', '£12.50', '£1,234.00', '12'), 'eu')).toMatchObject({
      locale: 'en',
      decided: true,
    });
    expect(decideNumberLocale(cells('money', '12,50 €', '7,00 €', '£1.50'), 'en')).toMatchObject({
      locale: 'eu',
      decided: true,
    });
    expect(decideNumberLocale(cells('money', '12', '1,234'), 'eu')).toMatchObject({ locale: 'eu', decided: false });
    expect(decideNumberLocale(cells('int', '1,234'), 'eu')).toMatchObject({ locale: 'en', decided: true });
  });
});
