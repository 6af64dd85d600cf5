// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { decimalMarkFor } from '@/lib/page/numbers';
import { findRowElements, type PageContext, readRow, readRows, skuFromLegacyRowId } from '@/lib/page/read';

/**
 * The reader's edge cases on small rows written after the reference (seller-central.md §1.2,
 * §1.3), in a DOM of their own. The whole pages, in every language and markup variant, are read in
 * Chromium by test/e2e/reader.spec.ts; these pin the rules one row at a time.
 */

function context(generation: 'current' | 'legacy', pageLanguage = 'en-US'): PageContext {
  return {
    generation,
    account: 'Test Store',
    accountFromPage: true,
    marketplace: 'US',
    marketplaceSource: 'page',
    pageLanguage,
    mark: decimalMarkFor(pageLanguage),
  };
}

/** A fresh document (class names are learned per document), with kat-inputs given their shadow input. */
function page(body: string, typed: Record<string, string> = {}): Document {
  const doc = document.implementation.createHTMLDocument('Manage All Inventory');
  doc.body.innerHTML = body;
  for (const input of doc.querySelectorAll('kat-input')) {
    const root = input.attachShadow({ mode: 'open' });
    const inner = doc.createElement('input');
    inner.value = typed[input.getAttribute('data-field') ?? ''] ?? input.getAttribute('value') ?? '';
    root.append(inner);
  }
  return doc;
}

const H = { split: 'JanusSplitBox-module__row--yjQ5L', panel: 'JanusSplitBox-module__panel--AbYDg' };
const split = (label: string, value: string) =>
  `<div class="${H.split}"><div class="${H.panel}">${label}</div><div class="${H.panel}">${value}</div></div>`;
const katLabel = (text: string) => `<kat-label emphasis="${text}"></kat-label>`;
const text = (value: string) => `<span class="JanusRichText-module__defaultText--pMlk1">${value}</span>`;
const katInput = (value: string, field = 'quantity', disabled = false) =>
  `<kat-input type="text" value="${value}" data-field="${field}"${disabled ? ' disabled' : ''}></kat-input>`;

interface CurrentRowSpec {
  sku: string;
  shownSku?: string;
  status?: string;
  reasons?: string[];
  fnsku?: string;
  inventory?: string;
  prices?: string;
  title?: string;
}

function currentRow(spec: CurrentRowSpec): string {
  const status =
    spec.status === undefined
      ? ''
      : `<div class="Status-module__container--Xr3Lp">${katLabel(spec.status)}${(spec.reasons ?? [])
          .map((r) => `<div class="Status-module__reason--P9fQe">${r}</div>`)
          .join('')}</div>`;
  return `<div data-sku="${spec.sku}"><div class="JanusTable-module__tableContentRow--MGDsi">
    <div class="TableCell-module__cellLayout--dcdTa">${status}</div>
    <div class="TableCell-module__cellLayout--dcdTa"><div class="ProductDetails-module__container--bVY-u">
      <img src="https://m.media-amazon.com/images/I/x.jpg">
      <div class="ProductDetails-module__textFieldsContainer--kN4jT">
        <div class="ProductDetails-module__titleContainer--wRcGp"><a href="https://www.amazon.com/dp/B000000001">${spec.title ?? 'A title'}</a></div>
        <div class="JanusSplitBox-module__container--99EXd">
          ${split(text('ASIN'), text('B000000001'))}
          ${split(text('SKU'), `<a>${spec.shownSku ?? spec.sku}</a>`)}
          ${spec.fnsku ? split(text('FNSKU'), text(spec.fnsku)) : ''}
        </div>
      </div>
    </div></div>
    <div class="TableCell-module__cellLayout--dcdTa">${spec.inventory ?? ''}</div>
    <div class="TableCell-module__cellLayout--dcdTa">${spec.prices ?? ''}</div>
  </div></div>`;
}

const priceBlock = (rows: Array<[string, string]>) =>
  `<div class="VolusPriceInputComposite-module__container--PTx1A">${rows
    .map(
      ([label, value]) =>
        `<div class="VolusPriceInputComposite-module__priceInputRow--1DG3s"><span>${label}</span><div>${katInput(value, label)}</div></div>`,
    )
    .join('')}</div>`;

function readCurrent(body: string, options: { typed?: Record<string, string>; language?: string } = {}) {
  const doc = page(body, options.typed);
  return readRows(findRowElements(doc, 'current'), context('current', options.language));
}

describe('the current page, one row at a time', () => {
  it('reads an FBA row: stock split, prices, identity, status', () => {
    const [row] = readCurrent(
      currentRow({
        sku: 'FBA-1',
        status: 'Active',
        fnsku: 'X00ABCDEFG',
        inventory: [
          split(katLabel('Available (FBA)'), text('1,234')),
          split(katLabel('Inbound'), text('60')),
          split(katLabel('Reserved'), text('7')),
        ].join(''),
        prices: priceBlock([
          ['Price', '24.99'],
          ['Minimum price', '19.99'],
        ]),
      }),
    );
    expect(row?.problem).toBeUndefined();
    expect(row?.listing).toMatchObject({
      sku: 'FBA-1',
      asin: 'B000000001',
      fnsku: 'X00ABCDEFG',
      channel: 'fba',
      state: 'active',
      stock: { available: 1234, inbound: 60, reserved: 7 },
      price: 24.99,
      minPrice: 19.99,
      title: 'A title',
      imageUrl: 'https://m.media-amazon.com/images/I/x.jpg',
    });
  });

  it('reads German numbers the German way', () => {
    const [row] = readCurrent(
      currentRow({
        sku: 'DE-1',
        status: 'Aktiv',
        inventory: split(katLabel('Verfügbar (FBM)'), katInput('1.234')),
        prices: priceBlock([['Preis', '1.234,56']]),
      }),
      { language: 'de-DE' },
    );
    expect(row?.listing).toMatchObject({ channel: 'mfn', stock: { available: 1234 }, price: 1234.56 });
  });

  it('an inactive merchant row at 0 is out of stock, not broken', () => {
    const [row] = readCurrent(
      currentRow({ sku: 'MFN-0', status: 'Inactive', inventory: split(katLabel('Available (FBM)'), katInput('0')) }),
    );
    expect(row?.listing).toMatchObject({ state: 'inactive', reasons: ['out_of_stock'], quantityEditable: true });
  });

  it('a plain "Available" with nothing of Amazon’s warehouse is merchant-fulfilled, editable or not', () => {
    const [closed, fba] = readCurrent(
      currentRow({ sku: 'TW-CLOSED', status: '已關閉', inventory: split(katLabel('有貨'), text('0')) }) +
        currentRow({
          sku: 'TW-FBA',
          status: '在售',
          inventory: split(katLabel('有貨'), text('5')) + split(katLabel('預留數量'), text('1')),
          fnsku: 'X00TWTWTWT',
        }),
      { language: 'zh-TW' },
    );
    expect(closed?.listing).toMatchObject({ channel: 'mfn', state: 'closed', quantityEditable: false });
    expect(fba?.listing).toMatchObject({ channel: 'fba', state: 'active', stock: { available: 5, reserved: 1 } });
  });

  it('a row whose SKU cell names another SKU is refused', () => {
    const [row] = readCurrent(
      currentRow({ sku: 'A-1', shownSku: 'B-2', status: 'Active', inventory: split(katLabel('Available'), text('1')) }),
    );
    expect(row?.problem).toBe('sku-mismatch');
    expect(row?.listing).toBeUndefined();
  });

  it('a count that is not a number is a read error, not a zero', () => {
    const [row] = readCurrent(
      currentRow({ sku: 'BAD', status: 'Active', inventory: split(katLabel('Available (FBA)'), text('12 units')) }),
    );
    expect(row?.problem).toBe('bad-number');
  });

  it('a status line that only names a reason is an inactive offer; no status at all is a problem', () => {
    const [reason, none] = readCurrent(
      currentRow({
        sku: 'R',
        status: 'Stranded',
        fnsku: 'X0',
        inventory: split(katLabel('Available (FBA)'), text('0')),
      }) + currentRow({ sku: 'N', inventory: split(katLabel('Available (FBA)'), text('3')), fnsku: 'X1' }),
    );
    expect(reason?.listing).toMatchObject({ state: 'inactive', reasons: ['stranded'] });
    expect(none?.problem).toBe('no-state');
  });

  it('the reason lines under the status are read with it', () => {
    const [row] = readCurrent(
      currentRow({
        sku: 'PE',
        status: 'Inactive',
        reasons: ['Pricing Error'],
        inventory: split(katLabel('Available (FBM)'), katInput('4')),
      }),
    );
    expect(row?.listing).toMatchObject({ state: 'inactive', reasons: ['pricing_error'] });
    expect(row?.listing?.statusText).toBe('Inactive (Pricing Error)');
  });

  it('a variation parent has details but no offer', () => {
    const [row] = readCurrent(currentRow({ sku: 'PARENT', status: 'Active' }));
    expect(row?.listing).toMatchObject({ isParent: true, quantityEditable: false, stock: {} });
  });

  it('what the seller typed and did not save marks the row dirty', () => {
    const body = currentRow({
      sku: 'T',
      status: 'Active',
      inventory: split(katLabel('Available (FBM)'), katInput('5')),
    });
    expect(readCurrent(body)[0]?.dirty).toBe(false);
    const [typed] = readCurrent(body, { typed: { quantity: '9' } });
    expect(typed?.dirty).toBe(true);
    // The figure read is what the field holds now: a write checks against it before anything else.
    expect(typed?.listing?.stock.available).toBe(9);
  });

  it('a disabled editor is not an editable quantity', () => {
    const [row] = readCurrent(
      currentRow({
        sku: 'D',
        status: 'Active',
        inventory: split(katLabel('Available (FBM)'), katInput('2', 'q', true)),
      }),
    );
    expect(row?.listing).toMatchObject({ channel: 'mfn', quantityEditable: false });
  });

  it('labels it does not know are passed over, not guessed', () => {
    const [row] = readCurrent(
      currentRow({
        sku: 'U',
        status: 'Active',
        fnsku: 'X2',
        inventory: split(katLabel('Available (FBA)'), text('8')) + split(katLabel('Something new'), text('99')),
      }),
    );
    expect(row?.listing?.stock).toEqual({ available: 8 });
  });

  it('rows after the first are found by the class names learned from it, and a row they do not explain is walked', () => {
    const row = (sku: string, quantity: string) =>
      currentRow({
        sku,
        status: 'Active',
        inventory: split(katLabel('Available (FBM)'), katInput(quantity)),
        prices: priceBlock([['Price', '5.00']]),
      });
    const rows = [
      row('L1', '1'),
      row('L2', '2'),
      // Another deployment's hash on this row's split boxes only: the names learned find none.
      row('L3', '3').replaceAll('--yjQ5L', '--Zz9Qq').replaceAll('--AbYDg', '--Pp4Rr'),
      // And on its price box.
      row('L4', '4').replaceAll('--1DG3s', '--Qq1Ww').replaceAll('--PTx1A', '--Ee2Rr'),
    ];
    const readings = readCurrent(rows.join(''));
    expect(readings.map((r) => r.listing?.stock.available)).toEqual([1, 2, 3, 4]);
    expect(readings.map((r) => r.listing?.price)).toEqual([5, 5, 5, 5]);
    expect(readings.map((r) => r.listing?.isParent)).toEqual([false, false, false, false]);
  });

  it('a data-sku inside a row is part of that row, not another row', () => {
    const doc = page(
      currentRow({
        sku: 'OUTER',
        status: 'Active',
        inventory: split(katLabel('Available (FBM)'), katInput('1')),
      }).replace('<img', '<span data-sku="INNER"></span><img'),
    );
    expect(findRowElements(doc, 'current').map((e) => e.getAttribute('data-sku'))).toEqual(['OUTER']);
  });

  it('a row with no known structure is reported, not read', () => {
    const doc = page('<div data-sku="X"><div class="inv-grid"><span>X</span><span>12</span></div></div>');
    const [row] = readRows(findRowElements(doc, 'current'), context('current'));
    expect(row?.problem).toBe('no-structure');
  });
});

describe('the legacy table, one row at a time', () => {
  const rowId = (sku: string) => btoa(String.fromCharCode(...new TextEncoder().encode(sku))).replace(/=/g, '_e');

  function legacyRow(sku: string, cells: string, data: Record<string, unknown> = { sku }): string {
    return `<tr id="${rowId(sku)}" class="mt-row" data-row-data='${JSON.stringify(data)}'>${cells}</tr>`;
  }
  const table = (rows: string) =>
    `<div id="myitable"><table><tbody><tr id="head-row"><th data-column="inbound">Inbound</th><th data-column="reserved">Reserved</th></tr>${rows}</tbody></table></div>`;

  function readLegacy(body: string) {
    const doc = page(table(body));
    return findRowElements(doc, 'legacy').map((e) => readRow(e, context('legacy')));
  }

  it('reads a merchant row with its quantity input, prices and status lines', () => {
    const [row] = readLegacy(
      legacyRow(
        'MFN-1',
        `<td data-column="status"><div><div><a>Inactive</a></div></div><div><div class="mt-table-detail">Pricing Error</div></div></td>
         <td data-column="sku"><div data-column="sku">MFN-1</div></td>
         <td data-column="quantity"><input type="text" value="12"></td>
         <td data-column="price"><input type="text" value="19.99"></td>
         <td data-column="fulfillment_channel"><span>Merchant</span></td>`,
      ),
    );
    expect(row?.listing).toMatchObject({
      sku: 'MFN-1',
      channel: 'mfn',
      quantityEditable: true,
      stock: { available: 12 },
      price: 19.99,
      state: 'inactive',
      reasons: ['pricing_error'],
    });
  });

  it('reads stock columns by their header words', () => {
    const [row] = readLegacy(
      legacyRow(
        'FBA-1',
        `<td data-column="status">Active</td><td data-column="quantity"><a>40</a></td>
         <td data-column="inbound">6</td><td data-column="reserved">2</td>`,
        { sku: 'FBA-1', fnsku: 'X00FNSKU01' },
      ),
    );
    expect(row?.listing).toMatchObject({ channel: 'fba', stock: { available: 40, inbound: 6, reserved: 2 } });
  });

  it('waits for delayed cells instead of reading their placeholder', () => {
    const [row] = readLegacy(
      legacyRow(
        'SLOW',
        `<td data-column="status">Active</td><td data-column="inbound"><div class="mt-loading mt-delay-loading"></div></td>`,
      ),
    );
    expect(row?.problem).toBe('loading');
  });

  it('refuses a row whose id and data name different SKUs', () => {
    const html = legacyRow('ONE', '<td data-column="status">Active</td>', { sku: 'TWO' });
    expect(readLegacy(html)[0]?.problem).toBe('sku-mismatch');
  });

  it('row ids are base64 of the SKU with "=" written "_e", suffix ignored; anything else is no SKU', () => {
    expect(skuFromLegacyRowId(rowId('A'))).toBe('A');
    expect(skuFromLegacyRowId(`${rowId('悦家-03')}-extra`)).toBe('悦家-03');
    expect(skuFromLegacyRowId('%%%')).toBeUndefined();
    expect(skuFromLegacyRowId(btoa('\xff\xfe'))).toBeUndefined();
    expect(skuFromLegacyRowId('')).toBeUndefined();
  });
});
