import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { repoRoot } from './processes';

/** Debian's Chromium, headless, with the flags this machine needs (no sandbox as root, no background networking). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const artifactsDir = join(repoRoot, 'tests', 'artifacts');

/** Keeps a screenshot of a key step as a test artifact (tests/artifacts/<flow>/<nn>-<step>.png). */
export function screenshots(page: Page, flow: string) {
  const dir = join(artifactsDir, flow);
  mkdirSync(dir, { recursive: true });
  let step = 0;
  return async (name: string) => {
    step += 1;
    await page.screenshot({
      path: join(dir, `${String(step).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  };
}
