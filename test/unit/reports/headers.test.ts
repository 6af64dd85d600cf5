import { describe, expect, it } from 'vitest';
import { detectReport, normalizeHeader, type ReportType } from '@/lib/reports/headers';
import { ALL_ORDERS_HEADER } from './fixtures/reports';

function typeOf(headers: string[]): ReportType | string {
  const d = detectReport(headers);
  return d.ok
    ? d.match.spec.type
    : `not recognised (closest ${d.closest.spec.type}, missing ${d.closest.missing.join('|')})`;
}

describe('normalizeHeader', () => {
  it('ignores case, spaces, hyphens, underscores, en and em dashes, BOM and quotes', () => {
    const forms = [
      'Sessions - Total',
      'Sessions – Total',
      'sessions—total',
      'SESSIONS_TOTAL',
      ' "Sessions – Total" ',
      '\uFEFFSessions-Total',
    ];
    for (const form of forms) expect(normalizeHeader(form)).toBe('sessionstotal');
    expect(normalizeHeader('seller-sku')).toBe(normalizeHeader('Seller SKU'));
    expect(normalizeHeader('Sessions – Mobile APP – B2B')).toBe(normalizeHeader('Sessions - Mobile App - B2B'));
  });

  it('folds full-width forms and Latin accents', () => {
    expect(normalizeHeader('（子）ＡＳＩＮ')).toBe('(子)asin');
    expect(normalizeHeader('Quantità')).toBe('quantita');
    expect(normalizeHeader('état-produit')).toBe('etatproduit');
    expect(normalizeHeader('Nome dell’articolo')).toBe(normalizeHeader("Nome dell'articolo"));
  });

  it('keeps Japanese sound marks (only Latin accents are dropped)', () => {
    expect(normalizeHeader('ページビュー - 合計')).toBe('ページビュー合計');
  });
});

describe('detectReport', () => {
  it('All Orders (tab-delimited lower-case headers)', () => {
    expect(typeOf(ALL_ORDERS_HEADER)).toBe('all-orders');
  });

  it('Business Report by child item, with SKU, in Amazon’s mixed casing and en dashes', () => {
    expect(
      typeOf([
        '(Parent) ASIN',
        '(Child) ASIN',
        'Title',
        'SKU',
        'Sessions – Total',
        'Units ordered',
        'Ordered Product Sales',
      ]),
    ).toBe('business-child');
    expect(typeOf(['(Parent) ASIN', '(Child) ASIN', 'Title', 'SKU', 'Sessions - Total', 'Units Ordered'])).toBe(
      'business-child',
    );
  });

  it('Business Report by ASIN when there is no SKU column', () => {
    expect(
      typeOf(['(Parent) ASIN', '(Child) ASIN', 'Title', 'Sessions – Total', 'Units ordered', 'Ordered product sales']),
    ).toBe('business-asin');
  });

  it('Business Report in Japanese, Chinese and German', () => {
    expect(
      typeOf([
        '（親）ASIN',
        '（子）ASIN',
        'タイトル',
        'SKU',
        'セッション数 - 合計',
        '注文された商品点数',
        '注文商品の売上額',
      ]),
    ).toBe('business-child');
    expect(
      typeOf(['（父）ASIN', '（子）ASIN', '标题', 'SKU', '会话次数 – 总计', '已订购商品数量', '已订购商品销售额']),
    ).toBe('business-child');
    expect(typeOf(['（父）ASIN', '（子）ASIN', '标题', '已订购商品数量'])).toBe('business-asin');
    expect(typeOf(['(Übergeordnete) ASIN', '(Untergeordnete) ASIN', 'Titel', 'SKU', 'Bestellte Einheiten'])).toBe(
      'business-child',
    );
    const d = detectReport(['（父）ASIN', '（子）ASIN', '标题', 'SKU', '会话次数 – 总计', '已订购商品数量']);
    expect(d.ok && d.match.language).toBe('zh');
  });

  it('FBA Inventory, Restock Inventory and Manage FBA Inventory', () => {
    expect(
      typeOf(['snapshot-date', 'sku', 'fnsku', 'asin', 'product-name', 'condition', 'available', 'units-shipped-t30']),
    ).toBe('fba-inventory');
    expect(
      typeOf([
        'Country',
        'Product Name',
        'FNSKU',
        'Merchant SKU',
        'ASIN',
        'Units Sold Last 30 Days',
        'Recommended replenishment QTY',
      ]),
    ).toBe('restock');
    expect(
      typeOf(['sku', 'fnsku', 'asin', 'afn-fulfillable-quantity', 'afn-unsellable-quantity', 'afn-reserved-quantity']),
    ).toBe('manage-fba');
  });

  it('All Listings when `status` is there, Active Listings when it is not', () => {
    const common = ['item-name', 'item-description', 'listing-id', 'seller-sku', 'price', 'quantity', 'asin1'];
    expect(typeOf([...common, 'status'])).toBe('all-listings');
    expect(typeOf(common)).toBe('active-listings');
  });

  it('localised All Listings headers (Italian, German, Japanese, Chinese)', () => {
    expect(typeOf(["Nome dell'articolo", 'SKU venditore', 'Prezzo', 'Quantità', 'stato'])).toBe('all-listings');
    expect(typeOf(['Artikelbezeichnung', 'Händler-SKU', 'Preis', 'Menge'])).toBe('active-listings');
    expect(typeOf(['商品名', '出品者SKU', '価格', '数量', 'ステータス'])).toBe('all-listings');
    expect(typeOf(['商品名称', '卖家 SKU', 'price', '数量', '状态'])).toBe('all-listings');
    const it = detectReport(["Nome dell'articolo", 'SKU venditore', 'Prezzo', 'Quantità']);
    expect(it.ok && it.match.language).toBe('it');
  });

  it('names the closest report and what it lacks', () => {
    const d = detectReport(ALL_ORDERS_HEADER.filter((h) => h !== 'quantity' && h !== 'last-updated-date'));
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.closest.spec.type).toBe('all-orders');
      expect(d.closest.missing).toEqual(['last-updated-date', 'quantity']);
      expect(d.recognisable).toBe(true);
    }
    const unknown = detectReport(['Name', 'Phone', 'Email']);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.recognisable).toBe(false);
  });

  it('flags a column the report needs that appears twice', () => {
    const d = detectReport([...ALL_ORDERS_HEADER, 'Quantity']);
    expect(d).toMatchObject({ ok: false, duplicate: true });
    if (!d.ok) expect(d.closest.duplicates[0]).toMatchObject({ header: 'quantity', first: 14 });
  });

  it('accepts a duplicate of a column it does not read', () => {
    expect(typeOf([...ALL_ORDERS_HEADER, 'ship-city'])).toBe('all-orders');
  });

  it('can be told the type', () => {
    const d = detectReport(['seller-sku', 'item-name', 'price', 'quantity', 'status'], 'active-listings');
    expect(d.ok && d.match.spec.type).toBe('active-listings');
  });
});
