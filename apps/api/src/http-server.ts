import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppType } from './app';
import { dashboardScriptHashes } from './inline-scripts';

/**
 * The headers every answer carries: Hono's `secureHeaders` defaults with Accord's CSP, taken once
 * from the middleware itself (run on a one-route app) so its defaults stay the library's.
 */
export async function securityHeaders(webDist?: string): Promise<ReadonlyArray<[string, string]>> {
  const probe = new Hono()
    .use(
      secureHeaders({
        contentSecurityPolicy: {
          defaultSrc: ["'self'"],
          // The dashboard page's own inline script (its first page's requests) and no other.
          scriptSrc: ["'self'", ...(webDist ? dashboardScriptHashes(webDist) : [])],
          // Solid sets style attributes at run time (the timeline's bars).
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        },
      }),
    )
    .get('/', (c) => c.body(null));
  const headers: Array<[string, string]> = [];
  (await probe.request('/')).headers.forEach((value, name) => {
    headers.push([name, value]);
  });
  return headers;
}

/**
 * Serves the app on Node. The security headers are set on Node's response before Hono writes its
 * own, not by a middleware after the handler: changing an answer's headers there makes
 * @hono/node-server turn its plain headers into a web `Headers` and back, which cost about a
 * quarter of a recorded vote's CPU (tests/bench README, api-vote).
 */
export async function serveAccord(
  app: AppType,
  options: { port: number; hostname: string; webDist?: string },
): Promise<{ server: Server; port: number }> {
  const headers = await securityHeaders(options.webDist);
  const answer = getRequestListener(app.fetch);
  const server = createServer((request, response) => {
    // A header the route sets itself wins: writeHead merges these under its own.
    for (const [name, value] of headers) response.setHeader(name, value);
    void answer(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
