import type { PlanContext } from '@/lib/bulk/plan';
import { skuKey } from '@/lib/model/keys';
import type { Listing } from '@/lib/model/listing';
import { defaultSettings } from '@/lib/settings/schema';

export const ACCOUNT = 'A1SELLER';

/** A merchant-fulfilled, active, editable listing on the UK marketplace unless told otherwise. */
export function listing(sku: string, overrides: Partial<Listing> & { available?: number | null } = {}): Listing {
  const { available = 10, ...rest } = overrides;
  return {
    account: ACCOUNT,
    marketplace: 'UK',
    sku,
    channel: 'mfn',
    quantityEditable: true,
    stock: available === null ? {} : { available },
    state: 'active',
    reasons: [],
    statusText: 'Active',
    isParent: false,
    ...rest,
  };
}

export function key(sku: string, marketplace = 'UK'): string {
  return skuKey({ account: ACCOUNT, marketplace, sku });
}

export function context(overrides: Partial<PlanContext> = {}): PlanContext {
  return { settings: defaultSettings(), ...overrides };
}
