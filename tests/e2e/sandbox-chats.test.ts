import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningAccord, startAccord } from '../support/accord';
import { launchChromium, screenshots, signInOnDashboard } from '../support/browser';

let accord: RunningAccord;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  accord = await startAccord();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.addInitScript("localStorage.setItem('accord.language', 'en')");
});
afterAll(async () => {
  await browser?.close();
  await accord?.process.stop();
});

async function post<T>(path: string, body: unknown = {}): Promise<T> {
  const res = await page.request.post(new URL(path, accord.url).href, {
    data: body,
    headers: { origin: new URL(accord.url).origin },
  });
  expect(res.status(), path).toBeLessThan(300);
  return (await res.json()) as T;
}

describe('the secretary acts as a member in a sandbox chat', () => {
  it('types a command, sees the bot answer, and answers a meeting notice with its button', async () => {
    const shot = screenshots(page, 'sandbox-chats');
    await signInOnDashboard(page, accord.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Chats' }).click();
    await page.getByRole('heading', { name: 'Chats', level: 1 }).waitFor();

    await page.getByLabel('Chat', { exact: true }).selectOption({ label: 'Arman Petrosyan' });
    const log = page.getByRole('log', { name: 'Chat with Arman Petrosyan' });
    await log.waitFor();
    await page.getByText('Live', { exact: true }).waitFor();
    await page.getByLabel('Message', { exact: true }).fill('/votes');
    await page.getByRole('button', { name: 'Send' }).click();
    // The command is shown as Arman wrote it, then the bot's answer arrives over the live stream.
    await log.getByRole('article', { name: 'Arman Petrosyan' }).getByText('/votes').waitFor();
    await log.getByRole('article', { name: 'Bot' }).first().waitFor({ timeout: 20_000 });
    await shot('command-answered');

    const { meeting } = await post<{ meeting: { id: number } }>('/api/meetings', {
      kind: 'regular',
      title: 'Spring session <b>&</b>',
      startsLocal: '2099-04-20T10:00',
      endsLocal: '2099-04-20T13:00',
      timeZone: 'Asia/Yerevan',
      place: 'Yerevan',
      link: '',
      agenda: ['Opening'],
    });
    await post(`/api/meetings/${meeting.id}/notify`);
    const notice = log.getByRole('article', { name: 'Bot' }).filter({ hasText: 'Spring session <b>&</b>' });
    await notice.waitFor({ timeout: 20_000 });
    // The title came as escaped HTML and is shown as text, in bold, not as markup.
    expect(await notice.locator('strong', { hasText: 'Spring session <b>&</b>' }).count()).toBeGreaterThan(0);
    await shot('notice');

    await notice.getByRole('button', { name: '✅ I will attend' }).click();
    await page.getByText('The bot answered: Recorded: you will attend.').waitFor({ timeout: 20_000 });
    // The bot edits the notice to show the answer; the page follows the edit.
    await notice.getByText('Your answer: you will attend').waitFor({ timeout: 20_000 });
    await notice.getByText('edited').waitFor();

    await notice.getByRole('button', { name: /Calendar file/ }).click();
    const download = log.getByRole('link', { name: 'Download' }).last();
    await download.waitFor({ timeout: 20_000 });
    await shot('answered');

    const detail = (await (
      await page.request.get(new URL(`/api/meetings/${meeting.id}`, accord.url).href)
    ).json()) as { attendance: Array<{ name: string; answer: string | null }> };
    expect(detail.attendance.find((a) => a.name === 'Arman Petrosyan')?.answer).toBe('yes');
    const file = await page.request.get(
      new URL((await download.getAttribute('href')) ?? '', accord.url).href,
    );
    expect(file.status()).toBe(200);
    expect(await file.text()).toContain('BEGIN:VCALENDAR');
  });
});
