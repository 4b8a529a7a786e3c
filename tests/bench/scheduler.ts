/**
 * scheduler: a tick that finds and claims a batch of 100 due reminders among 1,000 → 100,000
 * pending across 10,000 people. The sizes are measured interleaved; the claim must be an index
 * lookup, so a tick at 100,000 pending stays within 2 × a tick at 1,000.
 * `npm run bench:scheduler -- --rounds N` (default 5).
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { claimDueReminders } from '@accord/db';
import { sendDueReminders } from '../../apps/bot/src/reminders/sender';
import { type ClaimPlan, explainClaim } from './support/claim-plan';
import { prepareReminders, type ReminderFixture } from './support/reminder-fixture';
import { finish, median, round2, round3, roundsFromArgs, runRounds, say } from './support/report';

const PEOPLE = 10_000;
const SMALL = 1_000;
const LARGE = 100_000;
/** 10,000 is measured and printed too, between the two the target compares. */
const SIZES = [SMALL, 10_000, LARGE] as const;
/** Due at `NOW` in every size: the claim must find these among the rest, due over the coming year. */
const DUE = 1_000;
const BATCH = 100;
/** Claims and ticks per size in a round, interleaved across the sizes; the round takes their median. */
const REPS = 9;
const NOW = '2030-01-01T00:00:00.000Z';
const LEASE_UNTIL = '2030-01-01T00:01:00.000Z';
const OWNER = 'bench-scheduler';
const rounds = roundsFromArgs(5);
const targets = { maxTickRatio: 2, minClaimsPerSecond: BATCH * 30, fullScan: false };

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sampleRss, 20);
sampler.unref();

const mb = (bytes: number) => bytes / 1_048_576;
/** This process's peak resident set (VmHWM) in MB, or null off Linux. */
function vmHwmMb(): number | null {
  try {
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

const fixtures = new Map<number, ReminderFixture>();
process.once('exit', () => {
  // The temp files go even when a failing round ends the benchmark early.
  for (const f of fixtures.values()) rmSync(dirname(f.file), { recursive: true, force: true });
});

/** One claim of BATCH due reminders, timed; then the due set is put back as it was. */
async function timeClaim(f: ReminderFixture): Promise<number> {
  const start = performance.now();
  const claimed = await claimDueReminders(f.db, {
    owner: OWNER,
    now: NOW,
    leaseUntil: LEASE_UNTIL,
    limit: BATCH,
  });
  const ms = performance.now() - start;
  if (claimed.length !== BATCH)
    throw new Error(`claim at ${f.pending}: got ${claimed.length}, expected ${BATCH}`);
  await f.reset();
  sampleRss();
  return ms;
}

/** One scheduler tick of BATCH (claim, digests, outbox rows, settle), timed; then put back. */
async function timeTick(f: ReminderFixture): Promise<number> {
  const start = performance.now();
  const sent = await sendDueReminders(f.db, OWNER, NOW, BATCH);
  const ms = performance.now() - start;
  if (sent !== BATCH) throw new Error(`tick at ${f.pending}: sent ${sent}, expected ${BATCH}`);
  await f.reset();
  sampleRss();
  return ms;
}

say(
  `scheduler: ${PEOPLE.toLocaleString('en')} people, ${DUE.toLocaleString('en')} due, batches of ${BATCH}, ` +
    `pending ${SIZES.map((s) => s.toLocaleString('en')).join(' / ')}; ${rounds} round(s) of ${REPS} interleaved reps`,
);
const fixtureOf = (pending: number): ReminderFixture => {
  const f = fixtures.get(pending);
  if (f === undefined) throw new Error(`no database with ${pending} pending`);
  return f;
};

async function prepare(): Promise<ClaimPlan> {
  for (const pending of SIZES) {
    const f = await prepareReminders({ people: PEOPLE, pending, due: DUE, now: NOW });
    fixtures.set(pending, f);
    sampleRss();
    say(`database with ${pending.toLocaleString('en')} pending built in ${f.buildS.toFixed(2)} s`);
  }
  const plan = await explainClaim(fixtureOf(LARGE).db, {
    owner: OWNER,
    now: NOW,
    leaseUntil: LEASE_UNTIL,
    limit: BATCH,
  });
  say(`claim statement: ${plan.statement}`);
  say(`query plan at ${LARGE.toLocaleString('en')} pending:`);
  for (const line of plan.lines) say(`  ${line}`);
  say(
    `  → ${plan.fullScan ? 'FULL SCAN of reminders' : 'no full scan'}; ` +
      `${plan.usesPendingIndex ? 'due rows found through reminders_pending' : 'reminders_pending NOT used'}` +
      `${plan.sortsCandidates ? '; the candidates are sorted in a temporary b-tree (each branch gives at most a batch)' : ''}`,
  );
  // Warm-up: JIT, statement caches and page cache, not recorded.
  for (const pending of SIZES) {
    for (let i = 0; i < 3; i++) {
      await timeClaim(fixtureOf(pending));
      await timeTick(fixtureOf(pending));
    }
  }
  return plan;
}

let plan: ClaimPlan;
try {
  plan = await prepare();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  say(`preparing failed: ${message}`);
  finish('scheduler', { rounds, completedRounds: 0, error: message.slice(0, 500) }, targets, false);
}

interface Round {
  claimMs: Map<number, number>;
  tickMs: Map<number, number>;
  claimRatio: number;
  tickRatio: number;
}

const results = await runRounds('scheduler', targets, rounds, async (round): Promise<Round> => {
  const claims = new Map<number, number[]>(SIZES.map((s) => [s, []]));
  const ticks = new Map<number, number[]>(SIZES.map((s) => [s, []]));
  for (let rep = 0; rep < REPS; rep++) {
    // A B C, then C B A: no size always goes first after the other's writes.
    const order = rep % 2 === 0 ? SIZES : [...SIZES].reverse();
    for (const pending of order) {
      claims.get(pending)?.push(await timeClaim(fixtureOf(pending)));
      ticks.get(pending)?.push(await timeTick(fixtureOf(pending)));
    }
  }
  const claimMs = new Map(SIZES.map((s) => [s, median(claims.get(s) ?? [])]));
  const tickMs = new Map(SIZES.map((s) => [s, median(ticks.get(s) ?? [])]));
  const ratio = (m: Map<number, number>) => (m.get(LARGE) ?? Number.NaN) / (m.get(SMALL) ?? Number.NaN);
  const r = { claimMs, tickMs, claimRatio: ratio(claimMs), tickRatio: ratio(tickMs) };
  const list = (m: Map<number, number>) => SIZES.map((s) => (m.get(s) ?? Number.NaN).toFixed(2)).join(' / ');
  say(
    `round ${round}: claim ${list(claimMs)} ms, ratio ${r.claimRatio.toFixed(3)}; ` +
      `tick ${list(tickMs)} ms, ratio ${r.tickRatio.toFixed(3)}`,
  );
  return r;
});

const perSize = (pick: (r: Round) => Map<number, number>) =>
  Object.fromEntries(SIZES.map((s) => [s, round3(median(results.map((r) => pick(r).get(s) ?? Number.NaN)))]));
const claimMs = perSize((r) => r.claimMs);
const tickMs = perSize((r) => r.tickMs);
const tickRatio = median(results.map((r) => r.tickRatio));
const claimRatio = median(results.map((r) => r.claimRatio));
const claimsPerSecond = BATCH / ((claimMs[LARGE] ?? Number.NaN) / 1000);
const ticksPerSecond = 1 / ((tickMs[LARGE] ?? Number.NaN) / 1000);
sampleRss();
const hwm = vmHwmMb();

const figures = {
  rounds,
  reps: REPS,
  people: PEOPLE,
  due: DUE,
  batch: BATCH,
  claimMs,
  tickMs,
  claimRatio: round3(claimRatio),
  claimRatios: results.map((r) => round3(r.claimRatio)),
  tickRatio: round3(tickRatio),
  tickRatios: results.map((r) => round3(r.tickRatio)),
  claimsPerSecond: Math.round(claimsPerSecond),
  ticksPerSecond: round2(ticksPerSecond),
  tickRemindersPerSecond: Math.round(ticksPerSecond * BATCH),
  fullScan: plan.fullScan,
  usesPendingIndex: plan.usesPendingIndex,
  sortsCandidates: plan.sortsCandidates,
  peakRssMb: round2(mb(peakRss)),
  vmHwmMb: hwm === null ? null : round2(hwm),
};
say(
  `at ${LARGE.toLocaleString('en')} pending: claim ${claimMs[LARGE]} ms → ${figures.claimsPerSecond} claims/s ` +
    `(target ≥ ${targets.minClaimsPerSecond}); tick ${tickMs[LARGE]} ms → ${figures.ticksPerSecond} ticks/s, ` +
    `${figures.tickRemindersPerSecond} reminders/s through the whole sweep`,
);
say(
  `median ratio ${LARGE.toLocaleString('en')} ÷ ${SMALL.toLocaleString('en')}: tick ${tickRatio.toFixed(3)} ` +
    `(target ≤ ${targets.maxTickRatio}), claim ${claimRatio.toFixed(3)}`,
);
say(`peak memory: RSS sampled ${figures.peakRssMb} MB, VmHWM ${figures.vmHwmMb ?? '?'} MB`);

for (const f of fixtures.values()) await f.close();
fixtures.clear();
finish(
  'scheduler',
  figures,
  targets,
  tickRatio <= targets.maxTickRatio && claimsPerSecond >= targets.minClaimsPerSecond && !plan.fullScan,
);
