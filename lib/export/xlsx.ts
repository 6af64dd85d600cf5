import { strToU8, zipSync } from 'fflate';
import { type CsvValue, plainNumber, type TableColumn } from './csv';

/**
 * `.xlsx` for any table, for sellers whose spreadsheet mangles CSV: opening a CSV, Excel turns the
 * SKU `00123` into 123 and `123456789012345` into 1.23457E+14, and saving it back loses the SKU for
 * good. Here every text cell, SKU columns included, is an inline string (`t="inlineStr"`): Excel
 * takes it as text as stored, never as a number, a date or a formula. SKU cells also carry the Text
 * number format (`@`), so a seller who edits one keeps it text.
 *
 * Formula injection: a cell is a formula only when it has an `<f>` element, which this writer never
 * writes; `=HYPERLINK(…)` in an inline string is just text. So, unlike the CSV writer, no apostrophe
 * is put in front of text beginning with = + - @, and every value reads back exactly.
 *
 * The package is the minimal valid SpreadsheetML: content types, package and workbook relations,
 * workbook, one worksheet, styles (Excel repairs a workbook without styles.xml).
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxOptions {
  /** The worksheet's tab name; cut to Excel's 31 characters, with the characters it forbids removed. */
  sheetName?: string;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style indexes in styles.xml's cellXfs. */
const STYLE_TEXT = 1;
const STYLE_HEADER = 2;

/**
 * Characters XML 1.0 does not allow at all (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone
 * surrogates). Excel refuses the whole file over one of them, so they are dropped.
 */
function xmlAllowed(text: string): string {
  let out: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let ok: boolean;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      ok = next >= 0xdc00 && next <= 0xdfff;
      if (ok) {
        if (out !== undefined) out += text.slice(i, i + 2);
        i++;
        continue;
      }
    } else if (c >= 0xdc00 && c <= 0xdfff) ok = false;
    else ok = c >= 0x20 ? c !== 0xfffe && c !== 0xffff : c === 0x09 || c === 0x0a || c === 0x0d;
    if (!ok && out === undefined) out = text.slice(0, i);
    else if (ok && out !== undefined) out += text[i];
  }
  return out ?? text;
}
/**
 * OOXML reads `_xHHHH_` in a string as the character U+HHHH; a SKU that really contains such text
 * keeps it by escaping its underscore as `_x005F_`.
 */
const OOXML_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;

export function xmlEscape(text: string): string {
  return xmlAllowed(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** XML parsers turn a raw CR (and CRLF) into LF; OOXML writes it as `_x000D_` so it survives. */
function stringContent(text: string): string {
  return xmlEscape(text.replace(OOXML_ESCAPE, '_x005F_$1').replaceAll('\r', '_x000D_'));
}

/** `A`, `B` … `Z`, `AA` … for a 0-based column index. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A tab name Excel accepts: 1–31 characters, none of `[]:*?/\`, not starting or ending with `'`. */
export function safeSheetName(name: string | undefined): string {
  const cleaned = xmlAllowed(name ?? '')
    .replace(/[[\]:*?/\\]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim();
  // Cut by code points so a surrogate pair is never split.
  const cut = Array.from(cleaned).slice(0, 31).join('').trim();
  return cut === '' ? 'Sheet1' : cut;
}

function textCell(ref: string, text: string, style: number): string {
  const s = style ? ` s="${style}"` : '';
  return `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${stringContent(text)}</t></is></c>`;
}

function cell(ref: string, value: CsvValue, sku: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const text = plainNumber(value);
    if (text === '') return '';
    // A number in a SKU column (a caller's SKU typed as a number) is still an identifier.
    if (sku) return textCell(ref, text, STYLE_TEXT);
    return `<c r="${ref}"><v>${text}</v></c>`;
  }
  return textCell(ref, value, sku ? STYLE_TEXT : 0);
}

function sheetXml<Row>(columns: readonly TableColumn<Row>[], rows: Iterable<Row>): string {
  const letters = columns.map((_, i) => columnLetters(i));
  const parts: string[] = [
    XML_HEAD,
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    // The header stays in view while scrolling a long list.
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
    '<sheetData>',
    `<row r="1">${columns.map((c, i) => textCell(`${letters[i]}1`, c.header, STYLE_HEADER)).join('')}</row>`,
  ];
  let r = 1;
  for (const row of rows) {
    r++;
    let cells = '';
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i] as TableColumn<Row>;
      cells += cell(`${letters[i]}${r}`, column.value(row), column.sku === true);
    }
    parts.push(`<row r="${r}">${cells}</row>`);
  }
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

const PACKAGE_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;

/** Default style, Text format (numFmt 49 = `@`) for SKU cells, bold for the header row. */
const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function workbookXml(sheetName: string): string {
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="${xmlEscape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

/** The whole `.xlsx` file: a header row, then one row per record. */
export function toXlsx<Row>(
  columns: readonly TableColumn<Row>[],
  rows: Iterable<Row>,
  options: XlsxOptions = {},
): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(PACKAGE_RELS),
    'xl/workbook.xml': strToU8(workbookXml(safeSheetName(options.sheetName))),
    'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
    'xl/styles.xml': strToU8(STYLES),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml(columns, rows)),
  });
}
