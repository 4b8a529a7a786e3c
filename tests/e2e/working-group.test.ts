import { sandboxDemoUsers } from '@accord/seeds';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshots, signInOnDashboard } from '../support/browser';
import { type Dashboard, openDashboard } from '../support/dashboard';
import { waitUntil } from '../support/processes';

let dashboard: Dashboard;
let page: Page;
let url: string;
let sandbox: Dashboard['sandbox'];

beforeAll(async () => {
  dashboard = await openDashboard();
  ({ page, url, sandbox } = dashboard);
  page.on('dialog', (dialog) => void dialog.accept());
});
afterAll(() => dashboard?.close());

describe('the secretary runs a working group on the dashboard', () => {
  it('forms it, gives a member a task, and grants the more time the member asked for in chat', async () => {
    const shot = screenshots(page, 'working-group');
    await signInOnDashboard(page, url);
    await page.getByRole('link', { name: 'Working groups' }).click();
    await page.getByLabel('Name').fill('Standardization');
    await page.getByLabel('Mandate').fill('Unify the standards for armoured vehicles');
    await page.getByLabel('Ерлан Жумабаев').check();
    await page.getByLabel('Lead').selectOption({ label: 'Ерлан Жумабаев' });
    await shot('form');
    await page.getByRole('button', { name: 'Form the working group' }).click();
    await page.getByRole('heading', { name: 'Standardization' }).waitFor();
    await page.getByLabel('Task', { exact: true }).fill('Annex B');
    await page.getByLabel('Deadline').fill('2099-05-01');
    await page.getByRole('button', { name: 'Add task' }).click();
    await page.getByText('The task is added').waitFor();
    await shot('task');

    const member = sandboxDemoUsers().find((u) => u.key === 'KZ-head')?.id ?? 0;
    await waitUntil(async () =>
      (await sandbox.chat(member)).messages.some((m) => m.text?.includes('Annex B')),
    );
    const detail = (await (await page.request.get(new URL('/api/working-groups/1', url).href)).json()) as {
      tasks: Array<{ id: number }>;
    };
    const taskId = detail.tasks[0]?.id;
    await sandbox.post('/sandbox/messages', {
      userId: member,
      text: `/extend ${taskId} 2099-06-01 Waiting for the ministry`,
    });
    await page.reload();
    await page.getByRole('button', { name: 'Grant' }).click();
    await page.getByRole('status').getByText('Granted: the deadline has moved').waitFor();
    await page.getByRole('cell', { name: /2099-06-01/ }).waitFor();
    await shot('granted');
    const told = await waitUntil(
      async () =>
        (await sandbox.chat(member)).messages.find((m) => m.text?.includes('Продление предоставлено'))?.text,
    );
    expect(told).toContain('Annex B');
  });
});
