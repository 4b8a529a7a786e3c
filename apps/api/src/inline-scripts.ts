import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** CSP sources (`'sha256-…'`) that allow exactly the inline scripts (no attributes) of a page. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, body]) =>
      `'sha256-${createHash('sha256')
        .update(body ?? '', 'utf8')
        .digest('base64')}'`,
  );
}

/**
 * The built dashboard page's inline scripts (its first-page script), read once at start: the CSP
 * lets these run and no other inline script. A dashboard rebuilt under a running server only loses
 * its head start (the browser refuses the changed script) until the server restarts.
 */
export function dashboardScriptHashes(webDist: string): string[] {
  const page = join(webDist, 'index.html');
  return existsSync(page) ? inlineScriptHashes(readFileSync(page, 'utf8')) : [];
}
