import { describe, expect, it } from 'vitest';
import { indexByAsin } from '@/lib/compliance/context';
import { offerInactive } from '@/lib/compliance/rules/offer-inactive';
import { offerMfnZero } from '@/lib/compliance/rules/offer-mfn-zero';
import { offerPriceLimits } from '@/lib/compliance/rules/offer-price-limits';
import { offerPriceMissing } from '@/lib/compliance/rules/offer-price-missing';
import { context, listing, only } from './helpers';

describe('offer.price-missing', () => {
  it('reports an offer without a price, or at 0', () => {
    expect(only(offerPriceMissing.check(listing({ price: undefined }), context())).severity).toBe('warn');
    expect(offerPriceMissing.check(listing({ price: 0 }), context())).toHaveLength(1);
  });

  it('passes a priced offer, a variation parent and a closed listing', () => {
    expect(offerPriceMissing.check(listing({ price: 0.01 }), context())).toEqual([]);
    expect(offerPriceMissing.check(listing({ price: undefined, isParent: true }), context())).toEqual([]);
    expect(offerPriceMissing.check(listing({ price: undefined, state: 'closed' }), context())).toEqual([]);
  });
});

describe('offer.price-limits', () => {
  const limits = { minPrice: 10, maxPrice: 30, currency: 'USD' };

  it('reports a price below the minimum', () => {
    const finding = only(offerPriceLimits.check(listing({ ...limits, price: 9.5 }), context()));
    expect(finding).toMatchObject({
      severity: 'block',
      messageKey: 'compliance.offer.price-limits.message',
      params: { price: '9.50', min: '10', max: '30', currency: 'USD' },
    });
  });

  it('reports a price above the maximum', () => {
    const finding = only(offerPriceLimits.check(listing({ ...limits, price: 300 }), context()));
    expect(finding.messageKey).toBe('compliance.offer.price-limits.above');
  });

  it('passes prices on or inside the limits, and prices with one limit or none', () => {
    for (const price of [10, 19.99, 30])
      expect(offerPriceLimits.check(listing({ ...limits, price }), context())).toEqual([]);
    expect(offerPriceLimits.check(listing({ price: 5, maxPrice: 30 }), context())).toEqual([]);
    expect(offerPriceLimits.check(listing({ price: 500 }), context())).toEqual([]);
  });

  it('checks one limit when only one is set', () => {
    expect(offerPriceLimits.check(listing({ price: 5, minPrice: 6 }), context())).toHaveLength(1);
    expect(only(offerPriceLimits.check(listing({ price: 5, minPrice: 6 }), context())).params.max).toBe('–');
  });

  it('reports limits that contradict each other', () => {
    const finding = only(offerPriceLimits.check(listing({ price: 20, minPrice: 40, maxPrice: 30 }), context()));
    expect(finding.messageKey).toBe('compliance.offer.price-limits.inverted');
  });

  it('leaves a missing price to offer.price-missing', () => {
    expect(offerPriceLimits.check(listing({ ...limits, price: undefined }), context())).toEqual([]);
  });
});

describe('offer.inactive', () => {
  it('reports an inactive listing with the page’s own reason', () => {
    const finding = only(
      offerInactive.check(
        listing({ state: 'inactive', reasons: ['pricing_error'], statusText: 'Inaktiv (Preisfehler)' }),
        context(),
      ),
    );
    expect(finding).toMatchObject({ severity: 'block', params: { status: 'Inaktiv (Preisfehler)' } });
  });

  it('reports a listing that is active but suppressed from search', () => {
    const found = offerInactive.check(
      listing({ reasons: ['search_suppressed'], statusText: '在售（搜索禁止显示）' }),
      context(),
    );
    expect(only(found).params.status).toBe('在售（搜索禁止显示）');
  });

  it('falls back to the reasons when the page gives no text', () => {
    const found = offerInactive.check(
      listing({ state: 'inactive', reasons: ['approval_required'], statusText: '' }),
      context(),
    );
    expect(only(found).params.status).toBe('approval_required');
    expect(only(offerInactive.check(listing({ state: 'inactive', statusText: ' ' }), context())).params.status).toBe(
      'inactive',
    );
  });

  it('leaves out-of-stock alone to the stock features, and skips closed listings and parents', () => {
    expect(offerInactive.check(listing({ state: 'inactive', reasons: ['out_of_stock'] }), context())).toEqual([]);
    expect(offerInactive.check(listing({ state: 'closed', reasons: ['pricing_error'] }), context())).toEqual([]);
    expect(offerInactive.check(listing({ state: 'inactive', isParent: true }), context())).toEqual([]);
    expect(offerInactive.check(listing(), context())).toEqual([]);
  });

  it('reports out-of-stock together with another reason', () => {
    const found = offerInactive.check(
      listing({ state: 'inactive', reasons: ['out_of_stock', 'stranded'], statusText: 'Inactive' }),
      context(),
    );
    expect(found).toHaveLength(1);
  });
});

describe('offer.mfn-zero', () => {
  const mfn = listing({ sku: 'MFN-1', asin: 'B0ASIN0001', channel: 'mfn', stock: { available: 0 } });

  it('reports an MFN offer at 0 with no FBA listing for the ASIN', () => {
    const ctx = context({ listingsForAsin: indexByAsin([mfn]) });
    expect(only(offerMfnZero.check(mfn, ctx))).toMatchObject({ severity: 'warn', params: { asin: 'B0ASIN0001' } });
  });

  it('passes when an FBA sibling has sellable stock in the same marketplace', () => {
    const fba = listing({ sku: 'FBA-1', asin: 'B0ASIN0001', channel: 'fba', stock: { available: 12 } });
    expect(offerMfnZero.check(mfn, context({ listingsForAsin: indexByAsin([mfn, fba]) }))).toEqual([]);
  });

  it('reports when the FBA sibling is empty, of unknown stock, or in another marketplace or account', () => {
    for (const sibling of [
      listing({ sku: 'FBA-1', asin: 'B0ASIN0001', channel: 'fba', stock: { available: 0, inbound: 50 } }),
      listing({ sku: 'FBA-1', asin: 'B0ASIN0001', channel: 'fba', stock: {} }),
      listing({ sku: 'FBA-1', asin: 'B0ASIN0001', channel: 'fba', marketplace: 'CA', stock: { available: 9 } }),
      listing({ sku: 'FBA-1', asin: 'B0ASIN0001', channel: 'fba', account: 'A2', stock: { available: 9 } }),
    ]) {
      expect(offerMfnZero.check(mfn, context({ listingsForAsin: indexByAsin([mfn, sibling]) }))).toHaveLength(1);
    }
  });

  it('does not count another MFN offer as FBA stock', () => {
    const other = listing({ sku: 'MFN-2', asin: 'B0ASIN0001', channel: 'mfn', stock: { available: 9 } });
    expect(offerMfnZero.check(mfn, context({ listingsForAsin: indexByAsin([mfn, other]) }))).toHaveLength(1);
  });

  it('passes MFN offers with stock or of unknown quantity, FBA listings, parents and closed listings', () => {
    expect(offerMfnZero.check(listing({ stock: { available: 1 } }), context())).toEqual([]);
    expect(offerMfnZero.check(listing({ stock: {} }), context())).toEqual([]);
    expect(offerMfnZero.check(listing({ channel: 'fba', stock: { available: 0 } }), context())).toEqual([]);
    expect(offerMfnZero.check({ ...mfn, isParent: true }, context())).toEqual([]);
    expect(offerMfnZero.check({ ...mfn, state: 'closed' }, context())).toEqual([]);
  });

  it('reports an MFN offer at 0 whose ASIN the page does not show', () => {
    expect(offerMfnZero.check({ ...mfn, asin: undefined }, context())).toHaveLength(1);
  });
});
