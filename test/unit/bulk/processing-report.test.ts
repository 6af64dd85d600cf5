import { describe, expect, it } from 'vitest';
import { type FileRow, type InventoryFile, priceQuantityFile } from '@/lib/bulk/files';
import { importProcessingReport, parseProcessingReport, type ReportImport } from '@/lib/bulk/processing-report';

function written(skus: string[], marketplace = 'UK'): InventoryFile {
  const rows = skus.map((sku): FileRow => ({ sku, channel: 'mfn', quantity: 1 }));
  const result = priceQuantityFile(rows, { marketplace });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.file;
}

function imported(report: string | Uint8Array, file: InventoryFile): ReportImport {
  const result = importProcessingReport(report, file);
  if (!result.ok) throw new Error(result.error.key);
  return result.result;
}

function statuses(result: ReportImport): Array<[string, string]> {
  return result.rows.map((row) => [row.sku, row.status]);
}

const FILE = written(['MUG-1', 'MUG-2', 'LAMP-1']);

// The layout Amazon documents and sellers' tools parse: summary, blank line, table of problems.
const REPORT = [
  'Feed Processing Summary:',
  '\tNumber of records processed\t\t3',
  '\tNumber of records successful\t\t2',
  '',
  'original-record-number\tsku\terror-code\terror-type\terror-message',
  '2\tMUG-2\t8560\tError\tSKU MUG-2 does not match any ASIN. Check the SKU.',
  '3\tLAMP-1\t99041\tWarning\tA value was not provided for "bullet_point".',
  '',
].join('\r\n');

describe('parseProcessingReport', () => {
  it('reads the summary and every message', () => {
    const parsed = parseProcessingReport(REPORT);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.report.processed).toBe(3);
    expect(parsed.report.successful).toBe(2);
    expect(parsed.report.messages).toEqual([
      {
        recordNumber: 2,
        sku: 'MUG-2',
        code: '8560',
        type: 'error',
        typeText: 'Error',
        message: 'SKU MUG-2 does not match any ASIN. Check the SKU.',
        line: 6,
      },
      {
        recordNumber: 3,
        sku: 'LAMP-1',
        code: '99041',
        type: 'warning',
        typeText: 'Warning',
        message: 'A value was not provided for "bullet_point".',
        line: 7,
      },
    ]);
  });

  it('reads a summary in another language by position', () => {
    const spanish = [
      'Resumen de procesamiento de fichero:',
      '\tNúmero de registros procesados\t\t3',
      '\tNúmero de registros correctos\t\t3',
      '',
      'original-record-number\tsku\terror-code\terror-type\terror-message',
    ].join('\n');
    const parsed = parseProcessingReport(spanish);
    expect(parsed.ok && [parsed.report.processed, parsed.report.successful]).toEqual([3, 3]);
  });

  it('refuses a file that is not a processing report, and bytes that are not text', () => {
    expect(parseProcessingReport('sku\tquantity\nMUG-1\t3\n')).toEqual({
      ok: false,
      error: { key: 'bulk.report.notReport' },
    });
    expect(parseProcessingReport(Uint8Array.from([0x82, 0xff, 0xfe, 0x81]))).toEqual({
      ok: false,
      error: { key: 'bulk.report.unreadable' },
    });
  });
});

describe('importProcessingReport', () => {
  it('marks each row applied or failed with Amazon’s message, warnings kept apart', () => {
    const result = imported(REPORT, FILE);
    expect(statuses(result)).toEqual([
      ['MUG-1', 'applied'],
      ['MUG-2', 'failed'],
      ['LAMP-1', 'applied'],
    ]);
    expect(result.rows[1]!.errors).toEqual([
      { code: '8560', message: 'SKU MUG-2 does not match any ASIN. Check the SKU.' },
    ]);
    expect(result.rows[1]!.warnings).toEqual([]);
    expect(result.rows[2]!.warnings).toEqual([
      { code: '99041', message: 'A value was not provided for "bullet_point".' },
    ]);
    expect(result.rows[2]!.errors).toEqual([]);
    expect(result.notes).toEqual([]);
  });

  it('all rows applied when the report lists no problems, with or without the table header', () => {
    // Amazon leaves the table out of a report without problems: the summary is all there is.
    const clean =
      'Feed Processing Summary:\r\n\tNumber of records processed\t\t3\r\n\tNumber of records successful\t\t3\r\n\r\n\r\n';
    const withHeader = `${clean}original-record-number\tsku\terror-code\terror-type\terror-message\n`;
    for (const report of [clean, withHeader]) {
      const result = imported(report, FILE);
      expect(statuses(result).map(([, s]) => s)).toEqual(['applied', 'applied', 'applied']);
      expect([result.processed, result.successful]).toEqual([3, 3]);
    }
  });

  it('uses the record number when the SKU cell is empty: record 1 is the first data line', () => {
    const report =
      'Summary:\n\tprocessed\t\t3\n\tsuccessful\t\t2\n\noriginal-record-number\tsku\terror-code\terror-type\terror-message\n1\t\t5000\tError\tBad record\n';
    expect(statuses(imported(report, FILE))).toEqual([
      ['MUG-1', 'failed'],
      ['MUG-2', 'applied'],
      ['LAMP-1', 'applied'],
    ]);
  });

  it('follows the SKUs when the record numbers count file lines instead', () => {
    // Record 5 and 6 as file lines are data rows 2 and 3 (three header rows before them).
    const report = [
      'Feed Processing Summary:',
      '\tNumber of records processed\t\t3',
      '\tNumber of records successful\t\t1',
      '',
      'original-record-number\tsku\terror-code\terror-type\terror-message',
      '5\tMUG-2\t8560\tError\tfirst',
      // No SKU here: only the numbering learnt from the line above places it.
      '6\t\t8560\tError\tsecond',
    ].join('\n');
    const result = imported(report, FILE);
    expect(statuses(result)).toEqual([
      ['MUG-1', 'applied'],
      ['MUG-2', 'failed'],
      ['LAMP-1', 'failed'],
    ]);
    expect(result.unmatched).toEqual([]);
  });

  it('matches a SKU Amazon truncated in its report', () => {
    const long = 'VERY-LONG-SKU-THAT-AMAZON-CUTS-AT-FORTY-CHARS-XYZ';
    const file = written(['A', long]);
    const report = `Summary\n\tp\t\t2\n\ts\t\t1\n\noriginal-record-number\tsku\terror-code\terror-type\terror-message\n2\t${long.slice(0, 40)}\t90118\tError\tThe value exceeds the maximum number of bytes allowed: 40.\n`;
    expect(statuses(imported(report, file))).toEqual([
      ['A', 'applied'],
      [long, 'failed'],
    ]);
  });

  it('fails every row on a file-level error', () => {
    const report =
      'Feed Processing Summary:\n\tNumber of records processed\t\t0\n\tNumber of records successful\t\t0\n\noriginal-record-number\tsku\terror-code\terror-type\terror-message\n0\t\t90001\tError\tThe template type is not recognised.\n';
    const result = imported(report, FILE);
    expect(statuses(result).map(([, s]) => s)).toEqual(['failed', 'failed', 'failed']);
    expect(result.rows[0]!.errors).toEqual([{ code: '90001', message: 'The template type is not recognised.' }]);
    expect(result.fileMessages).toHaveLength(1);
    expect(result.notes).toEqual([{ key: 'bulk.report.nothingProcessed' }]);
  });

  it('does not claim rows Amazon did not process', () => {
    const report =
      'Feed Processing Summary:\n\tNumber of records processed\t\t2\n\tNumber of records successful\t\t1\n\noriginal-record-number\tsku\terror-code\terror-type\terror-message\n1\tMUG-1\t8560\tError\tNo.\n';
    const result = imported(report, FILE);
    expect(statuses(result)).toEqual([
      ['MUG-1', 'failed'],
      ['MUG-2', 'unknown'],
      ['LAMP-1', 'unknown'],
    ]);
    expect(result.notes).toEqual([{ key: 'bulk.report.countMismatch', params: { processed: 2, written: 3 } }]);
  });

  it('keeps messages that match no row of the batch', () => {
    const report = `${REPORT}9\tSOMEONE-ELSE\t8560\tError\tNot ours\n`;
    const result = imported(report, FILE);
    expect(result.unmatched.map((m) => m.sku)).toEqual(['SOMEONE-ELSE']);
    expect(result.notes).toEqual([{ key: 'bulk.report.unmatched', params: { count: 1 } }]);
  });

  it('reads a Japanese report in Shift_JIS, with localised error types', () => {
    const file = written(['和柄タオル-青①', 'TOWEL-01'], 'JP');
    // Shift_JIS bytes (Python's cp932 codec) of:
    //   処理概要:
    //   \t処理済みレコード数\t\t2
    //   \t成功レコード数\t\t1
    //   (blank)
    //   original-record-number\tsku\terror-code\terror-type\terror-message
    //   1\t和柄タオル-青①\t8560\tエラー\t商品が見つかりません
    //   2\tTOWEL-01\t99041\t警告\t値がありません
    const bytes = Uint8Array.from(
      Buffer.from(
        `8f88979d8a5497763a0a098f88979d8dcf82dd838c8352815b836890940909320a0990ac8cf7838c8352815b836890940909310a0a6f7269
67696e616c2d7265636f72642d6e756d62657209736b75096572726f722d636f6465096572726f722d74797065096572726f722d6d657373
6167650a3109986195bf835e8349838b2d90c2874009383536300983478389815b098fa4956982aa8ca982c282a982e882dc82b982f10a32
09544f57454c2d3031093939303431098c788d9009926c82aa82a082e882dc82b982f10a`.replace(/\s+/g, ''),
        'hex',
      ),
    );
    const decoded = new TextDecoder('shift_jis').decode(bytes);
    expect(decoded).toContain('エラー');
    const result = imported(bytes, file);
    expect(statuses(result)).toEqual([
      ['和柄タオル-青①', 'failed'],
      ['TOWEL-01', 'applied'],
    ]);
    expect(result.rows[0]!.errors).toEqual([{ code: '8560', message: '商品が見つかりません' }]);
    expect(result.rows[1]!.warnings).toEqual([{ code: '99041', message: '値がありません' }]);
    expect([result.processed, result.successful]).toEqual([2, 1]);
  });
});
