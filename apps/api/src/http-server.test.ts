import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveAccord } from './http-server';
import { createTestApp } from './test-app';

let t: Awaited<ReturnType<typeof createTestApp>> | undefined;
let server: Server | undefined;
afterEach(async () => {
  server?.close();
  await t?.db.destroy();
});

/** The test app on a real port, with a built dashboard page that has one inline script. */
async function served(): Promise<string> {
  const dist = mkdtempSync(join(tmpdir(), 'accord-dist-'));
  writeFileSync(
    join(dist, 'index.html'),
    "<!doctype html><title>Accord</title><script>alert('Hello, world.');</script>",
  );
  t = await createTestApp({ webDist: dist });
  const started = await serveAccord(t.app, { port: 0, hostname: '127.0.0.1', webDist: dist });
  server = started.server;
  return `http://127.0.0.1:${started.port}`;
}

describe('the HTTP server', () => {
  it('sets the security headers on every kind of answer, the page’s own inline script allowed and no other', async () => {
    const url = await served();
    const answers = await Promise.all([
      fetch(`${url}/programs/1`),
      fetch(`${url}/api/session`),
      fetch(`${url}/health`),
      fetch(`${url}/api/nothing-here`),
      fetch(`${url}/api/meetings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{',
      }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 404, 401]);
    const csp = answers[0]?.headers.get('content-security-policy') ?? '';
    expect(csp.split('; ').find((d) => d.startsWith('script-src'))).toBe(
      "script-src 'self' 'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='",
    );
    expect(csp).toContain("frame-ancestors 'none'");
    for (const answer of answers) {
      expect(answer.headers.get('content-security-policy')).toBe(csp);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('keeps the route’s own headers and body beside them', async () => {
    const url = await served();
    const answer = await fetch(`${url}/api/session`);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Number(answer.headers.get('content-length'))).toBe(
      (await answer.clone().arrayBuffer()).byteLength,
    );
    expect(await answer.json()).toMatchObject({ person: null });
  });
});
