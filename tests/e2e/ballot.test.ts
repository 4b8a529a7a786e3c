import { readFile } from 'node:fs/promises';
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
  page = await browser.newPage({ acceptDownloads: true });
  await page.addInitScript("localStorage.setItem('accord.language', 'en')");
});
afterAll(async () => {
  await browser?.close();
  await accord?.stop();
});

/** The row of the votes table for a state. */
const stateRow = (name: string, on: Page = page) =>
  on.getByRole('row').filter({ has: on.getByRole('rowheader', { name }) });

describe('the secretary puts a draft to the vote and follows it live', () => {
  it('writes and edits a draft, opens a ballot, records votes that show up without a reload, exports and closes', async () => {
    const shot = screenshots(page, 'ballot');
    const people = await signInOnDashboard(page, url);
    await page.getByRole('link', { name: 'Drafts' }).click();

    await page.getByLabel('Kind').selectOption('decision');
    await page.getByLabel('Title').fill('On joint ventures <b>&</b>');
    await page.getByLabel('Text', { exact: true }).fill('Article 1. Joint ventures.\nArticle 2. Repair.\n');
    await page.getByLabel(/system of joint ventures/i).check();
    await shot('new-draft');
    await page.getByRole('button', { name: 'Create draft' }).click();

    await page.getByRole('heading', { name: 'On joint ventures <b>&</b>' }).waitFor();
    await page
      .getByLabel('Text', { exact: true })
      .fill('Article 1. Joint ventures.\nArticle 2. Repair and disposal.\n');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByText('Saved as version 2.').waitFor();
    const added = page.locator('pre.diff ins');
    await added.waitFor();
    expect(await added.textContent()).toContain('Article 2. Repair and disposal.');
    expect(await page.locator('pre.diff del').textContent()).toContain('Article 2. Repair.');
    await shot('diff');

    await page.getByLabel('Closes', { exact: true }).fill('2099-12-31T18:00');
    await page.getByLabel('Time zone').selectOption('Europe/Moscow');
    await page.getByRole('button', { name: 'Open the ballot' }).click();
    await page.getByText('Live: the tally changes as votes arrive.').waitFor();
    const ballotId = page.url().split('/').pop() ?? '';
    // A mark on the page's window: it survives only if the page is never reloaded.
    await page.evaluate('window.stillTheSamePage = true');
    await shot('ballot-open');

    // An observer follows the same ballot in a browser of their own.
    const observerContext = await browser.newContext();
    const observer = await observerContext.newPage();
    await observer.addInitScript("localStorage.setItem('accord.language', 'en')");
    const signedIn = await observerContext.request.post(new URL('/api/session/dev-login', url).href, {
      headers: { origin: new URL(url).origin },
      data: { personId: people.people.find((p) => p.roles.includes('observer'))?.id },
    });
    expect(signedIn.status()).toBe(200);
    await observer.goto(new URL(`/ballots/${ballotId}`, url).href);
    await observer.getByText('Live: the tally changes as votes arrive.').waitFor();
    expect(await observer.getByRole('button', { name: 'Record the vote' }).count()).toBe(0);

    await page.getByLabel('State', { exact: true }).selectOption('KZ');
    await page.getByLabel('Vote', { exact: true }).selectOption('for');
    await page.getByLabel('Channel', { exact: true }).selectOption('letter');
    await page.getByLabel('Reference').fill('No. 12/345 of 1 March');
    await page.getByRole('button', { name: 'Record the vote' }).click();
    await stateRow('Republic of Kazakhstan').getByText('Official letter').waitFor();
    await page.getByText('The vote of Republic of Kazakhstan is recorded.').waitFor();
    await stateRow('Republic of Kazakhstan', observer).getByText('Official letter').waitFor();
    await observerContext.close();

    // Another client records a vote: the open page hears of it from the server, not from itself.
    const recorded = await page.request.post(new URL(`/api/ballots/${ballotId}/votes`, url).href, {
      headers: { origin: new URL(url).origin },
      data: {
        stateCode: 'AM',
        choice: 'against',
        channel: 'room',
        reference: 'Minutes, item 3',
        comment: 'Reservation on Article 2',
      },
    });
    expect(recorded.status()).toBe(201);
    await stateRow('Republic of Armenia').getByText('Against').waitFor();
    await page.getByText('Reservation on Article 2').first().waitFor();
    expect(await page.evaluate('window.stillTheSamePage')).toBe(true);
    await shot('votes-live');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toBe('state,state name,choice,channel,cast by,cast at,reference,comment');
    expect(csv).toContain('KZ,Republic of Kazakhstan,for,letter,');
    expect(csv).toContain('No. 12/345 of 1 March');
    expect(csv).toContain('AM,Republic of Armenia,against,room,');

    await page.getByRole('button', { name: 'Remind those who have not voted' }).click();
    await page.getByText('Reminded the states that have not voted: 4.').waitFor();
    await page.getByLabel('New closing time').fill('2100-01-15T18:00');
    await page.getByRole('button', { name: 'Extend' }).click();
    await page.getByText('The deadline is extended.').waitFor();
    await page.getByText(/15 Jan 2100, 18:00 · Europe\/Moscow/).waitFor();

    await page.getByRole('button', { name: 'Close now' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close now' }).click();
    await page.getByText('Voting is closed: Not adopted.').waitFor();
    await page.getByText('Not adopted', { exact: true }).first().waitFor();
    await shot('closed');

    await page.getByRole('link', { name: 'Printable results' }).click();
    await page.getByRole('heading', { name: 'Results of the vote: On joint ventures <b>&</b>' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await shot('print');
  });
});
