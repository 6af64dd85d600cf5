import type { bulk } from '../i18n/catalog/bulk';
import type { Params } from '../i18n/core';

/** A catalog key of the bulk area with its parameters: the library decides what to say, the UI says it. */
export type BulkMessageKey = keyof typeof bulk;

export interface BulkMessage {
  key: BulkMessageKey;
  params?: Params;
}

export function message(key: BulkMessageKey, params?: Params): BulkMessage {
  return params ? { key, params } : { key };
}
