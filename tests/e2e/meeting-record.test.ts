import { openDatabase } from '@accord/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningAccord, startAccord } from '../support/accord';
import { launchChromium, screenshots, signInOnDashboard } from '../support/browser';
import { tempDatabaseFile, waitUntil } from '../support/processes';

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

async function post<T>(path: string, body: unknown = {}): Promise<T> {
  const res = await page.request.post(new URL(path, accord.url).href, {
    data: body,
    headers: { origin: new URL(accord.url).origin },
  });
  expect(res.status(), path).toBeLessThan(300);
  return (await res.json()) as T;
}

describe('the secretary records a meeting that took place', () => {
  it('marks it held, confirms who attended, writes the minutes and sends them to the members', async () => {
    const shot = screenshots(page, 'meeting-record');
    await signInOnDashboard(page, accord.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Meetings' }).waitFor();
    const { meeting } = await post<{ meeting: { id: number } }>('/api/meetings', {
      kind: 'regular',
      title: 'Autumn session',
      startsLocal: '2099-10-20T10:00',
      endsLocal: '2099-10-20T13:00',
      timeZone: 'Europe/Moscow',
      place: 'Minsk',
      link: '',
      agenda: ['Opening', 'The program until 2030'],
    });
    await post(`/api/meetings/${meeting.id}/notify`);
    // The session took place an hour ago: moved in the database, as time would have moved it.
    const db = openDatabase({ file });
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await db
      .updateTable('meetings')
      .set({ starts_at: hourAgo, ends_at: new Date().toISOString() })
      .where('id', '=', meeting.id)
      .execute();
    await db.destroy();

    await page.goto(new URL(`/meetings/${meeting.id}`, accord.url).href);
    await page.getByRole('button', { name: 'Mark the meeting as held' }).click();
    await page.getByText('The meeting is marked held').waitFor();
    await page.getByRole('group', { name: 'Who attended' }).getByLabel('Arman Petrosyan').check();
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.getByText('Attendance saved.').waitFor();
    await shot('attendance');
    await page.getByLabel('Outcome of item 1: Opening').fill('Opened by the chairman.');
    await page.getByLabel('Outcome of item 2: The program until 2030').fill('Adopted as a basis for work.');
    await page.getByRole('button', { name: 'Save the minutes' }).click();
    await page.getByText('The minutes are saved.').waitFor();
    await page.getByRole('button', { name: 'Send the minutes to the members' }).click();
    await page.getByText('The minutes were sent to the members').waitFor();
    await shot('sent');

    const record = (await (
      await page.request.get(new URL(`/api/meetings/${meeting.id}/record`, accord.url).href)
    ).json()) as { record: { attendance: Array<{ present: boolean; source: string }>; items: unknown[] } };
    expect(record.record.items).toHaveLength(2);
    expect(record.record.attendance.filter((a) => a.present && a.source === 'hand').length).toBeGreaterThan(
      0,
    );
    const minutes = await waitUntil(async () =>
      (await accord.sandbox.get<Array<{ text?: string }>>('/sandbox/ledger')).find((l) =>
        l.text?.includes('Minutes: Autumn session'),
      ),
    );
    expect(minutes.text).toContain('Adopted as a basis for work.');
  });
});
