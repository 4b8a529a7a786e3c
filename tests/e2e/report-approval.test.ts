import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningAccord, startAccord } from '../support/accord';
import { launchChromium, screenshots } from '../support/browser';

let accord: RunningAccord;
let browser: Browser;
let context: BrowserContext;
/** The secretary's report page, and her Chats page in a second tab, signed in once. */
let report: Page;
let chats: Page;

beforeAll(async () => {
  accord = await startAccord();
  browser = await launchChromium();
  context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript("localStorage.setItem('accord.language', 'en')");
  report = await context.newPage();
  chats = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await accord?.process.stop();
});

describe('the chairman approves the annual report in chat', () => {
  it('returns version 2 with a comment, then approves version 3 after the secretary’s edit', async () => {
    const shotReport = screenshots(report, 'report-approval');
    const shotChat = screenshots(chats, 'report-approval-chat');
    const people = (await (await fetch(new URL('/api/session/dev-people', accord.url))).json()) as {
      people: Array<{ id: number; name: string; roles: string[] }>;
    };
    const chairman = people.people.find((p) => p.roles.includes('chairman'));
    await report.goto(accord.url);
    await report
      .getByLabel('Person')
      .selectOption(String(people.people.find((p) => p.roles.includes('secretary'))?.id));
    await report.getByRole('button', { name: 'Sign in' }).click();
    await report.getByRole('navigation').getByRole('link', { name: 'Reports' }).click();
    await report.getByLabel('Year', { exact: true }).fill('2027');
    await report.getByRole('button', { name: 'Assemble the report' }).click();
    await report.getByRole('heading', { name: 'Report for 2027' }).waitFor();

    const meetings = report.locator('[data-section="meetings"]');
    const editSection = async (sentence: string) => {
      await meetings.getByRole('button', { name: 'Edit the text' }).click();
      const editor = meetings.getByRole('textbox', { name: 'Text of the section “Meetings held”' });
      await editor.press('End');
      await editor.pressSequentially(sentence);
      await meetings.getByRole('button', { name: 'Save as a new version' }).click();
    };
    await editSection('The commission met twice.');
    await report.getByTestId('report-version').getByText('version 2').waitFor();

    const signOffs = report.getByTestId('sign-offs');
    await signOffs.getByText('The report has not been sent for approval yet.').waitFor();
    await signOffs.getByRole('button', { name: 'Send for approval' }).click();
    await signOffs.getByText('Version 2 has been sent to the chairman for approval.').waitFor();
    await signOffs.getByText(/Version 2 is with the chairman/).waitFor();
    await signOffs.getByRole('row').filter({ hasText: 'Awaiting the chairman' }).waitFor();
    // Once sent, it cannot be sent again until the chairman answers or the report changes.
    expect(await signOffs.getByRole('button', { name: 'Send for approval' }).count()).toBe(0);
    await shotReport('sent');

    // The chairman's chat, as the secretary sees it on the Chats page (he reads Russian).
    await chats.goto(new URL('/chats', accord.url).href);
    await chats.getByLabel('Chat', { exact: true }).selectOption({ label: chairman?.name ?? '' });
    const log = chats.getByRole('log', { name: `Chat with ${chairman?.name}` });
    await chats.getByText('Live', { exact: true }).waitFor();
    const prompt = (version: number) =>
      log
        .getByRole('article', { name: 'Bot' })
        .filter({ hasText: 'На утверждение: ежегодный доклад о ходе работы за 2027 год' })
        .filter({ hasText: `Версия ${version}` });
    const first = prompt(2);
    await first.waitFor({ timeout: 20_000 });
    await first.getByText(/Document report-2027-v2-ru\.pdf/).waitFor();
    const pdfLink = first.getByRole('link', { name: 'Download' });
    const pdf = await chats.request.get(new URL((await pdfLink.getAttribute('href')) ?? '', accord.url).href);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await first.getByRole('button', { name: '✅ Утвердить' }).waitFor();
    await shotChat('prompt');

    await first.getByRole('button', { name: '✏️ Вернуть на доработку' }).click();
    await log
      .getByRole('article', { name: 'Bot' })
      .filter({ hasText: 'Что нужно изменить в версии 2?' })
      .waitFor({ timeout: 20_000 });
    const comment = 'Name both sittings and their dates.';
    await chats.getByLabel('Message', { exact: true }).fill(comment);
    await chats.getByRole('button', { name: 'Send' }).click();
    await log.getByRole('article', { name: chairman?.name }).getByText(comment).waitFor();
    await log
      .getByRole('article', { name: 'Bot' })
      .filter({ hasText: 'возвращён секретарю' })
      .waitFor({ timeout: 20_000 });
    await shotChat('returned');

    // The secretary opens the report again and finds the chairman's comment beside version 2.
    await report.reload();
    const returned = signOffs.getByRole('row').filter({ hasText: 'Changes requested' });
    await returned.getByText(comment).waitFor();
    await returned.getByText(chairman?.name ?? '').waitFor();
    // The report's own status, beside its version, says it came back.
    const status = report.locator('p', { has: report.getByTestId('report-version') });
    await status.getByText('Changes requested', { exact: true }).waitFor();
    await shotReport('comment');

    await editSection(' Sittings: 14 March in Almaty and 10 October in Minsk.');
    await report.getByTestId('report-version').getByText('version 3').waitFor();
    await signOffs.getByRole('button', { name: 'Send for approval' }).click();
    await signOffs.getByText('Version 3 has been sent to the chairman for approval.').waitFor();

    // The new prompt says what changed since the returned version, and quotes his comment.
    const second = prompt(3);
    await second.waitFor({ timeout: 20_000 });
    await second.getByText('Изменено с версии 2, которую вы вернули:').waitFor();
    await second.getByText(comment).waitFor();
    await second.getByText(/Document report-2027-v3-ru\.pdf/).waitFor();
    await second.getByRole('button', { name: '✅ Утвердить' }).click();
    await chats.getByText('The bot answered: Утвердить версию 3? Подтвердите.').waitFor({ timeout: 20_000 });
    // Nothing is recorded before the confirmation.
    const before = (await (
      await report.request.get(new URL('/api/reports/2027', accord.url).href)
    ).json()) as {
      report: { status: string };
    };
    expect(before.report.status).toBe('awaiting-approval');
    const confirm = second.getByRole('button', { name: 'Да, утвердить версию 3' });
    await confirm.waitFor({ timeout: 20_000 });
    await shotChat('confirm');
    await confirm.click();
    await log
      .getByRole('article', { name: 'Bot' })
      .filter({ hasText: 'Вы утвердили версию 3' })
      .waitFor({ timeout: 20_000 });
    // The prompt keeps no buttons once answered.
    await second.getByRole('button').first().waitFor({ state: 'detached', timeout: 20_000 });
    await shotChat('approved');

    await report.reload();
    await report.getByText('The report has been approved: it can no longer change.').waitFor();
    await status.getByText('Approved', { exact: true }).waitFor();
    await signOffs
      .getByRole('row')
      .filter({ hasText: 'Approved' })
      .filter({ hasText: chairman?.name ?? '' })
      .waitFor();
    expect(await report.getByRole('button', { name: 'Edit the text' }).count()).toBe(0);
    expect(await signOffs.getByRole('button', { name: 'Send for approval' }).count()).toBe(0);
    await report.getByRole('heading', { name: 'The approved report' }).waitFor();
    const [download] = await Promise.all([
      report.waitForEvent('download'),
      report.getByRole('link', { name: 'Download PDF (English)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('accord-report-2027-v3-en.pdf');
    expect((await readFile((await download.path()) ?? '')).subarray(0, 5).toString()).toBe('%PDF-');
    await report.getByRole('link', { name: 'Download DOCX (Russian)' }).waitFor();
    await shotReport('approved');
  });
});
