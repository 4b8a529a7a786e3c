import { sandboxDemoUsers } from '@accord/seeds';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAccord } from '../support/accord';
import { launchChromium, screenshots } from '../support/browser';
import type { sandboxClient } from '../support/http';
import { type RunningProcess, waitUntil } from '../support/processes';

let accord: RunningProcess;
let browser: Browser;
let page: Page;
let url: string;
let sandbox: ReturnType<typeof sandboxClient>;

beforeAll(async () => {
  ({ process: accord, url, sandbox } = await startAccord());
  browser = await launchChromium();
  const context = await browser.newContext();
  await context.addInitScript("localStorage.setItem('accord.language', 'en')");
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await accord?.stop();
});

describe('the secretary schedules a meeting and members answer in chat', () => {
  it('goes from the dashboard to every member’s chat and back to the attendance table', async () => {
    const shot = screenshots(page, 'meeting-notice');
    await page.goto(url);
    await page.getByRole('heading', { name: 'Development sign-in — sandbox mode only' }).waitFor();
    await shot('sign-in');
    const people = (await (await fetch(new URL('/api/session/dev-people', url))).json()) as {
      people: Array<{ id: number; roles: string[] }>;
    };
    const secretary = people.people.find((p) => p.roles.includes('secretary'));
    await page.getByLabel('Person').selectOption(String(secretary?.id));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'New meeting' }).click();

    await page.getByLabel('Kind').selectOption('regular');
    await page.getByLabel('Title').fill('Autumn session <b>&</b>');
    await page.getByLabel('Starts').fill('2099-10-20T10:00');
    await page.getByLabel('Ends').fill('2099-10-20T13:00');
    await page.getByLabel('Time zone').selectOption('Asia/Almaty');
    await page.getByLabel('Place', { exact: true }).fill('Almaty');
    await page.getByRole('button', { name: 'Add agenda item' }).click();
    await page.getByLabel('Item 1', { exact: true }).fill('Opening');
    await page.getByRole('button', { name: 'Add agenda item' }).click();
    await page.getByLabel('Item 2', { exact: true }).fill('Program until 2030');
    await shot('editor');
    await page.getByRole('button', { name: /Save/ }).click();

    await page.getByRole('heading', { name: 'Autumn session <b>&</b>' }).waitFor();
    await shot('draft');
    await page.getByRole('button', { name: 'Send notice' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Send notice' }).click();
    await page.getByText('The notice is on its way to 13 people.').waitFor();

    const kz = sandboxDemoUsers().find((u) => u.key === 'KZ-head');
    const chat = await waitUntil(async () => {
      const view = await sandbox.chat(kz?.id);
      return view.messages.find((m) => m.buttons.length > 0);
    });
    expect(chat.text).toContain('Autumn session <b>&</b>');
    const attend = chat.buttons
      .flat()
      .find((b) => b.callback_data?.startsWith('r:') && b.callback_data.endsWith(':y'));
    await sandbox.post('/sandbox/press', {
      userId: kz?.id,
      chatId: kz?.id,
      messageId: chat.message_id,
      callbackData: attend?.callback_data,
    });

    const row = page.getByRole('row').filter({ hasText: 'Ерлан Жумабаев' });
    await row.getByText('Will attend').waitFor({ timeout: 20_000 });
    const arman = page.getByRole('row').filter({ hasText: 'Arman Petrosyan' });
    await arman.getByText('Delivered').waitFor({ timeout: 20_000 });
    expect(await arman.getByText('Will attend').count()).toBe(0);
    await shot('attendance');

    // Arman Petrosyan answers in his chat, on the Chats page beside the meeting's.
    const chats = await page.context().newPage();
    const shotChat = screenshots(chats, 'meeting-notice-chat');
    await chats.goto(new URL('/chats', url).href);
    await chats.getByLabel('Chat', { exact: true }).selectOption({ label: 'Arman Petrosyan' });
    const notice = chats
      .getByRole('log', { name: 'Chat with Arman Petrosyan' })
      .getByRole('article', { name: 'Bot' })
      .filter({ hasText: 'Autumn session <b>&</b>' });
    await notice.getByRole('button', { name: '✅ I will attend' }).click({ timeout: 20_000 });
    await chats.getByText('The bot answered: Recorded: you will attend.').waitFor({ timeout: 20_000 });
    await notice.getByText('Your answer: you will attend').waitFor({ timeout: 20_000 });
    await shotChat('answered');

    // The meeting's page, left open, shows his answer.
    await arman.getByText('Will attend').waitFor({ timeout: 20_000 });
    await shot('attendance-from-chat');
    await chats.close();
  });
});
