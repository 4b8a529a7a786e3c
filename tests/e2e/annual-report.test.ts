import { readFile } from 'node:fs/promises';
import { openDatabase } from '@accord/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningAccord, startAccord } from '../support/accord';
import { launchChromium, screenshots, signInOnDashboard } from '../support/browser';
import { tempDatabaseFile } from '../support/processes';

let accord: RunningAccord;
let browser: Browser;
let page: Page;
const file = tempDatabaseFile();

beforeAll(async () => {
  accord = await startAccord({ DATABASE_FILE: file });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.addInitScript("localStorage.setItem('accord.language', 'en')");
});
afterAll(async () => {
  await browser?.close();
  await accord?.process.stop();
});

describe('the secretary drafts the annual report', () => {
  it('assembles a year’s report, writes a section with formatting, and compares the versions', async () => {
    const shot = screenshots(page, 'annual-report');
    await signInOnDashboard(page, accord.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Annual reports' }).waitFor();

    await page.getByLabel('Year', { exact: true }).fill('2027');
    await page.getByRole('button', { name: 'Assemble the report' }).click();
    await page.getByRole('heading', { name: 'Report for 2027' }).waitFor();
    await page.getByRole('heading', { name: 'Meetings held' }).waitFor();
    expect(await page.getByTestId('report-version').textContent()).toBe('version 1');
    await shot('assembled');

    const meetings = page.locator('[data-section="meetings"]');
    await meetings.getByRole('button', { name: 'Edit the text' }).click();
    const editor = meetings.getByRole('textbox', { name: 'Text of the section “Meetings held”' });
    await editor.pressSequentially('The commission met ');
    await meetings.getByRole('button', { name: 'Bold' }).dispatchEvent('mousedown');
    await editor.pressSequentially('twice');
    await meetings.getByRole('button', { name: 'Bold' }).dispatchEvent('mousedown');
    await editor.pressSequentially(' this year.');
    await shot('editing');
    await meetings.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByTestId('report-version').getByText('version 2').waitFor();
    const text = meetings.locator('.section-text');
    // A browser's editor keeps a typed space before formatting as a no-break space.
    expect((await text.textContent())?.replace(/\s+/g, ' ')).toBe('The commission met twice this year.');
    expect(await text.locator('b').textContent()).toBe('twice');

    // The two latest versions are compared at once: the sentence was added to the meetings section.
    const diff = page.locator('[data-diff-section="meetings"]');
    await diff.locator('ins.diff-added').getByText('The commission met twice this year.').waitFor();
    await page.getByLabel('From').selectOption('2');
    await page.getByText('These versions do not differ.').waitFor();
    await page.getByLabel('From').selectOption('1');
    await diff.waitFor();
    await shot('compared');

    const versions = (await (
      await page.request.get(new URL('/api/reports/2027/versions', accord.url).href)
    ).json()) as { versions: Array<{ version: number; change: string }> };
    expect(versions.versions.map((v) => v.change)).toEqual(['assembled', 'edit']);
  });

  it('once approved, downloads the approved version and records its submission', async () => {
    const shot = screenshots(page, 'annual-report-approved');
    const api = async <T>(path: string) =>
      (await (await page.request.get(new URL(path, accord.url).href)).json()) as T;
    const { report, version } = await api<{
      report: { id: number };
      version: { version: number; contentHash: string };
    }>('/api/reports/2027');
    const people = await api<{ people: Array<{ id: number; roles: string[] }> }>('/api/session/dev-people');
    // The chairman's approval, as the approval flow in chat records it.
    const db = openDatabase({ file });
    const now = new Date().toISOString();
    await db
      .insertInto('sign_offs')
      .values({
        item_kind: 'report',
        item_id: report.id,
        item_version: version.version,
        content_hash: version.contentHash,
        requested_at: now,
        state: 'approved',
        decided_by: people.people.find((p) => p.roles.includes('chairman'))?.id ?? null,
        decided_at: now,
      })
      .execute();
    await db.updateTable('reports').set({ status: 'approved' }).where('id', '=', report.id).execute();
    await db.destroy();

    await page.reload();
    await page.getByRole('heading', { name: 'The approved report' }).waitFor();
    await shot('approved');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download PDF (English)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('accord-report-2027-v2-en.pdf');
    const pdf = await readFile((await download.path()) ?? '');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByLabel('Reference number').fill('No. 12/345-MK');
    await page.getByRole('button', { name: 'Record the submission' }).click();
    await page
      .getByTestId('report-submission')
      .getByText(/reference No\. 12\/345-MK \(version 2\)/)
      .waitFor();
    await shot('submitted');
    const after = await api<{ report: { status: string } }>('/api/reports/2027');
    expect(after.report.status).toBe('submitted');
  });
});
