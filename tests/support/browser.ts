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

export interface DevPerson {
  id: number;
  roles: string[];
}

/**
 * Signs in on the dashboard's development sign-in (sandbox mode) as the first person holding
 * `role`, as a tester would pick them; returns the people it offered, for the test's later steps.
 */
export async function signInOnDashboard(
  page: Page,
  url: string,
  role = 'secretary',
): Promise<{ people: DevPerson[] }> {
  const offered = (await (await fetch(new URL('/api/session/dev-people', url))).json()) as {
    people: DevPerson[];
  };
  await page.goto(url);
  await page
    .getByLabel('Person')
    .selectOption(String(offered.people.find((p) => p.roles.includes(role))?.id));
  await page.getByRole('button', { name: 'Sign in' }).click();
  return offered;
}
