import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitBody } from './body-limit';

// Over a real socket: the declared-length path only exists for requests Node's parser has read.
const app = new Hono()
  .use('*', limitBody(100, 'Too large'))
  .post('/echo', async (c) => c.json({ got: await c.req.json() }));
let server: ReturnType<typeof serve>;
let base = '';
beforeAll(async () => {
  await new Promise<void>((ready) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      base = `http://127.0.0.1:${info.port}`;
      ready();
    });
  });
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const post = (body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  fetch(`${base}/echo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);

/** A body sent in chunks, with no length declared. */
const chunked = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < text.length; i += 40)
        controller.enqueue(new TextEncoder().encode(text.slice(i, i + 40)));
      controller.close();
    },
  });

describe('limitBody', () => {
  it('lets a body within the limit through, still readable, declared or chunked', async () => {
    const small = JSON.stringify({ a: 'x'.repeat(20) });
    expect(await (await post(small)).json()).toEqual({ got: { a: 'x'.repeat(20) } });
    expect(await (await post(chunked(small))).json()).toEqual({ got: { a: 'x'.repeat(20) } });
  });

  it('refuses a body over the limit with 413, declared or chunked', async () => {
    const big = JSON.stringify({ a: 'x'.repeat(200) });
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({
      error: { code: 'payload_too_large', message: 'Too large' },
    });
    expect((await post(chunked(big))).status).toBe(413);
  });
});
