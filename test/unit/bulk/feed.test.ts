import { describe, expect, it } from 'vitest';
import { FulfillmentAvailabilityMergeSchema, ListingsFeedSchema, MAX_FEED_MESSAGES } from '@/lib/bulk/feed-schema';
import { type FeedFile, type FileRow, jsonListingsFeed } from '@/lib/bulk/files';

const OPTIONS = {
  sellerId: 'A1SELLER',
  marketplaceId: 'A1VC38T7YXB528',
  issueLocale: 'ja_JP',
  now: Date.UTC(2026, 0, 2),
};

function ok(result: ReturnType<typeof jsonListingsFeed>): FeedFile {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.file;
}

const ROWS: FileRow[] = [
  { sku: 'TOWEL-01', channel: 'mfn', quantity: 5 },
  { sku: '和柄タオル-青', channel: 'mfn', handlingTime: 7 },
  { sku: 'BOTH-1', channel: 'mfn', quantity: 0, handlingTime: 3 },
];

describe('jsonListingsFeed', () => {
  const file = ok(jsonListingsFeed(ROWS, OPTIONS));

  it('matches the documented JSON_LISTINGS_FEED shape', () => {
    const parsed = ListingsFeedSchema.safeParse(JSON.parse(new TextDecoder().decode(file.bytes)));
    expect(parsed.success).toBe(true);
    expect(file.feedType).toBe('JSON_LISTINGS_FEED');
    expect(file.marketplaceIds).toEqual(['A1VC38T7YXB528']);
    expect(file.mimeType).toBe('application/json');
    expect(file.filename).toBe('shelfwise-listings-feed-JP-20260102-0900.json');
  });

  it('patches fulfillment_availability with merge, sending only the fields that change', () => {
    expect(file.feed.header).toEqual({ sellerId: 'A1SELLER', version: '2.0', issueLocale: 'ja_JP' });
    expect(file.feed.messages).toEqual([
      {
        messageId: 1,
        sku: 'TOWEL-01',
        operationType: 'PATCH',
        productType: 'PRODUCT',
        patches: [
          {
            op: 'merge',
            path: '/attributes/fulfillment_availability',
            value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 5 }],
          },
        ],
      },
      {
        messageId: 2,
        sku: '和柄タオル-青',
        operationType: 'PATCH',
        productType: 'PRODUCT',
        patches: [
          {
            op: 'merge',
            path: '/attributes/fulfillment_availability',
            value: [{ fulfillment_channel_code: 'DEFAULT', lead_time_to_ship_max_days: 7 }],
          },
        ],
      },
      {
        messageId: 3,
        sku: 'BOTH-1',
        operationType: 'PATCH',
        productType: 'PRODUCT',
        patches: [
          {
            op: 'merge',
            path: '/attributes/fulfillment_availability',
            value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 0, lead_time_to_ship_max_days: 3 }],
          },
        ],
      },
    ]);
    for (const message of file.feed.messages) {
      for (const patch of message.patches ?? []) {
        for (const value of patch.value ?? [])
          expect(FulfillmentAvailabilityMergeSchema.safeParse(value).success).toBe(true);
      }
    }
    expect(file.records).toEqual(['TOWEL-01', '和柄タオル-青', 'BOTH-1']);
  });

  it('keeps SKUs exact through JSON', () => {
    const odd = ok(jsonListingsFeed([{ sku: 'He said "hi" \\ 😀', channel: 'mfn', quantity: 1 }], OPTIONS));
    expect(JSON.parse(new TextDecoder().decode(odd.bytes)).messages[0].sku).toBe('He said "hi" \\ 😀');
  });

  it('refuses FBA rows, control characters and oversized batches like the file writer', () => {
    const refused = jsonListingsFeed(
      [
        { sku: 'FBA-1', channel: 'fba', quantity: 3 },
        { sku: 'A\tB', channel: 'mfn', quantity: 1 },
      ],
      OPTIONS,
    );
    expect(refused.ok ? [] : refused.errors.map((e) => e.message.key)).toEqual([
      'bulk.file.fbaQuantity',
      'bulk.file.skuControl',
    ]);
    const many = Array.from(
      { length: MAX_FEED_MESSAGES + 1 },
      (_, i): FileRow => ({ sku: `S${i}`, channel: 'mfn', quantity: 1 }),
    );
    const tooMany = jsonListingsFeed(many, OPTIONS);
    expect(tooMany.ok ? undefined : tooMany.errors[0]!.message.key).toBe('bulk.file.tooMany');
    expect(jsonListingsFeed([], OPTIONS).ok).toBe(false);
  });
});

describe('the feed schema', () => {
  const valid = ok(jsonListingsFeed(ROWS, OPTIONS)).feed;

  it('rejects what Amazon would reject', () => {
    const broken = [
      { ...valid, header: { ...valid.header, version: '1.0' } },
      { ...valid, header: { version: '2.0' } },
      { ...valid, header: { ...valid.header, issueLocale: 'japanese' } },
      { ...valid, messages: [] },
      { ...valid, messages: [valid.messages[0], valid.messages[0]] },
      { ...valid, messages: [{ ...valid.messages[0], messageId: 0 }] },
      { ...valid, messages: [{ ...valid.messages[0], sku: '' }] },
      { ...valid, messages: [{ ...valid.messages[0], operationType: 'MERGE' }] },
      { ...valid, messages: [{ ...valid.messages[0], patches: [{ op: 'move', path: '/attributes/x' }] }] },
      { ...valid, messages: [{ ...valid.messages[0], patches: [{ op: 'merge', path: 'fulfillment_availability' }] }] },
      { ...valid, messages: [{ ...valid.messages[0], patches: [] }] },
    ];
    for (const feed of broken)
      expect(ListingsFeedSchema.safeParse(feed).success, JSON.stringify(feed).slice(0, 200)).toBe(false);
    expect(FulfillmentAvailabilityMergeSchema.safeParse({ quantity: 1 }).success).toBe(false);
    expect(
      FulfillmentAvailabilityMergeSchema.safeParse({ fulfillment_channel_code: 'DEFAULT', quantity: -1 }).success,
    ).toBe(false);
  });
});
