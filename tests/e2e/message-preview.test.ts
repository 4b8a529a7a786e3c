import { openDatabase } from '@accord/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshots } from '../support/browser';
import { sandboxClient } from '../support/http';
import { type RunningProcess, startEntry, tempDatabaseFile, waitUntil } from '../support/processes';

/**
 * Accord with a bot token, as on a real deployment: no sandbox mode, no development sign-in. The
 * "Telegram" behind the token is a sandbox started on its own, so the test can sign in by /login.
 */
let telegram: RunningProcess;
let accord: RunningProcess;
let sandbox: ReturnType<typeof sandboxClient>;
let url: string;
let browser: Browser;
let page: Page;
const file = tempDatabaseFile();
const SECRETARY_TG = 800_001;
const MEMBER_TG = 800_002;

beforeAll(async () => {
  telegram = startEntry('packages/telegram-sandbox/src/main.ts', { PORT: '0' });
  const telegramUrl = await telegram.waitForOutput(/listening on (http:\/\/\S+)/);
  sandbox = sandboxClient(telegramUrl);
  accord = startEntry('apps/api/src/start.ts', {
    DATABASE_FILE: file,
    PORT: '0',
    TELEGRAM_BOT_TOKEN: '123456:sandbox',
    TELEGRAM_API_ROOT: telegramUrl,
    SEED_DEMO: '1',
  });
  url = await accord.waitForOutput(/Accord is running: (http:\/\/\S+)/);
  // On a real deployment people link Telegram by an invite; here two are linked directly.
  const db = openDatabase({ file });
  await db
    .updateTable('people')
    .set({ telegram_user_id: SECRETARY_TG })
    .where('seed_key', '=', 'secretary')
    .execute();
  await db
    .updateTable('people')
    .set({ telegram_user_id: MEMBER_TG })
    .where('seed_key', '=', 'AM-head')
    .execute();
  await db.destroy();
  await sandbox.post('/sandbox/users', { id: SECRETARY_TG, first_name: 'Irina', language_code: 'en' });
  await sandbox.post('/sandbox/users', { id: MEMBER_TG, first_name: 'Arman', language_code: 'en' });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.addInitScript("localStorage.setItem('accord.language', 'en')");
});
afterAll(async () => {
  await browser?.close();
  await accord?.stop();
  await telegram?.stop();
});

describe('with a real bot, the Chats page previews what a member will get', () => {
  it('shows a meeting notice as the bot renders it for the chosen member, and sends nothing', async () => {
    const shot = screenshots(page, 'message-preview');
    await sandbox.post('/sandbox/messages', { userId: SECRETARY_TG, text: '/login' });
    const link = await waitUntil(async () => {
      const chat = await sandbox.get<{ messages: Array<{ from: string; text?: string }> }>(
        `/sandbox/chats/${SECRETARY_TG}`,
      );
      const text = chat.messages.find((m) => m.from === 'bot' && m.text?.includes('/login?token='))?.text;
      return text && /(http:\/\/\S+\/login\?token=[\w-]+)/.exec(text)?.[1];
    });
    await page.goto(link);
    await page.waitForURL(/\/meetings/);
    const created = await page.request.post(new URL('/api/meetings', url).href, {
      headers: { origin: new URL(url).origin },
      data: {
        kind: 'regular',
        title: 'Winter session <i>&</i>',
        startsLocal: '2099-12-10T10:00',
        endsLocal: '2099-12-10T13:00',
        timeZone: 'Asia/Yerevan',
        place: 'Yerevan',
        link: '',
        agenda: ['Opening'],
      },
    });
    expect(created.status()).toBe(201);
    const ledgerBefore = (await sandbox.get<unknown[]>('/sandbox/ledger')).length;

    // The header offers Chats (previews) with a real bot too; the page is opened afresh, so it
    // lists the meeting just made through the API.
    await page.getByRole('navigation').getByRole('link', { name: 'Chats' }).waitFor();
    await page.goto(new URL('/chats', url).href);
    await page.getByText('Pick a member and a message').waitFor();
    await page.getByLabel('Member').selectOption({ label: 'Arman Petrosyan' });
    await page.getByLabel('Message', { exact: true }).selectOption('meeting-notice');
    await page.getByLabel('About').selectOption({ label: 'Winter session <i>&</i>' });
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'How Arman Petrosyan would see it' });
    await preview.getByText('Winter session <i>&</i>').waitFor();
    // Read-only: the notice's answer buttons are there, and do nothing here.
    const attend = preview.getByRole('button', { name: /I will attend/ });
    expect(await attend.isDisabled()).toBe(true);
    await shot('preview');
    expect((await sandbox.get<unknown[]>('/sandbox/ledger')).length).toBe(ledgerBefore);
  });
});
