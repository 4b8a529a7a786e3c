import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { signInOnDashboard } from '../support/browser';
import { type Dashboard, openDashboard } from '../support/dashboard';

let dashboard: Dashboard | undefined;
let page: Page;
let url: string;

beforeAll(async () => {
  dashboard = await openDashboard();
  ({ page, url } = dashboard);
});
afterAll(() => dashboard?.close());

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
