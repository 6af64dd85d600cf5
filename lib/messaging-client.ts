import { browser } from 'wxt/browser';
import type { RequestOf, RequestType, ResponseOf } from './messaging';

/**
 * The sending side of the messaging protocol (lib/messaging.ts), without the protocol's schemas:
 * the background validates every request and every answer of its own, so a caller has nothing to
 * check but the envelope. Kept apart so that the content script, which runs on every Seller Central
 * page, neither ships nor builds the zod schemas of the whole protocol.
 */

export const ENVELOPE_TAG = 'shelfwise/1';
export const ERROR_CODES = ['bad-request', 'forbidden', 'unknown-type', 'failed'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class MessagingError extends Error {
  constructor(
    readonly code: ErrorCode | 'no-answer' | 'bad-response',
    message: string,
  ) {
    super(message);
    this.name = 'MessagingError';
  }
}

/**
 * The data of an answer (`{ ok: true, json }` or `{ ok: true, data }`), or the background's error
 * thrown as a MessagingError.
 */
export function openEnvelope(type: string, raw: unknown): unknown {
  const notUnderstood = () => new MessagingError('bad-response', `${type}: the background's answer was not understood`);
  if (!raw || typeof raw !== 'object') throw notUnderstood();
  const envelope = raw as { ok?: unknown; json?: unknown; data?: unknown; error?: unknown };
  if (envelope.ok === false) {
    const error = envelope.error as { code?: unknown; message?: unknown } | undefined;
    const code = ERROR_CODES.find((known) => known === error?.code);
    if (!code || typeof error?.message !== 'string') throw notUnderstood();
    throw new MessagingError(code, error.message);
  }
  if (envelope.ok !== true) throw notUnderstood();
  if (typeof envelope.json === 'string') {
    try {
      return JSON.parse(envelope.json);
    } catch {
      throw notUnderstood();
    }
  }
  if (!('data' in envelope)) throw notUnderstood();
  return envelope.data;
}

/**
 * Sends a request to the background and returns its answer, or throws MessagingError.
 *
 * The payload travels as one JSON string: Chrome converts a message object to its internal values
 * key by key, which for a 250-row page read costs several times JSON.stringify and JSON.parse. A bad
 * request comes back as 'bad-request' with the background's description of what is wrong.
 */
export function sendRequest<T extends RequestType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  return sendRequestJson(type, JSON.stringify(payload));
}

/**
 * sendRequest for a payload already serialised by the caller (a page read whose listings were
 * serialised one by one to compare them): `json` must be a RequestOf<T>, which the background checks.
 */
export async function sendRequestJson<T extends RequestType>(type: T, json: string): Promise<ResponseOf<T>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ tag: ENVELOPE_TAG, type, json });
  } catch (error) {
    // The worker was stopped mid-call or the extension was reloaded under the page.
    throw new MessagingError('no-answer', error instanceof Error ? error.message : String(error));
  }
  return openEnvelope(type, raw) as ResponseOf<T>;
}
