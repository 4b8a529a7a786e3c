import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import type { SandboxContext } from './context';
import type { SandboxDriver } from './driver';
import { ApiError, notFound, unauthorized } from './errors';
import { findBotApiMethod } from './methods';
import { type Params, readRequestParams } from './request-params';
import { createSandboxRoutes } from './sandbox-routes';
import type { CallRecord, InjectedFault } from './types';

type Env = { Bindings: HttpBindings };

const HOST = '127.0.0.1';
/** How long close() lets answers in flight finish before cutting connections. */
const CLOSE_GRACE_MS = 1000;

/** The sandbox's HTTP face: the Bot API under /bot<token>/<method>, the driver under /sandbox. */
export function createApp(ctx: SandboxContext, driver: SandboxDriver): Hono<Env> {
  const app = new Hono<Env>();
  app.route('/sandbox', createSandboxRoutes(driver));
  app.all('/:botToken/:method', (c) => handleBotApiCall(ctx, c));
  app.notFound(() => jsonResponse(notFound().toJSON(), 404));
  app.onError((error) => {
    console.error('telegram-sandbox: internal error', error);
    return jsonResponse(
      { ok: false, error_code: 500, description: `Internal Server Error: ${error.message}` },
      500,
    );
  });
  return app;
}

async function handleBotApiCall(ctx: SandboxContext, c: Context<Env>): Promise<Response> {
  const { botToken = '', method: requested = '' } = c.req.param();
  if (!botToken.startsWith('bot')) return jsonResponse(notFound().toJSON(), 404);
  const at = Date.now();
  const method = findBotApiMethod(requested);
  let params: Params = {};
  const record = (outcome: Pick<CallRecord, 'ok' | 'errorCode' | 'description'>): void =>
    ctx.calls.record({ method: method?.name ?? requested, params, at, ...outcome });
  const fail = (error: ApiError): Response => {
    record({ ok: false, errorCode: error.errorCode, description: error.description });
    return jsonResponse(error.toJSON(), error.errorCode);
  };

  try {
    const body = Buffer.from(await c.req.arrayBuffer());
    params = readRequestParams(c.req.url, c.req.header('content-type') ?? '', body);
  } catch (error) {
    if (error instanceof ApiError) return fail(error);
    throw error;
  }
  if (botToken.slice('bot'.length) !== ctx.token) return fail(unauthorized());
  if (method === undefined) return fail(notFound());

  const chatId = Number(params.chat_id);
  const fault = ctx.faults.take(method.name, Number.isFinite(chatId) ? chatId : undefined);
  if (fault?.delayMs !== undefined) await sleep(fault.delayMs);
  if (fault?.drop) {
    record({ ok: false, description: 'dropped by an injected fault' });
    return dropConnection(c);
  }
  if (fault?.error !== undefined) return fail(injectedError(fault.error));

  try {
    const result = await method.run(ctx, params, c.req.raw.signal);
    if (fault?.acceptThenDrop) {
      record({ ok: true, description: 'performed, then dropped by an injected fault' });
      return dropConnection(c);
    }
    record({ ok: true });
    return jsonResponse({ ok: true, result }, 200);
  } catch (error) {
    if (error instanceof ApiError) return fail(error);
    throw error;
  }
}

function injectedError(error: NonNullable<InjectedFault['error']>): ApiError {
  return new ApiError(error.error_code, error.description, error.retry_after);
}

/** Destroys the socket: the client sees a connection reset and never an answer. */
function dropConnection(c: Context<Env>): Response {
  c.env.incoming.socket.destroy();
  return new Response(null, { status: 204 });
}

function jsonResponse(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1; close() lets answers in flight finish (briefly), then cuts every connection. */
export async function listen(app: Hono<Env>, port: number): Promise<RunningServer> {
  // overrideGlobalObjects: false — the sandbox often runs inside a test process and must not swap its globals.
  // Without server options the adaptor creates a plain node:http server, hence the cast.
  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false }) as Server;
  let inFlight = 0;
  let idle: (() => void) | undefined;
  server.on('request', (_request, response) => {
    inFlight++;
    response.once('close', () => {
      inFlight--;
      if (inFlight === 0) idle?.();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if (inFlight > 0) {
        const settled = new Promise<void>((resolve) => {
          idle = resolve;
        });
        await Promise.race([settled, sleep(CLOSE_GRACE_MS, undefined, { ref: false })]);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
