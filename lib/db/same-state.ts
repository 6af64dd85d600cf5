import type { ObservationRecord } from './schema';

/** What makes two observations the same state of a SKU: its channel, state and every stock figure. */
const STATE_FIELDS = [
  'channel',
  'state',
  'available',
  'reserved',
  'inbound',
  'inboundWorking',
  'inboundShipped',
  'inboundReceiving',
  'unfulfillable',
] as const;

/** The ingest stores a new observation, and compaction keeps one, only where this is false. */
export function sameState(a: ObservationRecord, b: ObservationRecord): boolean {
  return STATE_FIELDS.every((field) => a[field] === b[field]);
}
