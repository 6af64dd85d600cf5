import * as z from 'zod/mini';
import { parseSkuKey } from '../model/keys';

/**
 * SKUs whose stock an ERP (店小秘, 马帮, 领星 …) keeps in sync with Amazon. Their external changes
 * are the ERP at work, not a mystery, so history labels them "ERP sync"; and a bulk edit of them
 * warns, because the ERP will overwrite it at its next sync.
 *
 * The slice is the existing `settings.erp` (`allManaged`, `managedSkus` = listing keys, `name`)
 * plus one proposed field, `managedPrefixes`: SKU prefixes, since an ERP usually owns a product
 * line (`CN-`, `WH2-`) rather than a hand-picked list, and new SKUs of that line should be covered
 * without the seller adding each. It is optional, so stored settings without it stay valid; the
 * lead adds it to lib/settings/schema.ts with default []. lib/bulk/plan.ts and lib/alerts/pool.ts
 * each have a private check of the two existing fields that this one can replace.
 */

const sku = z.string().check(z.minLength(1), z.maxLength(200));

export const ErpSettingsSchema = z.object({
  allManaged: z.boolean(),
  /** Listing keys (account, marketplace, SKU) whose quantity the seller's ERP syncs. */
  managedSkus: z.array(z.string()),
  name: z.string().check(z.maxLength(60)),
  /** Proposed: SKU prefixes the ERP manages in every marketplace. */
  managedPrefixes: z.optional(z.array(sku).check(z.maxLength(1000))),
});
export type ErpSettings = z.infer<typeof ErpSettingsSchema>;

/** What isErpManaged reads: the settings slice, or any object with the same fields. */
export type ErpSlice = Pick<ErpSettings, 'allManaged' | 'managedSkus' | 'managedPrefixes'>;

interface ErpIndex {
  keys: Set<string>;
  prefixes: readonly string[];
}

// Settings objects are replaced, never mutated, when the seller changes them (saveSettings), so
// an index per object is built once and stays right.
const indexes = new WeakMap<ErpSlice, ErpIndex>();

function indexOf(erp: ErpSlice): ErpIndex {
  let index = indexes.get(erp);
  if (!index) {
    index = { keys: new Set(erp.managedSkus), prefixes: (erp.managedPrefixes ?? []).filter((p) => p !== '') };
    indexes.set(erp, index);
  }
  return index;
}

/**
 * Whether the listing under `key` (lib/model/keys; a bare SKU is also accepted) is ERP-managed:
 * all SKUs, this exact listing, or a SKU that starts with a managed prefix.
 */
export function isErpManaged(erp: ErpSlice | undefined, key: string): boolean {
  if (!erp) return false;
  if (erp.allManaged) return true;
  const index = indexOf(erp);
  if (index.keys.has(key)) return true;
  if (index.prefixes.length === 0) return false;
  const skuPart = parseSkuKey(key)?.sku ?? key;
  for (const p of index.prefixes) if (skuPart.startsWith(p)) return true;
  return false;
}
