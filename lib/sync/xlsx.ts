import { strFromU8, unzipSync } from 'fflate';
import { plainNumber } from '../export/csv';

/**
 * Reads the first worksheet of an `.xlsx` file as rows of text, exactly as stored: a SKU typed as
 * text `00123` stays `00123`, a number is written out without an exponent (`123456789012345`, not
 * `1.23456789012345E+14`), shared and inline strings are both read. No DOM (this runs in a worker
 * and in Node): SpreadsheetML is regular enough for a few anchored regular expressions, and only
 * the elements that carry values are read. Formats, formulas and dates are ignored: a stock file
 * needs a SKU, a quantity, a warehouse and a cost, all of which are text or plain numbers.
 */

export class XlsxError extends Error {
  constructor(
    readonly reason: 'invalid' | 'no-sheet',
    readonly detail: string,
  ) {
    super(`xlsx ${reason}: ${detail}`);
    this.name = 'XlsxError';
  }
}

export interface SheetRow {
  cells: string[];
  /** Excel's row number, as the seller sees it in the row header. */
  line: number;
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const OOXML_CHAR = /_x([0-9A-Fa-f]{4})_/g;

function unescapeXml(text: string): string {
  return text.replace(ENTITY, (_, name: string) => {
    if (name[0] !== '#') return NAMED[name] as string;
    const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** String content: XML entities, then OOXML's `_xHHHH_` escapes (`_x005F_` is a literal underscore). */
function stringValue(xml: string): string {
  return unescapeXml(xml).replace(OOXML_CHAR, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

// Elements may carry a namespace prefix (`<x:row>`) in files written by the Open XML SDK.
const P = '(?:[A-Za-z_][\\w.-]*:)?';
const ROW = new RegExp(`<${P}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}row>)`, 'g');
const CELL = new RegExp(`<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, 'g');
const VALUE = new RegExp(`<${P}v>([\\s\\S]*?)</${P}v>`);
const TEXT = new RegExp(`<${P}t(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${P}t>)`, 'g');
// Phonetic runs (Japanese furigana) are not part of the cell's text.
const PHONETIC = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, 'g');
const SI = new RegExp(`<${P}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}si>)`, 'g');
const SHEET = new RegExp(`<${P}sheet\\b([^>]*?)/?>`, 'g');
const RELATIONSHIP = /<(?:[A-Za-z_][\w.-]*:)?Relationship\b([^>]*?)\/?>/g;

function attribute(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

/** The text of a rich or plain string (`<si>`, `<is>`): every `<t>`, phonetic runs left out. */
function richText(xml: string): string {
  let out = '';
  const body = xml.includes('rPh') ? xml.replace(PHONETIC, '') : xml;
  for (const m of body.matchAll(TEXT)) out += stringValue(m[1] ?? '');
  return out;
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(SI)) out.push(richText(m[1] ?? ''));
  return out;
}

/** 0-based column of a cell reference (`AB12` → 27), or undefined when the reference is absent. */
function columnOf(ref: string | undefined): number | undefined {
  if (!ref) return undefined;
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? undefined : n - 1;
}

function cellText(attributes: string, body: string, strings: readonly string[]): string {
  const type = attribute(attributes, 't') ?? 'n';
  if (type === 'inlineStr') {
    const is = new RegExp(`<${P}is>([\\s\\S]*?)</${P}is>`).exec(body);
    return is ? richText(is[1] ?? '') : '';
  }
  const v = VALUE.exec(body)?.[1];
  if (v === undefined) return '';
  switch (type) {
    case 's':
      return strings[Number(v)] ?? '';
    case 'b':
      return v.trim() === '1' ? 'TRUE' : 'FALSE';
    case 'str':
    case 'e':
    case 'd':
      return stringValue(v);
    default: {
      const raw = v.trim();
      const n = Number(raw);
      // Excel stores `123456789012345` as `1.23456789012345E+14`: written out in full here.
      return raw !== '' && Number.isFinite(n) ? plainNumber(n) : stringValue(raw);
    }
  }
}

function rowsOf(xml: string, strings: readonly string[]): SheetRow[] {
  const rows: SheetRow[] = [];
  let previousLine = 0;
  for (const row of xml.matchAll(ROW)) {
    const r = Number(attribute(row[1] ?? '', 'r'));
    const line = Number.isInteger(r) && r > previousLine ? r : previousLine + 1;
    previousLine = line;
    const cells: string[] = [];
    let next = 0;
    for (const c of (row[2] ?? '').matchAll(CELL)) {
      const attributes = c[1] ?? '';
      const at = columnOf(attribute(attributes, 'r')) ?? next;
      while (cells.length < at) cells.push('');
      cells[at] = cellText(attributes, c[2] ?? '', strings);
      next = at + 1;
    }
    rows.push({ cells, line });
  }
  return rows;
}

/** The worksheet the workbook lists first (its tab order), by its relationship target. */
function firstSheetPath(files: Record<string, Uint8Array>): { path: string; name: string } | undefined {
  const workbook = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (workbook && rels) {
    const sheet = SHEET.exec(strFromU8(workbook));
    SHEET.lastIndex = 0;
    const id = sheet ? attribute(sheet[1] ?? '', 'r:id') : undefined;
    if (sheet && id) {
      for (const m of strFromU8(rels).matchAll(RELATIONSHIP)) {
        if (attribute(m[1] ?? '', 'Id') !== id) continue;
        const target = attribute(m[1] ?? '', 'Target') ?? '';
        const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
        if (files[path]) return { path, name: attribute(sheet[1] ?? '', 'name') ?? '' };
      }
    }
  }
  // Workbooks from some tools omit the relationships: take the lowest-numbered worksheet.
  const sheets = Object.keys(files)
    .filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return sheets[0] ? { path: sheets[0], name: '' } : undefined;
}

/** The first worksheet's rows. Throws XlsxError when the bytes are not an `.xlsx` workbook. */
export function readXlsx(bytes: Uint8Array): Sheet {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => (f.name.startsWith('xl/') && f.name.endsWith('.xml')) || f.name.endsWith('.rels'),
    });
  } catch (error) {
    throw new XlsxError('invalid', error instanceof Error ? error.message : String(error));
  }
  if (!files['xl/workbook.xml']) throw new XlsxError('invalid', 'no workbook inside');
  const sheet = firstSheetPath(files);
  if (!sheet) throw new XlsxError('no-sheet', 'no worksheet');
  const strings = sharedStrings(files['xl/sharedStrings.xml'] && strFromU8(files['xl/sharedStrings.xml']));
  return { name: sheet.name, rows: rowsOf(strFromU8(files[sheet.path] as Uint8Array), strings) };
}
