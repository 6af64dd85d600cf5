import { describe, expect, it } from 'vitest';
import { historyHash, parseRoute } from '@/components/dashboard/route';
import { skuKey } from '@/lib/model/keys';

describe('dashboard address', () => {
  const key = skuKey({ account: 'Lumen Home Goods', marketplace: 'US', sku: '保温杯-500ML/黑色 #1%' });

  it('reads sections and falls back to the overview', () => {
    expect(parseRoute('')).toEqual({ section: 'overview' });
    expect(parseRoute('#changes')).toEqual({ section: 'changes' });
    expect(parseRoute('#data')).toEqual({ section: 'data' });
    expect(parseRoute('#nonsense')).toEqual({ section: 'overview' });
    expect(parseRoute('#history')).toEqual({ section: 'history' });
  });

  it('round-trips a SKU key through the history link, whatever characters the SKU has', () => {
    expect(parseRoute(historyHash(key))).toEqual({ section: 'history', skuKey: key });
  });

  it('accepts the link encoded as one piece, as openDashboard sends it', () => {
    expect(parseRoute(`#${encodeURIComponent(`history/${key}`)}`)).toEqual({ section: 'history', skuKey: key });
  });

  it('survives a malformed escape', () => {
    expect(parseRoute('#history/%E0%A4%A')).toEqual({ section: 'history' });
  });
});
