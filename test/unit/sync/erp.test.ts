import { describe, expect, it } from 'vitest';
import { skuKey } from '@/lib/model/keys';
import { defaultSettings } from '@/lib/settings/schema';
import { ErpSettingsSchema, isErpManaged } from '@/lib/sync/erp';

const key = (sku: string, marketplace = 'UK') => skuKey({ account: 'a', marketplace, sku });

describe('ERP-managed SKUs', () => {
  it('none with the default settings or none at all; every SKU when all are managed', () => {
    const erp = defaultSettings().erp;
    expect(isErpManaged(erp, key('X'))).toBe(false);
    expect(isErpManaged(undefined, key('X'))).toBe(false);
    expect(isErpManaged({ ...erp, allManaged: true }, key('X'))).toBe(true);
  });

  it('by exact listing key, and by SKU prefix in every marketplace', () => {
    const erp = { allManaged: false, managedSkus: [key('K', 'DE')], managedPrefixes: ['CN-', ''] };
    expect(isErpManaged(erp, key('K', 'DE'))).toBe(true);
    expect(isErpManaged(erp, key('K', 'UK'))).toBe(false);
    expect(isErpManaged(erp, key('CN-CUP', 'US'))).toBe(true);
    expect(isErpManaged(erp, key('XCN-CUP'))).toBe(false);
    expect(isErpManaged(erp, 'CN-bare')).toBe(true);
    // An empty prefix would match everything: it is ignored rather than meaning "all".
    expect(isErpManaged(erp, key('OTHER'))).toBe(false);
  });

  it('the schema accepts stored settings without the proposed prefixes and checks them when present', () => {
    const stored = defaultSettings().erp;
    expect(ErpSettingsSchema.parse(stored)).toEqual(stored);
    expect(ErpSettingsSchema.safeParse({ ...stored, managedPrefixes: ['CN-'] }).success).toBe(true);
    expect(ErpSettingsSchema.safeParse({ ...stored, managedPrefixes: [''] }).success).toBe(false);
  });
});
