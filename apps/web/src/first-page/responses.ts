import { FIRST_LOAD_GLOBAL } from './script';

/** The responses the HTML's first-page script started, by URL; each is taken once. */
const started: Record<string, Promise<Response> | undefined> =
  (globalThis as unknown as Record<string, Record<string, Promise<Response>> | undefined>)[
    FIRST_LOAD_GLOBAL
  ] ?? {};

/**
 * The API client's fetch: a GET the first-page script already started is answered by that
 * response, once; everything else goes to the network.
 */
export function fetchTakingFirstLoad(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  if ((init?.method ?? 'GET') === 'GET') {
    const url = new URL(
      input instanceof Request ? input.url : String(input),
      globalThis.location?.href ?? 'http://localhost/',
    );
    const key = url.pathname + url.search;
    const response = started[key];
    if (response) {
      delete started[key];
      return response;
    }
  }
  return fetch(input, init);
}

/**
 * Drops what the first page did not take: once the app has made its first page, a later read must
 * see the data as it is then, not as it was when the page was opened.
 */
export function forgetFirstLoad(): void {
  for (const key of Object.keys(started)) delete started[key];
}
