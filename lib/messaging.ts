import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { AlertListSchema } from './alerts/list';
import { BatchRecordSchema } from './db/validate';
import { LANGUAGES } from './i18n/types';
import { isSellerCentralHost } from './marketplaces';
import { ENVELOPE_TAG, type ErrorCode, MessagingError, openEnvelope } from './messaging-client';
import { ImageCheckResultSchema, RowBadgesSchema } from './model/badges';
import { ListingSchema, PageReadSchema } from './model/listing';

export { type ErrorCode, MessagingError, sendRequest } from './messaging-client';

/**
 * Typed requests between the content script, the extension pages and the background.
 * The background parses every request with zod and answers a malformed or unexpected one with an
 * error, never a crash; it checks its own answers too before sending them. Callers send through
 * messaging-client.ts, which carries no schemas.
 */

/** Who may send a request: `page` = content scripts on Seller Central and extension pages; `extension` = extension pages only. */
type Audience = 'page' | 'extension';

interface Spec<Req extends z.ZodMiniType, Res extends z.ZodMiniType> {
  request: Req;
  response: Res;
  from: Audience;
}

function spec<Req extends z.ZodMiniType, Res extends z.ZodMiniType>(
  request: Req,
  response: Res,
  from: Audience,
): Spec<Req, Res> {
  return { request, response, from };
}

export const PROTOCOL = {
  /** Liveness and version: the popup and tests use it to know the background is up. */
  ping: spec(z.object({}), z.object({ version: z.string(), startedAt: z.number() }), 'page'),
  /** Opens the dashboard at a section (content scripts cannot open extension pages themselves). */
  openDashboard: spec(z.object({ section: z.optional(z.string().check(z.maxLength(1000))) }), z.object({}), 'page'),
  /** What a Seller Central inventory page showed, for the history store. */
  pageRead: spec(
    // The page's language for the badge texts: the content script's view of the browser's UI
    // language is the one the seller reads the page in.
    z.extend(PageReadSchema, {
      lang: z.enum(LANGUAGES),
      /** Leave out the badges (history imports, the demo's seeding): they would be thrown away. */
      skipBadges: z.optional(z.boolean()),
    }),
    z.object({
      stored: z.int().check(z.minimum(0)),
      discarded: z.int().check(z.minimum(0)),
      badges: z.array(RowBadgesSchema),
    }),
    'page',
  ),
  /**
   * Badges for listings without recording them (a page whose marketplace is unknown, a language
   * change; `reads`: page reads to be stored once the page is quiet, counted as stored already).
   */
  badges: spec(
    z.object({
      account: z.string(),
      marketplace: z.nullable(z.string()),
      listings: z.array(ListingSchema),
      lang: z.enum(LANGUAGES),
      reads: z.optional(z.boolean()),
    }),
    z.object({ badges: z.array(RowBadgesSchema) }),
    'page',
  ),
  /** Mutes (or unmutes) one rule's findings for one SKU, from a row's compliance popover. */
  complianceMute: spec(
    z.object({
      key: z.string().check(z.minLength(1), z.maxLength(1000)),
      ruleId: z.string().check(z.minLength(1), z.maxLength(100)),
      muted: z.boolean(),
    }),
    z.object({ muted: z.array(z.string()) }),
    'page',
  ),
  /** Main-image results the background already has (the dashboard's findings list); starts no check. */
  imageResults: spec(
    z.object({ urls: z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(50_000)) }),
    z.object({ enabled: z.boolean(), results: z.record(z.string(), ImageCheckResultSchema) }),
    'extension',
  ),
  /** Loads the bulk-edit panel into the asking tab (on demand: React stays out of the content script). */
  openPanel: spec(z.object({}), z.object({}), 'page'),
  /** What the bulk-edit guards need from the store. */
  bulkStoreContext: spec(
    z.object({
      account: z.string(),
      marketplace: z.string(),
      keys: z.array(z.string()).check(z.maxLength(20_000)),
      lang: z.enum(LANGUAGES),
    }),
    z.object({
      changesLast7Days: z.record(z.string(), z.number()),
      remembered: z.record(
        z.string(),
        z.object({ quantity: z.optional(z.number()), handlingTime: z.optional(z.number()) }),
      ),
      findings: z.record(z.string(), z.object({ issues: z.number(), severity: z.enum(['ok', 'warn', 'block']) })),
      findingTexts: z.record(
        z.string(),
        z.array(z.object({ severity: z.enum(['warn', 'block']), message: z.string() })),
      ),
      unitsPerDay: z.record(z.string(), z.number()),
    }),
    'page',
  ),
  bulkKnownListings: spec(
    z.object({ account: z.string(), marketplace: z.string() }),
    z.object({ listings: z.array(z.object({ listing: ListingSchema, lastSeenAt: z.number() })) }),
    'page',
  ),
  bulkRecordBatch: spec(z.object({ batch: BatchRecordSchema }), z.object({}), 'page'),
  /** Replaces a batch's record (its outcomes) without touching remembered values. */
  bulkUpdateBatch: spec(z.object({ batch: BatchRecordSchema }), z.object({}), 'page'),
  /** The journal of a batch applied through the page: before the first write, each row, the end. */
  applyStart: spec(z.object({ batch: BatchRecordSchema }), z.object({}), 'page'),
  applyRow: spec(
    z.object({
      batchId: z.string(),
      key: z.string(),
      at: z.number(),
      outcome: z.object({
        status: z.enum(['verified', 'mismatched', 'failed', 'skipped', 'held', 'pending']),
        reason: z.optional(z.string()),
        message: z.optional(z.string()),
        observed: z.optional(z.number()),
        proposed: z.optional(z.number()),
      }),
    }),
    z.object({}),
    'page',
  ),
  applyFinish: spec(
    z.object({
      batchId: z.string(),
      state: z.enum(['applied', 'partial', 'failed', 'cancelled', 'interrupted']),
    }),
    z.object({}),
    'page',
  ),
  bulkBatches: spec(
    z.object({
      account: z.string(),
      marketplace: z.optional(z.string()),
      kind: z.optional(z.enum(['bulk', 'holiday', 'restore', 'undo'])),
    }),
    z.object({ batches: z.array(BatchRecordSchema) }),
    'page',
  ),
  /** The precomputed low-stock list for the popup: the first `limit` rows, or all of them. */
  alertsList: spec(
    z.object({ limit: z.optional(z.int().check(z.minimum(1), z.maximum(1_000_000))) }),
    AlertListSchema,
    'extension',
  ),
  /**
   * Makes sure the whole low-stock list is in the store (the alarm stores only its first rows), for the
   * popup to read there; answers once it is.
   */
  alertsStoreList: spec(z.object({}), z.object({}), 'extension'),
  /** Snoozes one SKU's (or pool's) alert until a time, or ends the snooze (null); answers once re-evaluated. */
  alertsSnooze: spec(
    z.object({ key: z.string().check(z.minLength(1), z.maxLength(1000)), until: z.nullable(z.number()) }),
    z.object({}),
    'extension',
  ),
  /** Evaluates every SKU now (after a threshold set from the popup); answers once it is done. */
  alertsEvaluate: spec(z.object({}), z.object({ computedAt: z.number() }), 'extension'),
  /** Rows the dashboard's stock sync staged for the bulk-edit panel of this account and marketplace. */
  syncStaged: spec(
    z.object({ account: z.string(), marketplace: z.string() }),
    z.object({
      staged: z.nullable(
        z.object({
          reconciliationId: z.string(),
          at: z.number(),
          rows: z.array(z.object({ sku: z.string(), setTo: z.int().check(z.minimum(0)) })),
        }),
      ),
    }),
    'page',
  ),
  /** Forgets the staged rows once the panel used or dismissed them. */
  syncStagedClear: spec(z.object({ account: z.string(), marketplace: z.string() }), z.object({}), 'page'),
};

export type Protocol = typeof PROTOCOL;
export type RequestType = keyof Protocol;
export type RequestOf<T extends RequestType> = z.output<Protocol[T]['request']>;
export type ResponseOf<T extends RequestType> = z.output<Protocol[T]['response']>;

/**
 * `json` carries the payload as one JSON string (how Shelfwise's own callers send, see
 * messaging-client.ts); the answer then goes back as a string too. `payload` (an object) is
 * accepted as well.
 */
const RequestEnvelope = z.object({
  tag: z.literal(ENVELOPE_TAG),
  type: z.string(),
  payload: z.optional(z.unknown()),
  json: z.optional(z.string()),
});

type ResponseEnvelope = { ok: true; data: unknown } | { ok: false; error: { code: ErrorCode; message: string } };

function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * An answer checked against the protocol, for answers that did not come from Shelfwise's own
 * background (whose handler validates every answer before sending it; sendRequest trusts those).
 */
export function parseResponse<T extends RequestType>(type: T, raw: unknown): ResponseOf<T> {
  const data = PROTOCOL[type].response.safeParse(openEnvelope(type, raw));
  if (!data.success) throw new MessagingError('bad-response', `${type}: ${describeIssues(data.error)}`);
  return data.data as ResponseOf<T>;
}

/** What the background knows about a message's sender (a subset of runtime.MessageSender). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface HandlerContext {
  sender: Sender;
  /** The tab a content script sent from; undefined for extension pages. */
  tabId?: number;
}

export type Handlers = {
  [T in RequestType]: (payload: RequestOf<T>, context: HandlerContext) => Promise<ResponseOf<T>> | ResponseOf<T>;
};

export interface Identity {
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
}

function senderAudience(sender: Sender, identity: Identity): Audience | undefined {
  if (sender.id !== identity.extensionId) return undefined;
  const url = sender.url ?? sender.tab?.url;
  if (!url) return undefined;
  if (url.startsWith(identity.extensionOrigin)) return 'extension';
  if (!sender.tab) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && isSellerCentralHost(parsed.hostname) ? 'page' : undefined;
  } catch {
    return undefined;
  }
}

const fail = (code: ErrorCode, message: string): ResponseEnvelope => ({ ok: false, error: { code, message } });

/**
 * The background's side: validates sender, envelope, type and payload, runs the handler, and
 * always resolves with an envelope (a handler's exception becomes a `failed` answer).
 */
export function createMessageHandler(handlers: Handlers, identity: Identity) {
  return async (raw: unknown, sender: Sender): Promise<ResponseEnvelope> => {
    const audience = senderAudience(sender, identity);
    if (!audience) return fail('forbidden', 'Shelfwise answers only its own pages and Seller Central tabs.');
    const envelope = RequestEnvelope.safeParse(raw);
    if (!envelope.success) return fail('bad-request', 'Not a Shelfwise request.');
    const { type, json } = envelope.data;
    let payload = envelope.data.payload;
    if (json !== undefined) {
      try {
        payload = JSON.parse(json);
      } catch {
        return fail('bad-request', 'The request is not valid JSON.');
      }
    }
    if (!Object.hasOwn(PROTOCOL, type)) return fail('unknown-type', `Unknown request type: ${type.slice(0, 80)}`);
    const key = type as RequestType;
    const spec = PROTOCOL[key];
    if (spec.from === 'extension' && audience !== 'extension') {
      return fail('forbidden', `${key} is only available to Shelfwise's own pages.`);
    }
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) return fail('bad-request', `${key}: ${describeIssues(parsed.error)}`);
    try {
      const handler = handlers[key] as (p: unknown, c: HandlerContext) => Promise<unknown> | unknown;
      const context: HandlerContext = { sender, ...(sender.tab?.id !== undefined ? { tabId: sender.tab.id } : {}) };
      const result = await handler(parsed.data, context);
      // Validate our own answer too: a handler bug must surface here, not as a confusing UI state.
      const checked = spec.response.safeParse(result);
      if (!checked.success) return fail('failed', `${key}: invalid answer (${describeIssues(checked.error)})`);
      return { ok: true, data: checked.data };
    } catch (error) {
      console.error(`[Shelfwise] ${key} failed`, error);
      return fail('failed', error instanceof Error ? error.message : String(error));
    }
  };
}

/** Wires the handler into runtime.onMessage in the way both Chrome and Firefox accept. */
export function listenForRequests(handlers: Handlers): void {
  const handle = createMessageHandler(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender, sendResponse: (answer: unknown) => void) => {
    if (!raw || typeof raw !== 'object' || (raw as { tag?: unknown }).tag !== ENVELOPE_TAG) return false;
    const asJson = typeof (raw as { json?: unknown }).json === 'string';
    void handle(raw, sender).then((answer) =>
      sendResponse(answer.ok && asJson && 'data' in answer ? { ok: true, json: JSON.stringify(answer.data) } : answer),
    );
    return true;
  });
}
