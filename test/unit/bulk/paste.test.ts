import { describe, expect, it } from 'vitest';
import { parsePaste, pastedPlanInputs, splitCells } from '@/lib/bulk/paste';
import { planBatch } from '@/lib/bulk/plan';
import { context, listing } from './fixtures';

const known = new Set(['MUG-1', 'MUG-2', 'LAMP "XL"', 'A\tB', '杯子-红色', 'FBA-1']);
const options = { maxQuantity: 99_999 };

function parse(text: string) {
  return parsePaste(text, known, options);
}

function errorKeys(text: string): Array<[number, string]> {
  return parse(text).errors.map((e) => [e.line, e.message.key]);
}

describe('splitCells', () => {
  it('reads Excel’s clipboard format: tabs, CRLF, quoted cells with tabs, line breaks and doubled quotes', () => {
    const text = 'MUG-1\t5\r\n"LAMP ""XL"""\t6\r\n"A\tB"\t7\r\n"two\r\nlines"\t8\r\n';
    expect(splitCells(text)).toEqual([
      { line: 1, cells: ['MUG-1', '5'] },
      { line: 2, cells: ['LAMP "XL"', '6'] },
      { line: 3, cells: ['A\tB', '7'] },
      { line: 4, cells: ['two\r\nlines', '8'] },
    ]);
  });

  it('keeps a quote that does not open a quoted cell as part of the text', () => {
    expect(splitCells('AB"C\t5\n"ABC\t6\n"X"Y\t7')).toEqual([
      { line: 1, cells: ['AB"C', '5'] },
      { line: 2, cells: ['"ABC', '6'] },
      { line: 3, cells: ['"X"Y', '7'] },
    ]);
  });
});

describe('parsePaste', () => {
  it('reads two columns with LF or CRLF and trailing empty lines', () => {
    const expected = [
      { sku: 'MUG-1', quantity: 5, line: 1 },
      { sku: 'MUG-2', quantity: 0, line: 2 },
    ];
    expect(parse('MUG-1\t5\nMUG-2\t0\n\n\n').rows).toEqual(expected);
    expect(parse('MUG-1\t5\r\nMUG-2\t0\r\n\r\n').rows).toEqual(expected);
    expect(parse('MUG-1\t5\nMUG-2\t0').rows).toEqual(expected);
  });

  it('skips a header row, detected by a quantity cell that is not a number', () => {
    const result = parse('SKU\tQuantity\nMUG-1\t5\n');
    expect(result.header).toBe(true);
    expect(result.rows).toEqual([{ sku: 'MUG-1', quantity: 5, line: 2 }]);
    expect(result.errors).toEqual([]);
    expect(parse('卖家SKU\t数量\r\n杯子-红色\t３\r\n').rows).toEqual([{ sku: '杯子-红色', quantity: 3, line: 2 }]);
  });

  it('does not take a known SKU with a bad quantity for a header', () => {
    const result = parse('MUG-1\tfive\nMUG-2\t5\n');
    expect(result.header).toBe(false);
    expect(result.errors).toEqual([{ line: 1, message: { key: 'bulk.amount.notNumber', params: { text: 'five' } } }]);
    expect(result.rows).toEqual([{ sku: 'MUG-2', quantity: 5, line: 2 }]);
  });

  it('reads quoted cells as Excel writes them, full-width digits and thousands separators', () => {
    const result = parse('"LAMP ""XL"""\t"1,200"\n"A\tB"\t１２\nMUG-1\t2,500\n');
    expect(result.rows).toEqual([
      { sku: 'LAMP "XL"', quantity: 1200, line: 1 },
      { sku: 'A\tB', quantity: 12, line: 2 },
      { sku: 'MUG-1', quantity: 2500, line: 3 },
    ]);
  });

  it('ignores empty trailing cells and matches SKUs with stray spaces', () => {
    expect(parse('MUG-1 \t 5 \t\t\n').rows).toEqual([{ sku: 'MUG-1', quantity: 5, line: 1 }]);
  });

  it('lists unknown SKUs instead of dropping them', () => {
    const result = parse('MUG-1\t5\nNOPE-1\t3\nnope-2\t4\n');
    expect(result.rows.map((r) => r.sku)).toEqual(['MUG-1']);
    expect(result.unknownSkus).toEqual([
      { sku: 'NOPE-1', line: 2 },
      { sku: 'nope-2', line: 3 },
    ]);
  });

  it('reports every bad line with its line number and reason', () => {
    expect(
      errorKeys('MUG-1\t-3\nMUG-2\t2.5\nMUG-1\t1e3\nMUG-1\t\n\t5\nMUG-1\t1\t2\nMUG-2\t100000\nMUG-2\t1.000\n'),
    ).toEqual([
      [1, 'bulk.amount.negative'],
      [2, 'bulk.amount.fraction'],
      [3, 'bulk.amount.notNumber'],
      [4, 'bulk.paste.missingQuantity'],
      [5, 'bulk.paste.missingSku'],
      [6, 'bulk.paste.columns'],
      [7, 'bulk.amount.aboveMaximum'],
      [8, 'bulk.amount.ambiguous'],
    ]);
  });

  it('uses a SKU pasted twice with the same quantity once, and reports it', () => {
    const result = parse('MUG-1\t5\nMUG-2\t1\nMUG-1\t5\n');
    expect(result.rows).toEqual([
      { sku: 'MUG-1', quantity: 5, line: 1 },
      { sku: 'MUG-2', quantity: 1, line: 2 },
    ]);
    expect(result.errors).toEqual([
      { line: 3, message: { key: 'bulk.paste.duplicateSame', params: { sku: 'MUG-1', first: 1 } } },
    ]);
  });

  it('leaves out a SKU pasted with different quantities, naming the lines', () => {
    const result = parse('MUG-1\t5\nMUG-2\t1\nMUG-1\t6\nMUG-1\t5\n');
    expect(result.rows).toEqual([{ sku: 'MUG-2', quantity: 1, line: 2 }]);
    expect(result.errors).toEqual([
      { line: 1, message: { key: 'bulk.paste.duplicateConflict', params: { sku: 'MUG-1', lines: '1, 3, 4' } } },
    ]);
  });

  it('accounts for every pasted line', () => {
    const text = 'SKU\tQty\nMUG-1\t5\nX\t1\nMUG-2\tbad\n\nLAMP "XL"\t3\n';
    const result = parse(text);
    const lines = [
      ...result.rows.map((r) => r.line),
      ...result.unknownSkus.map((u) => u.line),
      ...result.errors.map((e) => e.line),
    ];
    expect(lines.sort()).toEqual([2, 3, 4, 6]);
  });

  it('turns pasted rows into per-row "set" operations for the plan', () => {
    const listings = [
      listing('MUG-1', { available: 9 }),
      listing('MUG-2', { available: 4 }),
      listing('FBA-1', { channel: 'fba', quantityEditable: false }),
    ];
    const pasted = parse('MUG-1\t5\nMUG-2\t4\nFBA-1\t7\n');
    const plan = planBatch(pastedPlanInputs(pasted.rows, listings), { kind: 'set', amount: 0 }, context());
    expect(plan.rows.map((r) => [r.sku, r.after, r.action])).toEqual([
      ['MUG-1', 5, 'change'],
      ['MUG-2', 4, 'unchanged'],
      ['FBA-1', null, 'refused'],
    ]);
  });
});
