import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { createMessageHandler, type Identity, MessagingError, parseResponse, type Sender } from '@/lib/messaging';
import { openEnvelope } from '@/lib/messaging-client';

const identity: Identity = { extensionId: 'shelfwise-id', extensionOrigin: 'chrome-extension://shelfwise-id/' };
const fromPopup: Sender = { id: 'shelfwise-id', url: 'chrome-extension://shelfwise-id/popup.html' };
const fromSellerCentral: Sender = {
  id: 'shelfwise-id',
  url: 'https://sellercentral.amazon.com/myinventory/inventory',
  tab: { id: 7, url: 'https://sellercentral.amazon.com/myinventory/inventory' },
};
const envelope = (type: string, payload: unknown) => ({ tag: 'shelfwise/1', type, payload });

function handler() {
  return createMessageHandler(createHandlers({ startedAt: 1234, version: '1.2.3' }), identity);
}

describe('background message handler', () => {
  it('answers a valid request from an extension page and from a Seller Central tab', async () => {
    const handle = handler();
    for (const sender of [fromPopup, fromSellerCentral]) {
      const answer = await handle(envelope('ping', {}), sender);
      expect(answer).toEqual({ ok: true, data: { version: '1.2.3', startedAt: 1234 } });
    }
  });

  it.each([
    ['another extension', { id: 'evil', url: 'chrome-extension://evil/page.html' }],
    [
      'a non-Seller-Central tab',
      { id: 'shelfwise-id', url: 'https://example.com/', tab: { id: 1, url: 'https://example.com/' } },
    ],
    ['a look-alike host', { id: 'shelfwise-id', url: 'https://sellercentral.amazon.com.evil.io/', tab: { id: 1 } }],
    ['plain http Seller Central', { id: 'shelfwise-id', url: 'http://sellercentral.amazon.com/', tab: { id: 1 } }],
    ['no url at all', { id: 'shelfwise-id' }],
  ])('refuses %s', async (_label, sender) => {
    const answer = await handler()(envelope('ping', {}), sender as Sender);
    expect(answer).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
  });

  it.each([
    ['null', null],
    ['a string', 'ping'],
    ['a missing tag', { type: 'ping', payload: {} }],
    ['a wrong tag', { tag: 'other/1', type: 'ping', payload: {} }],
  ])('answers a malformed message (%s) with bad-request', async (_label, raw) => {
    const answer = await handler()(raw, fromPopup);
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('reads a payload sent as one JSON string, and refuses a string that is not JSON', async () => {
    const handle = handler();
    const good = await handle({ tag: 'shelfwise/1', type: 'openDashboard', json: '{"section":42}' }, fromPopup);
    expect(good).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('section') },
    });
    const ping = await handle({ tag: 'shelfwise/1', type: 'ping', json: '{}' }, fromPopup);
    expect(ping).toEqual({ ok: true, data: { version: '1.2.3', startedAt: 1234 } });
    const broken = await handle({ tag: 'shelfwise/1', type: 'ping', json: '{"section":' }, fromPopup);
    expect(broken).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('answers an unknown type with unknown-type, including prototype names', async () => {
    for (const type of ['nope', '__proto__', 'toString', 'constructor']) {
      const answer = await handler()(envelope(type, {}), fromPopup);
      expect(answer).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    }
  });

  it('answers an invalid payload with the path at fault', async () => {
    const answer = await handler()(envelope('openDashboard', { section: 42 }), fromPopup);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('section') },
    });
  });

  it('turns a throwing handler into a failed answer, not a crash', async () => {
    const handlers = createHandlers({ startedAt: 1, version: '1.2.3' });
    handlers.ping = () => {
      throw new Error('boom');
    };
    const answer = await createMessageHandler(handlers, identity)(envelope('ping', {}), fromPopup);
    expect(answer).toEqual({ ok: false, error: { code: 'failed', message: 'boom' } });
  });

  it('refuses to send an answer that breaks its own schema', async () => {
    const handlers = createHandlers({ startedAt: 1, version: '1.2.3' });
    handlers.ping = () => ({ version: 3 }) as never;
    const answer = await createMessageHandler(handlers, identity)(envelope('ping', {}), fromPopup);
    expect(answer).toMatchObject({ ok: false, error: { code: 'failed' } });
  });
});

describe('caller side', () => {
  it('returns parsed data from a good answer', () => {
    expect(parseResponse('ping', { ok: true, data: { version: '1.0.0', startedAt: 5 } })).toEqual({
      version: '1.0.0',
      startedAt: 5,
    });
  });

  it.each([
    ['undefined (no listener answered)', undefined],
    ['true (a raw sendResponse flag)', true],
    ['data of the wrong shape', { ok: true, data: { version: 1 } }],
  ])('throws a MessagingError on %s', (_label, raw) => {
    expect(() => parseResponse('ping', raw)).toThrow(MessagingError);
  });

  it('reads an answer sent as one JSON string', () => {
    expect(parseResponse('ping', { ok: true, json: '{"version":"1.0.0","startedAt":5}' })).toEqual({
      version: '1.0.0',
      startedAt: 5,
    });
    expect(() => parseResponse('ping', { ok: true, json: '{"version":1}' })).toThrow(MessagingError);
    expect(() => openEnvelope('ping', { ok: true, json: '{"version"' })).toThrow(MessagingError);
    expect(openEnvelope('ping', { ok: true, json: '{"version":1}' })).toEqual({ version: 1 });
    expect(() => openEnvelope('ping', { ok: false, error: { code: 'made-up', message: 'x' } })).toThrow(
      /not understood/,
    );
  });

  it('rethrows the background error code', () => {
    try {
      parseResponse('ping', { ok: false, error: { code: 'forbidden', message: 'no' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MessagingError);
      expect((error as MessagingError).code).toBe('forbidden');
    }
  });
});
