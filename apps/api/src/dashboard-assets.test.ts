import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp } from './test-app';

let t: Awaited<ReturnType<typeof createTestApp>> | undefined;
afterEach(() => t?.db.destroy());

describe('the dashboard’s files', () => {
  it('lets the browser keep a hashed asset for good, but not the page that names them', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'accord-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'export {};');
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Accord</title>');
    t = await createTestApp({ webDist: dist });
    const asset = await t.app.request('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    const page = await t.app.request('/programs/1');
    expect(page.status).toBe(200);
    expect(page.headers.get('Cache-Control')).toBeNull();
  });
});
