import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAccord } from '../support/accord';
import { launchChromium, screenshots, signInOnDashboard } from '../support/browser';
import type { RunningProcess } from '../support/processes';

let accord: RunningProcess;
let browser: Browser;
let page: Page;
let url: string;

beforeAll(async () => {
  ({ process: accord, url } = await startAccord());
  browser = await launchChromium();
  page = await browser.newPage();
  await page.addInitScript("localStorage.setItem('accord.language', 'en')");
});
afterAll(async () => {
  await browser?.close();
  await accord?.stop();
});

/** A write through the API with the signed-in page's cookie, as the dashboard sends it. */
async function post<T>(path: string, body: unknown = {}): Promise<T> {
  const res = await page.request.post(new URL(path, url).href, {
    data: body,
    headers: { origin: new URL(url).origin },
  });
  expect(res.status(), path).toBeLessThan(300);
  return (await res.json()) as T;
}

describe('the secretary keeps the decisions register on the dashboard', () => {
  it('finds an adopted decision in the register and records a government’s response to it', async () => {
    const shot = screenshots(page, 'decisions-register');
    await signInOnDashboard(page, url);
    await page.getByRole('link', { name: 'Register' }).waitFor();

    // A decision adopted by letter: draft, ballot, every state's vote, close.
    const { draft } = await post<{ draft: { id: number } }>('/api/drafts', {
      kind: 'decision',
      title: 'On a single exhibition field',
      text: 'Article 1. The states hold one joint exhibition a year.\nArticle 2. The secretariat coordinates it.',
      directionIds: [1],
    });
    const ballot = await post<{ id: number }>(`/api/drafts/${draft.id}/ballots`, {
      rule: { kind: 'consensus' },
      closesLocal: '2099-12-01T18:00',
      timeZone: 'Europe/Moscow',
    });
    for (const stateCode of ['AM', 'BY', 'KZ', 'KG', 'RU', 'TJ'])
      await post(`/api/ballots/${ballot.id}/votes`, {
        stateCode,
        choice: stateCode === 'TJ' ? 'abstain' : 'for',
        channel: 'letter',
        reference: `No. ${stateCode}-17`,
      });
    expect((await post<{ outcome: string }>(`/api/ballots/${ballot.id}/close`)).outcome).toBe('adopted');

    await page.getByRole('link', { name: 'Register' }).click();
    await page.getByRole('heading', { name: 'Decisions register' }).waitFor();
    const year = new Date().getFullYear();
    await page.getByRole('rowheader', { name: new RegExp(`^1/${year}`) }).waitFor();
    await expect(page.getByText('for 5, against 0, abstained 1, did not vote 0').count()).resolves.toBe(1);
    await shot('register');

    // The demo commission's own entry (last year's) is there too: work in this decision's section.
    const entry = page.getByRole('region', { name: /On a single exhibition field/ });
    await entry.getByLabel('State', { exact: true }).selectOption({ label: 'Republic of Kazakhstan' });
    // The date is today by Kazakhstan's calendar, as the API judges it (in the evening, UTC, it is
    // already tomorrow in Almaty, and the decision was adopted "tomorrow" there).
    const todayInAlmaty = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
    await expect(entry.getByLabel('Date', { exact: true }).inputValue()).resolves.toBe(todayInAlmaty);
    await entry.getByLabel('Status', { exact: true }).selectOption({ label: 'Accepted' });
    await entry.getByLabel('Note', { exact: true }).fill('Letter of the Ministry of Defence No. 12');
    await entry.getByRole('button', { name: 'Record' }).click();
    await entry.getByRole('status').getByText('Recorded: Republic of Kazakhstan — Accepted.').waitFor();
    const row = entry.getByRole('row', { name: /Republic of Kazakhstan/ });
    await row.getByRole('cell', { name: 'Letter of the Ministry of Defence No. 12', exact: true }).waitFor();
    expect(await row.getByRole('cell').first().textContent()).toBe('Accepted');
    await page.getByRole('cell', { name: /^1 of 6$/ }).waitFor();
    await expect(page.getByRole('rowheader', { name: `1/${year - 1}` }).count()).resolves.toBe(1);
    await shot('response-recorded');
  });
});
