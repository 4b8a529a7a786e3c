import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_PAGES } from '../../apps/web/src/first-page/pages';
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

/** A demo record's id from a list the API gives, for a page's `:id` (or `:year`). */
async function firstOf(list: string, key: string, field: string): Promise<string> {
  const body = (await (await page.request.get(new URL(list, url).href)).json()) as Record<
    string,
    Array<Record<string, unknown>>
  >;
  const value = body[key]?.[0]?.[field];
  if (value === undefined) throw new Error(`the demo has nothing at ${list}`);
  return String(value);
}

describe('a page opened from a link', () => {
  it('asks for its data and code while the app loads, and the app asks for nothing twice', async () => {
    await signInOnDashboard(page, url);
    await page.getByRole('button', { name: 'Fill a demo year' }).click();
    await page.getByText('The demo year is in').waitFor();
    const params: Record<string, string> = { year: await firstOf('/api/reports', 'reports', 'year') };
    const ids: Record<string, string> = {
      meeting: await firstOf('/api/meetings', 'meetings', 'id'),
      program: await firstOf('/api/programs', 'programs', 'id'),
      ballot: await firstOf('/api/ballots', 'ballots', 'id'),
    };
    // Who started each API request: the page's inline script (the document's own address) or the app.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const requests: Array<{ path: string; by: string }> = [];
    cdp.on('Network.requestWillBeSent', (event) => {
      const address = new URL(event.request.url);
      if (address.pathname.startsWith('/api/'))
        requests.push({ path: address.pathname, by: event.initiator.stack?.callFrames[0]?.url ?? '' });
    });
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });

    for (const first of FIRST_PAGES) {
      const fill = (path: string) =>
        path.replace(/:(\w+)/g, (_, name: string) => (name === 'id' ? ids[first.page] : params[name]) ?? '');
      const address = new URL(fill(first.path), url).href;
      requests.length = 0;
      await page.goto(address);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      for (const data of ['/api/session', ...first.data.map(fill)]) {
        const made = requests.filter((r) => r.path === data);
        expect(made, `${first.path}: ${data} once`).toHaveLength(1);
        expect(made[0]?.by, `${first.path}: ${data} by the page’s script`).toBe(address);
      }
    }
    expect(refused).toEqual([]);
  });
});
