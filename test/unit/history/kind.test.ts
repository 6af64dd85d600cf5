import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '@/lib/db/schema';
import { toCsv } from '@/lib/export/csv';
import { changeColumns } from '@/lib/history/export';
import { changeKindLabel } from '@/lib/history/kind';
import { createTranslator } from '@/lib/i18n';
import { history } from '@/lib/i18n/catalog/history';
import { skuKey } from '@/lib/model/keys';

const en = createTranslator(history, 'en');
const zh = createTranslator(history, 'zh_CN');
const managed = skuKey({ account: 'A', marketplace: 'US', sku: 'CN-LAMP-1' });
const other = skuKey({ account: 'A', marketplace: 'US', sku: 'US-BAG-2' });
const erp = { allManaged: false, managedSkus: [managed], name: '' };

describe('what a change is called in the history', () => {
  it('calls an external change of an ERP-managed SKU an ERP sync, in both languages', () => {
    expect(changeKindLabel(en, 'external', managed, erp)).toBe('ERP sync');
    expect(changeKindLabel(zh, 'external', managed, erp)).toBe('ERP 同步');
    expect(changeKindLabel(en, 'external', managed, { ...erp, name: '店小秘' })).toBe('ERP sync (店小秘)');
    expect(changeKindLabel(zh, 'external', managed, { ...erp, name: ' 马帮 ' })).toBe('ERP 同步（马帮）');
  });

  it('leaves other SKUs, other kinds and sellers without an ERP as they were', () => {
    expect(changeKindLabel(en, 'external', other, erp)).toBe('External change');
    expect(changeKindLabel(en, 'sale', managed, erp)).toBe('Sale');
    expect(changeKindLabel(en, 'shelfwise', managed, erp)).toBe('Shelfwise edit');
    expect(changeKindLabel(en, 'external', managed, undefined)).toBe('External change');
    expect(changeKindLabel(en, 'external', other, { ...erp, allManaged: true })).toBe('ERP sync');
  });

  it('names them so in the changes file too', () => {
    const at = Date.UTC(2026, 10, 20, 12);
    const change: ChangeRecord = {
      key: managed,
      account: 'A',
      marketplace: 'US',
      sku: 'CN-LAMP-1',
      at,
      from: at - 86_400_000,
      to: at,
      kind: 'external',
      reason: 'raised outside Shelfwise',
      origin: 'page',
      before: 10,
      after: 40,
      delta: 30,
      batchId: 'visit-1',
    };
    const csv = toCsv(changeColumns(en, erp), [change, { ...change, key: other, sku: 'US-BAG-2' }]);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[1]).toContain('ERP sync');
    expect(lines[2]).toContain('External change');
    expect(lines[2]).not.toContain('ERP');
  });
});
