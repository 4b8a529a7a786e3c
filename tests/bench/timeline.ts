import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { insertProgram, migrateToLatestOrThrow, openDatabase } from '@accord/db';
import { MEMBER_STATE_CODES } from '@accord/domain';
import { seedReference } from '@accord/seeds';
import type { Browser, Page } from 'playwright-core';
import { startAccord } from '../support/accord';
import { launchChromium } from '../support/browser';
import { repoRoot, tempDatabaseFile } from '../support/processes';
import { finish, median, round2, round3, roundsFromArgs, runRounds, say } from './support/report';

// npm run bench:timeline [-- --rounds N]: opening a program of 1,000 and of 10,000 activities on
// the dashboard against a vanilla-DOM page drawing the same markup with the same windowing (same
// origin, same JSON, same browser session), then frame times while a bar is dragged at 10,000.

const SIZES = [1_000, 10_000] as const;
const TARGETS = { open1k: '≤ 1.15 × vanilla', open10k: '≤ 1.20 × vanilla', dragP95Ms: '≤ 16.7 at 10,000' };
const DRAG_MS = 2_000;
const VANILLA_PATH = '/__bench/vanilla-timeline';
const BLANK_PATH = '/__bench/blank';
/** The drag's page: the dashboard's, cross-origin isolated (see the routes). */
const ISOLATED = 'bench-isolated';

/** A program of `count` activities over 2021–2030 across five directions, a milestone each, every fifth waiting for the one before. */
async function seedProgram(db: ReturnType<typeof openDatabase>, count: number): Promise<number> {
  const programId = await insertProgram(
    db,
    {
      code: `bench-${count}`,
      titleRu: `Бенчмарк ${count}`,
      titleEn: `Benchmark ${count}`,
      periodStart: '2021-01-01',
      periodEnd: '2030-12-31',
      goals: '',
    },
    Array.from({ length: 5 }, (_, i) => ({ titleRu: `Направление ${i + 1}`, titleEn: `Direction ${i + 1}` })),
  );
  const directions = await db
    .selectFrom('program_directions')
    .select('id')
    .where('program_id', '=', programId)
    .orderBy('position')
    .execute();
  // A fixed pseudo-random sequence: every run draws the same program.
  let seed = count;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const day = (n: number) => new Date(Date.UTC(2021, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const statuses = ['planned', 'in-progress', 'done', 'delayed', 'cancelled'] as const;
  const now = new Date().toISOString();
  const rows = Array.from({ length: count }, (_, i) => {
    const start = Math.floor(next() * 3_300);
    const length = 10 + Math.floor(next() * 200);
    return {
      program_id: programId,
      direction_id: directions[i % directions.length]?.id ?? 0,
      title: `Activity ${i + 1}`,
      description: '',
      lead_state: MEMBER_STATE_CODES[i % MEMBER_STATE_CODES.length] ?? 'RU',
      participating_states: JSON.stringify([MEMBER_STATE_CODES[(i + 1) % MEMBER_STATE_CODES.length]]),
      responsible_person_ids: '[]',
      start_date: day(start),
      end_date: day(start + length),
      status: statuses[i % statuses.length] ?? 'planned',
      progress: Math.floor(next() * 100),
      created_at: now,
      updated_at: now,
      milestone: day(start + Math.floor(length / 2)),
    };
  });
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500).map(({ milestone: _, ...row }) => row);
    ids.push(...(await db.insertInto('activities').values(batch).returning('id').execute()).map((r) => r.id));
  }
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .insertInto('milestones')
      .values(
        ids.slice(i, i + 500).map((id, j) => ({
          activity_id: id,
          title: 'Checkpoint',
          date: rows[i + j]?.milestone ?? '2021-01-01',
        })),
      )
      .execute();
  }
  const dependencies = ids.flatMap((id, i) =>
    i % 5 === 4 && i >= 5 ? [{ activity_id: id, depends_on_id: ids[i - 5] ?? id }] : [],
  );
  for (let i = 0; i < dependencies.length; i += 500)
    await db
      .insertInto('activity_dependencies')
      .values(dependencies.slice(i, i + 500))
      .execute();
  return programId;
}

/**
 * Milliseconds from navigation to the frame in which the first bar is in the DOM (the window is
 * drawn in one pass). Every page is opened from the same state, a blank page with the garbage
 * collected: otherwise whichever page comes after a 10,000-activity one pays for its cleanup.
 */
async function timeToBars(page: Page, address: string): Promise<number> {
  // A blank page of the same origin, so the same renderer (README: how the figures move with this).
  await page.goto(new URL(BLANK_PATH, address).href);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  await page.goto(address, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    // Runs in the page (a function: the CSP forbids evaluating a string there); tests/ has no DOM types.
    () =>
      (
        globalThis as unknown as { document: { querySelector(selector: string): unknown } }
      ).document.querySelector('.timeline .bar')
        ? performance.now()
        : false,
    undefined,
    { polling: 'raf', timeout: 20_000 },
  );
  return Number(await handle.jsonValue());
}

/**
 * Drags the first visible bar back and forth for 2 s and returns the requestAnimationFrame deltas
 * meanwhile. The page is cross-origin isolated (see the routes), so the frames' timestamps are not
 * rounded to 0.1 ms: a 16.67 ms frame reads as 16.67, not as 16.6 or 16.8.
 */
async function dragFrames(page: Page): Promise<number[]> {
  if ((await page.evaluate('crossOriginIsolated')) !== true)
    throw new Error('the page is not cross-origin isolated');
  const bar = page.locator('.timeline .bar').first();
  await bar.scrollIntoViewIfNeeded();
  const box = await bar.boundingBox();
  if (!box) throw new Error('no bar to drag');
  const x = box.x + Math.min(10, box.width / 2);
  const y = box.y + box.height / 2;
  // Strings, not functions: the tsx loader's helpers do not exist in the page.
  await page.evaluate(`(() => {
    const frames = [];
    let last = performance.now();
    const record = (now) => {
      frames.push(now - last);
      last = now;
      if (window.benchRecording) requestAnimationFrame(record);
    };
    window.benchFrames = frames;
    window.benchRecording = true;
    requestAnimationFrame(record);
  })()`);
  await page.mouse.move(x, y);
  await page.mouse.down();
  const started = Date.now();
  let step = 0;
  while (Date.now() - started < DRAG_MS) {
    step += 1;
    // Right 200 px and back, 2 px a move: the bar crosses a day every other move.
    const offset = 200 - Math.abs((step % 200) - 100) * 2;
    await page.mouse.move(x + offset, y);
  }
  await page.mouse.move(x, y);
  const frames = (await page.evaluate('window.benchRecording = false, window.benchFrames')) as number[];
  // Back where it started: the release saves nothing.
  await page.mouse.up();
  return frames.slice(1);
}

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

async function main() {
  const rounds = roundsFromArgs(5);
  const file = tempDatabaseFile();
  const db = openDatabase({ file });
  await migrateToLatestOrThrow(db);
  await seedReference(db, new Date().toISOString());
  const programs = { 1000: await seedProgram(db, 1_000), 10000: await seedProgram(db, 10_000) };
  await db.destroy();
  say(`seeded ${file}: programs ${programs[1_000]} (1,000 activities) and ${programs[10_000]} (10,000)`);

  const accord = await startAccord({ DATABASE_FILE: file, LOG_LEVEL: 'warn' });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.addInitScript("localStorage.setItem('accord.language', 'en')");
    const dist = join(repoRoot, 'apps/web/dist');
    const css = readFileSync(join(dist, 'index.html'), 'utf8').match(
      /<link rel="stylesheet"[^>]*href="([^"]+)"/,
    )?.[1];
    if (!css) throw new Error('apps/web/dist has no stylesheet: run npm run build -w @accord/web first');
    const script = readFileSync(join(import.meta.dirname, 'support/vanilla-timeline.js'), 'utf8');
    // Both pages' files are answered by the browser session on Accord's origin, the same way: the
    // dashboard's built files (its page and assets) and the peer's. Only the API reaches the server,
    // so neither page's files queue behind the other's JSON. (Playwright turns the HTTP cache off
    // while routes are set, so this also stands for a browser that has the hashed assets cached.)
    await page.route(/\/assets\//, (route) =>
      route.fulfill({ path: join(dist, new URL(route.request().url()).pathname) }),
    );
    // The drag's page is cross-origin isolated, for the precise clock the frame times need (its
    // files are all same-origin). Only that one: an isolated page gets a renderer of its own,
    // without the code the browser compiled before, which is not what opening is measured on.
    await page.route(new RegExp(`${BLANK_PATH}$`), (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>blank</title>' }),
    );
    await page.route(/:\d+\/programs\/\d+$/, (route) =>
      route.fulfill({ path: join(dist, 'index.html'), contentType: 'text/html; charset=utf-8' }),
    );
    await page.route(new RegExp(`:\\d+/programs/\\d+\\?${ISOLATED}$`), (route) =>
      route.fulfill({
        path: join(dist, 'index.html'),
        headers: {
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': 'require-corp',
          'Content-Type': 'text/html; charset=utf-8',
        },
      }),
    );
    await page.route(/\/__bench\/vanilla-timeline\.html/, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="${css}"></head><body><main id="root" class="page wide"></main><script type="module" src="${VANILLA_PATH}.js"></script></body></html>`,
      }),
    );
    await page.route(/\/__bench\/vanilla-timeline\.js$/, (route) =>
      route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script }),
    );
    const people = (await (await fetch(new URL('/api/session/dev-people', accord.url))).json()) as {
      people: Array<{ id: number; roles: string[] }>;
    };
    await page.goto(accord.url);
    await page
      .getByLabel('Person')
      .selectOption(String(people.people.find((p) => p.roles.includes('secretary'))?.id));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Programs' }).waitFor();

    const solidAddress = (size: (typeof SIZES)[number]) =>
      new URL(`/programs/${programs[size]}`, accord.url).href;
    const vanillaAddress = (size: (typeof SIZES)[number]) =>
      new URL(`${VANILLA_PATH}.html?program=${programs[size]}`, accord.url).href;
    // Warm-up: both pages, both sizes, unrecorded (caches, the JIT, the database's pages).
    for (const size of SIZES) {
      say(
        `warm-up ${size}: solid ${round2(await timeToBars(page, solidAddress(size)))} ms, vanilla ${round2(await timeToBars(page, vanillaAddress(size)))} ms`,
      );
    }

    const results = await runRounds('timeline', TARGETS, rounds, async (n) => {
      const round = { solid1000: 0, vanilla1000: 0, solid10000: 0, vanilla10000: 0 };
      for (const size of SIZES) {
        // Interleaved, the order flipped each round: A B, then B A.
        const order = n % 2 === 1 ? (['solid', 'vanilla'] as const) : (['vanilla', 'solid'] as const);
        for (const which of order)
          round[`${which}${size}`] = await timeToBars(
            page,
            which === 'solid' ? solidAddress(size) : vanillaAddress(size),
          );
      }
      // The dashboard's page, whichever page the round opened last.
      await timeToBars(page, `${solidAddress(10_000)}?${ISOLATED}`);
      const frames = await dragFrames(page);
      const ratio1k = round.solid1000 / round.vanilla1000;
      const ratio10k = round.solid10000 / round.vanilla10000;
      const p95 = percentile(frames, 95);
      say(
        `round ${n}: 1,000 solid ${round2(round.solid1000)} ms vs vanilla ${round2(round.vanilla1000)} ms (× ${round3(ratio1k)}); ` +
          `10,000 solid ${round2(round.solid10000)} ms vs vanilla ${round2(round.vanilla10000)} ms (× ${round3(ratio10k)}); ` +
          `drag at 10,000: ${frames.length} frames, p95 ${round2(p95)} ms, max ${round2(Math.max(...frames))} ms`,
      );
      return { ...round, ratio1k, ratio10k, frames };
    });

    const allFrames = results.flatMap((r) => r.frames);
    const figures = {
      rounds,
      open1kRatio: round3(median(results.map((r) => r.ratio1k))),
      open10kRatio: round3(median(results.map((r) => r.ratio10k))),
      open1kSolidMs: round2(median(results.map((r) => r.solid1000))),
      open1kVanillaMs: round2(median(results.map((r) => r.vanilla1000))),
      open10kSolidMs: round2(median(results.map((r) => r.solid10000))),
      open10kVanillaMs: round2(median(results.map((r) => r.vanilla10000))),
      dragFrames: allFrames.length,
      dragP95Ms: round2(percentile(allFrames, 95)),
      dragP50Ms: round2(percentile(allFrames, 50)),
    };
    say(
      `open 1,000: × ${figures.open1kRatio} (target ≤ 1.15); open 10,000: × ${figures.open10kRatio} (target ≤ 1.20); ` +
        `drag p95 ${figures.dragP95Ms} ms over ${figures.dragFrames} frames (target ≤ 16.7)`,
    );
    await browser.close();
    await accord.process.stop();
    finish(
      'timeline',
      figures,
      { open1kRatio: 1.15, open10kRatio: 1.2, dragP95Ms: 16.7 },
      figures.open1kRatio <= 1.15 && figures.open10kRatio <= 1.2 && figures.dragP95Ms <= 16.7,
    );
  } catch (error) {
    await browser?.contexts()[0]?.pages()[0]?.screenshot({ path: '/tmp/timeline-fail.png' });
    await browser?.close();
    await accord.process.stop();
    throw error;
  }
}

await main();
