import type { BrowserContext, Request, Route } from '@playwright/test';
import { SELLER_CENTRAL_HOSTS } from '../../lib/marketplaces';

export interface FixtureResponse {
  status?: number;
  contentType?: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/** Answers a Seller Central URL with a fixture, or undefined for "not found". */
export type Resolver = (
  url: URL,
  request: Request,
) => FixtureResponse | undefined | Promise<FixtureResponse | undefined>;

export interface CapturedRequest {
  method: string;
  url: string;
  body: string | null;
  fromServiceWorker: boolean;
}

export interface SellerCentral {
  /** Every request the browser made to a Seller Central host, in order. */
  requests: CapturedRequest[];
  /** Requests to any other host; they are answered with a network error. */
  blocked: CapturedRequest[];
}

function capture(request: Request): CapturedRequest {
  return {
    method: request.method(),
    url: request.url(),
    body: request.postData(),
    fromServiceWorker: !!request.serviceWorker(),
  };
}

/**
 * Routes every Seller Central host to fixtures, and every other http(s) request to a network
 * error: tests never reach the internet, and they can assert on what was (or was not) fetched.
 */
export async function routeSellerCentral(context: BrowserContext, resolve: Resolver): Promise<SellerCentral> {
  const state: SellerCentral = { requests: [], blocked: [] };
  const hosts = new Set(Object.keys(SELLER_CENTRAL_HOSTS));
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    async (route: Route, request: Request) => {
      const url = new URL(request.url());
      if (!hosts.has(url.hostname)) {
        state.blocked.push(capture(request));
        await route.abort('internetdisconnected');
        return;
      }
      state.requests.push(capture(request));
      const answer = await resolve(url, request);
      if (!answer) {
        await route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>Not found</title>' });
        return;
      }
      await route.fulfill({
        status: answer.status ?? 200,
        contentType: answer.contentType ?? 'text/html; charset=utf-8',
        body: answer.body,
        ...(answer.headers ? { headers: answer.headers } : {}),
      });
    },
  );
  return state;
}
