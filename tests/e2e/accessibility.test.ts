/// <reference lib="dom" />
// The functions given to page.evaluate run in the browser: they are typed against the DOM.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningAccord, startAccord } from '../support/accord';
import { launchChromium, screenshots } from '../support/browser';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LANGUAGES = ['en', 'ru'] as const;
type Language = (typeof LANGUAGES)[number];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string[]; failureSummary?: string; html: string }>;
}

let accord: RunningAccord;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  accord = await startAccord();
  browser = await launchChromium();
  // The dashboard's CSP forbids inline scripts; axe is injected by the test, so the test lifts it.
  context = await browser.newContext({ bypassCSP: true });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await accord?.process.stop();
});

const url = (path: string) => new URL(path, accord.url).href;

async function getJson<T>(path: string): Promise<T> {
  const res = await page.request.get(url(path));
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** Opens a page and waits until it shows its heading and nothing is loading any more. */
async function open(path: string) {
  await page.goto(url(path));
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main .loading'));
}

/** Runs axe on the page as it is; returns the serious and critical violations. */
async function seriousViolations(): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: Violation[] }> } })
      .axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const describeViolations = (where: string, violations: readonly Violation[]) =>
  violations.map(
    (v) =>
      `${where}: [${v.impact}] ${v.id} — ${v.help} (${v.helpUrl})\n` +
      v.nodes
        .slice(0, 5)
        .map(
          (n) => `    ${n.target.join(' ')}\n      ${n.html.slice(0, 160)}\n      ${n.failureSummary ?? ''}`,
        )
        .join('\n'),
  );

async function chooseLanguage(language: Language) {
  if (!page.url().startsWith(accord.url)) await page.goto(url('/sign-in'));
  await page.evaluate((l) => localStorage.setItem('accord.language', l), language);
}

async function signInAs(role: string) {
  const people = await getJson<{ people: Array<{ id: number; roles: string[] }> }>('/api/session/dev-people');
  await open('/sign-in');
  const person = people.people.find((p) => p.roles.includes(role));
  await page.locator('main select').first().selectOption(String(person?.id));
  await page.locator('main form button[type="submit"]').click();
  await page.getByRole('navigation').waitFor();
}

/** Every route of the dashboard's router (apps/web/src/app.tsx), with the demo year's records in them. */
async function dashboardPaths(): Promise<string[]> {
  const { meetings } = await getJson<{ meetings: Array<{ id: number; status: string; startsAt: string }> }>(
    '/api/meetings',
  );
  const { drafts } = await getJson<{ drafts: Array<{ id: number; status: string }> }>('/api/drafts');
  const { ballots } = await getJson<{ ballots: Array<{ id: number; status: string }> }>('/api/ballots');
  const { programs } = await getJson<{ programs: Array<{ id: number; code: string }> }>('/api/programs');
  const program = programs.find((p) => p.code === 'demo-cooperation') ?? programs[0];
  const { activities } = await getJson<{ activities: Array<{ id: number }> }>(`/api/programs/${program?.id}`);
  const { groups } = await getJson<{ groups: Array<{ id: number }> }>('/api/working-groups');
  const held = meetings.find((m) => m.startsAt < new Date().toISOString());
  const coming = meetings.find((m) => m.startsAt > new Date().toISOString());
  const openBallot = ballots.find((b) => b.status === 'open');
  const closedBallot = ballots.find((b) => b.status === 'closed');
  return [
    '/meetings',
    '/meetings/new',
    `/meetings/${held?.id}`,
    `/meetings/${coming?.id}`,
    `/meetings/${coming?.id}/edit`,
    '/people',
    '/deliveries',
    '/audit',
    '/working-groups',
    `/working-groups/${groups[0]?.id}`,
    '/decisions',
    '/drafts',
    `/drafts/${drafts.find((d) => d.status === 'draft')?.id}`,
    `/drafts/${drafts.find((d) => d.status === 'voting')?.id}`,
    `/ballots/${openBallot?.id}`,
    `/ballots/${closedBallot?.id}`,
    `/ballots/${closedBallot?.id}/print`,
    '/programs',
    `/programs/${program?.id}`,
    `/programs/${program?.id}/activities/${activities[0]?.id}`,
    `/programs/${program?.id}/print`,
    '/reports',
    `/reports/${new Date().getUTCFullYear()}`,
    '/chats',
    '/no-such-page',
  ];
}

describe('the dashboard is accessible', () => {
  it('has no serious or critical axe violations on any page, in English and in Russian', async () => {
    const shot = screenshots(page, 'accessibility');
    const found: string[] = [];
    const check = async (where: string) => {
      found.push(...describeViolations(where, await seriousViolations()));
    };
    // Signed out: the sign-in page and the bot's link page, in both languages.
    for (const language of LANGUAGES) {
      await page.goto(url('/sign-in'));
      await chooseLanguage(language);
      await open('/sign-in');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      await check(`${language} /sign-in`);
      await page.goto(url('/login?token=not-a-real-token'));
      await page.locator('main h1').first().waitFor();
      await check(`${language} /login`);
    }

    // The secretary fills the demo year with the button on the empty Meetings page.
    await chooseLanguage('en');
    await signInAs('secretary');
    await open('/meetings');
    await page.getByRole('button', { name: 'Fill a demo year' }).click();
    await page.getByText('The demo year is in').waitFor();
    await page.getByRole('link', { name: 'Regular session of the commission' }).first().waitFor();
    await shot('demo-year');

    const paths = await dashboardPaths();
    for (const language of LANGUAGES) {
      await chooseLanguage(language);
      for (const path of paths) {
        await open(path);
        expect(await page.evaluate(() => document.documentElement.lang), path).toBe(language);
        await check(`${language} ${path}`);
      }
      // States a page reaches only by acting: a form's errors, a dialog over the page.
      await open('/meetings/new');
      await page.locator('main form button[type="submit"]').click();
      await page.locator('main .field-error, main [role="alert"]').first().waitFor();
      await check(`${language} /meetings/new with errors`);
      await open('/people');
      await page.locator('main table button[aria-label]').nth(1).click();
      await page.locator('dialog[open]').waitFor();
      await check(`${language} /people with a dialog open`);
      await page.keyboard.press('Escape');
      await page.locator('header .who button').nth(1).click();
      await page.locator('dialog[open]').waitFor();
      await check(`${language} the sign-out-everywhere dialog`);
      await page.keyboard.press('Escape');
    }
    // A member sees other controls: the answer to a notice, the vote, their own activities.
    await page.request.post(url('/api/session/logout'), { headers: { origin: new URL(accord.url).origin } });
    await signInAs('member');
    for (const language of LANGUAGES) {
      await chooseLanguage(language);
      for (const path of paths.filter((p) =>
        /^\/(meetings|ballots|programs|working-groups)\/\d+(\/activities\/\d+)?$/.test(p),
      )) {
        await open(path);
        await check(`${language} ${path} (a member)`);
      }
    }
    await shot('last-page');
    if (found.length > 0) console.error(`Accessibility violations:\n${found.join('\n')}`);
    expect(found, found.join('\n')).toEqual([]);
  });
});

describe('the dashboard works by keyboard alone', () => {
  it('signs in, follows the main navigation and shows where the focus is, by Tab and Enter', async () => {
    await chooseLanguage('en');
    await page.request.post(url('/api/session/logout'), { headers: { origin: new URL(accord.url).origin } });
    await open('/sign-in');
    // The sign-in form: Tab to the person, pick with the arrow keys, Tab to the button, Enter.
    const tabTo = async (matches: () => Promise<boolean>, what: string) => {
      for (let i = 0; i < 40; i += 1) {
        await page.keyboard.press('Tab');
        if (await matches()) return;
      }
      throw new Error(`Tab never reached ${what}`);
    };
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : null;
        return {
          tag: el?.tagName.toLowerCase() ?? '',
          text: el?.textContent?.trim() ?? '',
          label: el?.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '',
          outline: style ? style.outlineStyle !== 'none' && style.outlineWidth !== '0px' : false,
          shadow: style ? style.boxShadow !== 'none' : false,
        };
      });
    await tabTo(async () => (await focused()).label === 'Person', 'the person');
    const person = await focused();
    expect(person.outline || person.shadow, 'the focused field shows it').toBe(true);
    await page.keyboard.press('ArrowDown');
    await tabTo(async () => (await focused()).text === 'Sign in', 'the sign-in button');
    await page.keyboard.press('Enter');
    await page.getByRole('navigation').waitFor();
    await page.locator('main h1').first().waitFor();

    // The main navigation: from the top of the page, Tab to Drafts and follow it with Enter.
    await page.locator('body').focus();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(async () => (await focused()).text === 'Drafts', 'Drafts in the navigation');
    const link = await focused();
    expect(link.tag).toBe('a');
    expect(link.outline || link.shadow, 'the focused link shows it').toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/drafts$/);
    await page.locator('main h1').first().waitFor();
    expect(await page.locator('main h1').first().textContent()).toBe('Drafts');
    // The focus moved to the new page: the next Tab goes into it, not back through the navigation.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
  });
});
