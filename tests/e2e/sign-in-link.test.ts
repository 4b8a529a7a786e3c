import { sandboxDemoUsers } from '@accord/seeds';
import type { Browser, ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAccord } from '../support/accord';
import { launchChromium, screenshots } from '../support/browser';
import type { sandboxClient } from '../support/http';
import { type RunningProcess, waitUntil } from '../support/processes';

let accord: RunningProcess;
let browser: Browser;
let url: string;
let sandbox: ReturnType<typeof sandboxClient>;

beforeAll(async () => {
  ({ process: accord, url, sandbox } = await startAccord());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await accord?.stop();
});

describe('signing in through the link the bot sent', () => {
  it('opens the dashboard signed in once; the same link a second time is refused', async () => {
    const member = sandboxDemoUsers().find((u) => u.key === 'KZ-head');
    await sandbox.post('/sandbox/messages', { userId: member?.id, text: '/login' });
    const reply = await waitUntil(async () => {
      const chat = await sandbox.chat(member?.id);
      return chat.messages.find((m) => m.from === 'bot' && m.text?.includes('/login?token='))?.text;
    });
    const link = /(http:\/\/\S+\/login\?token=[\w-]+)/.exec(reply)?.[1] ?? '';
    expect(link.startsWith(url.replace(/\/$/, ''))).toBe(true);

    const page = await browser.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    const shot = screenshots(page, 'sign-in-link');
    await page.goto(link);
    await page.getByText('Ерлан Жумабаев').first().waitFor();
    await page.waitForURL(/\/meetings/);
    expect(page.url()).not.toContain('token=');
    await shot('signed-in');
    expect(cspErrors).toEqual([]);

    const stranger = await browser.newPage();
    const again = screenshots(stranger, 'sign-in-link-reused');
    await stranger.goto(link);
    await stranger.getByText(/already been used|уже использована/).waitFor();
    await again('refused');
  });
});
