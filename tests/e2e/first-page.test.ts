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

  it('draws the page itself in its first render, and the app all the same if the page’s code fails', async () => {
    const program = await firstOf('/api/programs', 'programs', 'id');
    // A browser context of its own (the same sign-in), so its routes and watcher touch no other test.
    const context = await page
      .context()
      .browser()
      ?.newContext({ storageState: await page.context().storageState() });
    if (!context) throw new Error('the page has no browser');
    await context.addInitScript("localStorage.setItem('accord.language', 'en')");
    const tab = await context.newPage();
    try {
      // The program page's chunk (not the printable one's), held back 400 ms, then refused.
      const chunk = /\/assets\/program-[\w-]{8}\.js$/;
      let refuse = false;
      await tab.route(chunk, async (route) => {
        if (refuse) return route.abort();
        await new Promise((resolve) => setTimeout(resolve, 400));
        return route.continue();
      });
      // Notes, in the first frame drawn with the header, whether the page's chunk was in and the page
      // with it (a frame, not a DOM change: what is drawn, not a state between two microtasks).
      await tab.addInitScript(`(function look() {
        if (!document.querySelector('.site-header')) return requestAnimationFrame(look);
        window.firstFrame = {
          codeIn: performance.getEntriesByType('resource').some((e) => ${chunk}.test(e.name)),
          loading: document.querySelector('main .loading') !== null,
        };
      })();`);
      await tab.goto(new URL(`/programs/${program}`, url).href);
      await tab.getByRole('heading', { name: 'Timeline' }).waitFor();
      expect(await tab.evaluate('window.firstFrame')).toEqual({ codeIn: true, loading: false });

      refuse = true;
      await tab.goto(new URL(`/programs/${program}`, url).href);
      await tab.getByRole('alert').getByRole('heading', { name: 'Something went wrong' }).waitFor();
      await expect(tab.getByRole('link', { name: 'Programs' }).isVisible()).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });
});
