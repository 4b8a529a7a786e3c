import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshots, signInOnDashboard } from '../support/browser';
import { type Dashboard, openDashboard } from '../support/dashboard';

interface ActivityBody {
  activity: { start: string; end: string; milestones: Array<{ date: string }> };
  history: Array<{ action: string }>;
}

/** Presses on a bar's middle, moves `dx` pixels right in 4 px steps, and lets go. */
async function drag(on: Page, bar: Locator, dx: number) {
  const box = await bar.boundingBox();
  if (!box) throw new Error('the bar is not drawn');
  const y = box.y + box.height / 2;
  const x = box.x + Math.min(box.width / 2, 20);
  await on.mouse.move(x, y);
  await on.mouse.down();
  for (let moved = 4; moved <= dx; moved += 4) await on.mouse.move(x + moved, y);
  await on.mouse.up();
}

let dashboard: Dashboard | undefined;
let page: Page;
let url: string;

beforeAll(async () => {
  dashboard = await openDashboard();
  ({ page, url } = dashboard);
});
afterAll(() => dashboard?.close());

describe('the secretary plans a program on the dashboard', () => {
  it('adds an activity, sees it on the timeline, drags it to new dates, filters and exports the activities', async () => {
    const shot = screenshots(page, 'program-timeline');
    await signInOnDashboard(page, url);
    await page.getByRole('link', { name: 'Programs' }).click();
    await page.getByRole('link', { name: /until 2020/ }).click();
    await page.getByRole('heading', { name: 'Summary' }).waitFor();
    // The chart comes first; the summary and the forms follow it (made once it is painted).
    const chartTop = (await page.getByRole('heading', { name: 'Timeline' }).boundingBox())?.y ?? Number.NaN;
    const summaryTop = (await page.getByRole('heading', { name: 'Summary' }).boundingBox())?.y ?? Number.NaN;
    expect(summaryTop).toBeGreaterThan(chartTop);
    const programId = new URL(page.url()).pathname.split('/').at(-1);
    // The demo register's adopted recommendation serves a direction of this program: it shows there.
    await page
      .getByRole('link', { name: /^No\. \d+\/\d{4}: On a unified catalogue of spare parts/ })
      .waitFor();

    // A program without activities says so, and how to add some.
    await page.getByText(/^This program has no activities yet: add one with “New activity” below/).waitFor();
    await page.getByRole('button', { name: 'New activity' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Joint repair centre');
    await page.getByLabel('Lead state').selectOption('BY');
    await page.getByRole('checkbox', { name: 'Russian Federation' }).check();
    await page.getByLabel('Start', { exact: true }).fill('2015-03-02');
    // The domain's refusal is shown beside its field.
    await page.getByLabel('End', { exact: true }).fill('2015-01-30');
    await page.getByRole('button', { name: 'Add the activity' }).click();
    await page.getByText('The end comes before the start.').waitFor();
    await page.getByLabel('End', { exact: true }).fill('2015-06-30');
    await page.getByLabel('Progress, %').fill('20');
    await page.getByRole('button', { name: 'Add a milestone' }).click();
    await page.getByLabel('Milestone 1', { exact: true }).fill('Site chosen');
    await page.getByLabel('Date of milestone 1').fill('2015-04-01');
    await shot('form');
    await page.getByRole('button', { name: 'Add the activity' }).click();
    await page.getByRole('status').getByText('The activity is added.').waitFor();

    const bar = page.getByRole('button', { name: /^Joint repair centre: 2015-03-02 – 2015-06-30/ });
    await bar.scrollIntoViewIfNeeded();
    await shot('on-the-timeline');

    // The quarter zoom draws 4 px a day: 40 px to the right is 10 days later.
    await drag(page, bar, 40);
    await page.getByText('“Joint repair centre” now runs 2015-03-12 – 2015-07-10.').waitFor();
    await page.getByRole('button', { name: /^Joint repair centre: 2015-03-12 – 2015-07-10/ }).waitFor();
    await shot('dragged');
    const saved = (await (
      await page.request.get(new URL(`/api/programs/${programId}/activities/1`, url).href)
    ).json()) as ActivityBody;
    expect(saved.activity).toMatchObject({ start: '2015-03-12', end: '2015-07-10' });
    expect(saved.activity.milestones[0]?.date).toBe('2015-04-11');
    expect(saved.history.map((e) => e.action)).toEqual(['activity.update', 'activity.create']);

    // A drag past the program's end is refused by the same checks, and the bar goes back.
    const program = (await (
      await page.request.get(new URL(`/api/programs/${programId}`, url).href)
    ).json()) as {
      program: { directions: Array<{ id: number }> };
    };
    await page.request.post(new URL(`/api/programs/${programId}/activities`, url).href, {
      data: {
        title: 'Closing conference',
        directionId: program.program.directions[1]?.id,
        leadState: 'KZ',
        start: '2020-12-01',
        end: '2020-12-20',
      },
    });
    // After a reload, wait for the page's reads: one coming in later draws the rows anew.
    await page.reload({ waitUntil: 'networkidle' });
    const late = page.getByRole('button', { name: /^Closing conference: 2020-12-01/ });
    await late.waitFor();
    await late.scrollIntoViewIfNeeded();
    await drag(page, late, 60);
    await page.getByRole('alert').getByText('“Closing conference” was not moved').waitFor();
    expect(await late.getAttribute('style')).not.toContain('transform');
    await shot('refused');

    await page.getByLabel('Status', { exact: true }).selectOption('planned');
    await page.getByLabel('State', { exact: true }).selectOption('RU');
    await bar.waitFor({ state: 'detached' });
    const moved = page.getByRole('button', { name: /^Joint repair centre: 2015-03-12/ });
    await moved.waitFor();
    await shot('filtered');
    await page.getByLabel('Status', { exact: true }).selectOption('done');
    await moved.waitFor({ state: 'detached' });
    await page.getByText('0 activities shown').waitFor();
    await page.getByText('No activity matches these filters.').waitFor();
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await moved.waitFor();

    const exportLink = page.getByRole('link', { name: 'Export activities (CSV)' });
    expect(await exportLink.getAttribute('href')).toBe(`/api/programs/${programId}/activities.csv`);
    // The file itself, as the link gives it to the signed-in secretary: the moved dates are in it.
    const download = page.waitForEvent('download');
    await exportLink.click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.split('\n')[0]).toContain('id,title,description,direction');
    expect(csv).toContain('Joint repair centre');
    expect(csv).toContain('2015-03-12');

    // The keyboard moves a bar too: → is a day later.
    await moved.focus();
    await page.keyboard.press('ArrowRight');
    await page.getByText('“Joint repair centre” now runs 2015-03-13 – 2015-07-11.').waitFor();
    await page.getByRole('button', { name: /^Joint repair centre: 2015-03-13 – 2015-07-11/ }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await page.getByRole('rowheader', { name: 'Activity changed' }).first().waitFor();
    // Each change in words: the field as the form names it, names for codes and ids.
    await page.getByText('Start: 2015-03-12 → 2015-03-13').waitFor();
    await page.getByText('Lead state: — → Republic of Belarus').waitFor();
    await page.getByText('Participating states: — → Russian Federation').waitFor();
    await page.getByText('Milestones: — → Site chosen (2015-04-01)').waitFor();
    await shot('history');

    // A dependency that ends after this one starts is saved, with a warning the secretary sees.
    await page
      .getByLabel('Depends on')
      .selectOption({ label: 'Closing conference (2020-12-01 – 2020-12-20)' });
    await page.getByRole('button', { name: 'Save the activity' }).click();
    await page
      .getByText('It depends on “Closing conference”, which ends 2020-12-20, after this one starts.')
      .waitFor();
    await shot('warning');

    // The program on paper: no navigation, every activity under its direction.
    await page.goto(`${url}/programs/${programId}/print`);
    await page.getByRole('rowheader', { name: 'Joint repair centre' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await shot('printable');
  });

  it('redraws the bars at another zoom, keeps the rows in view while it scrolls, and shows a move in the plan against actual', async () => {
    await page.goto(url);
    await page.getByRole('link', { name: 'Programs' }).click();
    await page.getByRole('link', { name: /until 2020/ }).click();
    await page.getByRole('heading', { name: 'Summary' }).waitFor();
    const api = new URL(`/api${new URL(page.url()).pathname}`, url).href;
    const { program } = (await (await page.request.get(api)).json()) as {
      program: { directions: Array<{ id: number }> };
    };
    // More rows than the timeline's window (480 px of 28 px rows, and some to spare) holds.
    for (let i = 1; i <= 40; i++) {
      const created = await page.request.post(`${api}/activities`, {
        data: {
          title: `Survey ${i}`,
          directionId: program.directions[i % program.directions.length]?.id,
          leadState: 'AM',
          start: '2016-01-01',
          end: '2016-03-31',
        },
      });
      expect(created.status()).toBe(201);
    }
    await page.reload();
    const bars = page.locator('.timeline .bar');
    await bars.first().waitFor();
    // The program ended in 2020: the timeline opens at its first activity (2015), not at 2013's
    // empty start, so some bar is in view to the right of the names.
    await page.waitForFunction(() => {
      type Box = { left: number; right: number };
      const doc = (
        globalThis as unknown as {
          document: {
            querySelector(s: string): { getBoundingClientRect(): Box };
            querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): Box }>;
          };
        }
      ).document;
      const view = doc.querySelector('.timeline-viewport').getBoundingClientRect();
      return Array.from(doc.querySelectorAll('.timeline .bar')).some((bar) => {
        const box = bar.getBoundingClientRect();
        return box.right > view.left + 220 && box.left < view.right;
      });
    });
    const geometry = async () => {
      const style = (await bars.first().getAttribute('style')) ?? '';
      return {
        left: Number(/left: (\d+)px/.exec(style)?.[1]),
        width: Number(/width: (\d+)px/.exec(style)?.[1]),
      };
    };
    const quarter = await geometry();
    await page.getByLabel('Year').check();
    // 4 px a day at the quarter zoom, 1 px at the year's: the same bar, a quarter as wide and as far.
    await page.waitForFunction(
      (width) =>
        (
          globalThis as unknown as { document: { querySelector(s: string): { offsetWidth: number } } }
        ).document.querySelector('.timeline .bar').offsetWidth === width,
      quarter.width / 4,
    );
    const year = await geometry();
    expect(year.width * 4).toBe(quarter.width);
    // Measured from the scale's start, after the 220 px column of names.
    expect((year.left - 220) * 4).toBe(quarter.left - 220);

    const first = await bars.first().elementHandle();
    const drawn = await bars.count();
    await page.locator('.timeline-viewport').evaluate((viewport) => {
      (viewport as unknown as { scrollTop: number }).scrollTop = 140;
    });
    await page.waitForFunction(
      (before) =>
        (
          globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
        ).document.querySelectorAll('.timeline .bar').length > before,
      drawn,
    );
    // The rows coming into view are added; the ones already drawn are the same elements.
    expect(await first?.evaluate((bar) => (bar as unknown as { isConnected: boolean }).isConnected)).toBe(
      true,
    );

    // A move shows at once in the plan against actual, when it is open.
    await page.getByText('Plan against actual').click();
    await page.getByRole('button', { name: 'Save today’s dates as the approved plan' }).click();
    await page.getByText(/^Approved plan saved/).waitFor();
    const label = (await bars.first().getAttribute('aria-label')) ?? '';
    const title = label.slice(0, label.indexOf(': '));
    const planned = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: title, exact: true }) });
    expect(await planned.getByRole('cell').last().textContent()).toBe('0 / 0');
    await bars.first().focus();
    await page.keyboard.press('Shift+ArrowRight');
    await planned.getByRole('cell', { name: '7 / 7' }).waitFor();
  });

  it('gives a calendar address, and imports activities from a CSV, listing the rows of a refused file', async () => {
    const shot = screenshots(page, 'program-import');
    await page.goto(url);
    await page.getByRole('link', { name: 'Programs' }).click();
    await page.getByRole('button', { name: 'Get my calendar address' }).click();
    const address = await page.getByLabel('Calendar address').inputValue();
    expect(address).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    const feed = await page.request.get(address);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    await page.getByRole('link', { name: /until 2020/ }).click();
    await page.getByRole('heading', { name: 'Summary' }).waitFor();
    const exported = await page.request.get(
      new URL(`/api${new URL(page.url()).pathname}/activities.csv`, url).href,
    );
    const header = (await exported.text()).split('\n')[0] ?? '';
    const upload = (rows: string[]) =>
      page.getByLabel('CSV file').setInputFiles({
        name: 'activities.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from([header, ...rows].join('\n')),
      });
    await page.getByText('Import activities (CSV)').click();
    await upload([
      ',Bad dates,,1,KZ,,,2016-06-01,2016-05-01,planned,0,,',
      ',Asleep,,1,KZ,,,2016-05-01,2016-06-01,sleeping,0,,',
      ',Imported survey,,1,KZ,,,2016-05-01,2016-06-01,planned,0,,',
    ]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await refused.getByText('Line 2: end — The end comes before the start.').waitFor();
    // A cell not in its column's form is told what the column holds.
    await refused
      .getByText('Line 3: status — Needs one of: planned, in-progress, done, delayed, cancelled.')
      .waitFor();
    await shot('import-refused');
    await upload([',Imported survey,,1,KZ,,,2016-05-01,2016-06-01,planned,0,,']);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').getByText('Imported: 1 added, 0 changed.').waitFor();
    // The page reads the program again: the new activity is on the timeline.
    await page.getByLabel('State', { exact: true }).selectOption('KZ');
    await page.getByRole('button', { name: /^Imported survey: 2016-05-01 – 2016-06-01/ }).waitFor();
  });

  it('keeps what the secretary typed when a new program is refused, each problem beside its field', async () => {
    await page.goto(url);
    await page.getByRole('link', { name: 'Programs' }).click();
    const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'New program' }) });
    await form.getByLabel('Code').fill('Bad Code');
    await form.getByLabel('Title in Russian').fill('Я'.repeat(301));
    await form.getByLabel('Title in English').fill('Kept as typed');
    await form.getByLabel('Period from').fill('2026-01-01');
    await form.getByLabel('Period to').fill('2030-12-31');
    await form.getByRole('button', { name: 'Create the program' }).click();
    // The schema's length and the domain's check of the code, both from the API's codes.
    await form.getByText('At most 300 characters.').waitFor();
    await form.getByText('Lower-case Latin letters, digits and hyphens, 2 to 40 of them').waitFor();
    expect(await form.getByLabel('Code').inputValue()).toBe('Bad Code');
    expect(await form.getByLabel('Title in English').inputValue()).toBe('Kept as typed');
    expect(await form.getByLabel('Period to').inputValue()).toBe('2030-12-31');
    expect(await form.getByLabel('Code').getAttribute('aria-describedby')).toMatch(/-error$/);
    expect(await form.getByLabel('Title in English').getAttribute('aria-describedby')).toBeNull();
  });
});
