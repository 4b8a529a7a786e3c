import { sandboxDemoUsers } from '@accord/seeds';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshots } from '../support/browser';
import { type Dashboard, openDashboard } from '../support/dashboard';
import { waitUntil } from '../support/processes';

let dashboard: Dashboard;
let page: Page;
let url: string;
let sandbox: Dashboard['sandbox'];

beforeAll(async () => {
  dashboard = await openDashboard();
  ({ page, url, sandbox } = dashboard);
});
afterAll(() => dashboard?.close());

async function signInAs(role: string) {
  const people = (await (await fetch(new URL('/api/session/dev-people', url))).json()) as {
    people: Array<{ id: number; roles: string[] }>;
  };
  const person = people.people.find((p) => p.roles.includes(role));
  await page.context().clearCookies();
  await page.goto(url);
  await page.getByLabel('Person').selectOption(String(person?.id));
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('the chairman asks to approve agendas; the secretary’s notices wait for it', () => {
  it('switches it on, holds Send notice with the reason, and lets it go once the chairman approves in chat', async () => {
    const shot = screenshots(page, 'agenda-sign-off');
    await signInAs('chairman');
    await page.getByRole('link', { name: 'People' }).click();
    const settings = page.getByTestId('sign-off-settings');
    await settings.getByLabel('A meeting’s agenda, before the notices go out').check();
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByText('Saved.').waitFor();
    await shot('settings');

    await signInAs('secretary');
    await page.getByRole('link', { name: 'New meeting' }).click();
    await page.getByLabel('Kind').selectOption('regular');
    await page.getByLabel('Title').fill('Winter session');
    await page.getByLabel('Starts').fill('2099-12-01T10:00');
    await page.getByLabel('Ends').fill('2099-12-01T13:00');
    await page.getByRole('button', { name: 'Add agenda item' }).click();
    await page.getByLabel('Item 1', { exact: true }).fill('Opening');
    await page.getByRole('button', { name: /Save/ }).click();
    await page.getByRole('heading', { name: 'Winter session' }).waitFor();

    const notice = page.getByRole('button', { name: 'Send notice' });
    expect(await notice.isDisabled()).toBe(true);
    await page
      .getByText('The notices can go out once the chairman approves the agenda as it is now.')
      .waitFor();
    await page.getByRole('button', { name: 'Send for the chairman’s approval' }).click();
    await page.getByText('Version 1 is awaiting the chairman’s answer.').waitFor();
    await shot('awaiting');

    const head = sandboxDemoUsers().find((u) => u.key === 'RU-head');
    const prompt = await waitUntil(async () =>
      (await sandbox.chat(head?.id)).messages.find((m) =>
        m.buttons.flat().some((b) => b.callback_data?.startsWith('so:')),
      ),
    );
    const approve = prompt.buttons.flat().find((b) => b.callback_data?.endsWith(':a'))?.callback_data ?? '';
    const press = (data: string) =>
      sandbox.post('/sandbox/press', {
        userId: head?.id,
        chatId: head?.id,
        messageId: prompt.message_id,
        callbackData: data,
      });
    await press(approve);
    await waitUntil(async () =>
      (await sandbox.chat(head?.id)).messages.some((m) =>
        m.buttons.flat().some((b) => b.callback_data?.endsWith(':y')),
      ),
    );
    await press(approve.replace(/:a$/, ':y'));

    // The page looks again every few seconds: the approval shows without a reload.
    await page.getByText('Approved: version 1.').waitFor({ timeout: 20_000 });
    expect(await notice.isDisabled()).toBe(false);
    await shot('approved');
    await notice.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Send notice' }).click();
    await page.getByText(/The notice is on its way to \d+ people\./).waitFor();
  });
});
