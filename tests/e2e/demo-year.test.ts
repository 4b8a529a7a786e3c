import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startAccord } from '../support/accord';
import { launchChromium, signInOnDashboard } from '../support/browser';
import type { RunningProcess } from '../support/processes';

let accord: RunningProcess;
let browser: Browser;
let page: Page;
let url: string;

beforeAll(async () => {
  ({ process: accord, url } = await startAccord());
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.addInitScript("localStorage.setItem('accord.language', 'en')");
});
afterAll(async () => {
  await browser?.close();
  await accord?.stop();
});

describe('a fresh sandbox commission', () => {
  it('offers the secretary its demo year as she signs in, without a reload, and fills it', async () => {
    // Signing in lands on the Meetings page by the app's own navigation, not a page load.
    await signInOnDashboard(page, url);
    await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Fill a demo year' }).click();
    await page.getByText('The demo year is in').waitFor();
    await page.getByRole('link', { name: 'Regular session of the commission' }).first().waitFor();
  });
});
