import type { Browser, Page } from 'playwright-core';
import { startAccord } from './accord';
import { launchChromium } from './browser';

/** Accord as `npm start` runs it, and one Chromium page in English on a 1400×1000 window. */
export interface Dashboard {
  url: string;
  /** The bundled Telegram sandbox's driver, over HTTP. */
  sandbox: Awaited<ReturnType<typeof startAccord>>['sandbox'];
  browser: Browser;
  page: Page;
  /** Closes the browser and stops Accord. */
  close(): Promise<void>;
}

/** What most browser tests start from (tests that need another database, page or language set up their own). */
export async function openDashboard(): Promise<Dashboard> {
  const { process: accord, url, sandbox } = await startAccord();
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.addInitScript("localStorage.setItem('accord.language', 'en')");
  return {
    url,
    sandbox,
    browser,
    page,
    close: async () => {
      await browser.close();
      await accord.stop();
    },
  };
}
