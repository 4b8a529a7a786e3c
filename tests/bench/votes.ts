/**
 * votes: 1,000 accredited representatives (the six states in turn) press a ballot's buttons in
 * their private chats, all at once; a fifth of them change their mind in the same burst. Accord's
 * bot (its own process, long polling the sandbox) against a bare grammY bot that only answers and
 * edits, the same presses on the same messages, interleaved A B C / C B A by round (C: the bare
 * bot on the runner Accord polls with, printed for comparison).
 * `npm run bench:votes -- --rounds N` (default 5).
 */
import { createI18n, translator } from '@accord/bot';
import type { MemberStateCode, VoteChoice } from '@accord/domain';
import { type BallotMember, liveChoicesOf, prepareBallots, voteRowsOf } from './support/ballot-fixture';
import { type BotKind, botErrorLines, firstBotError, startBot, stopBot } from './support/bot-process';
import {
  type AnsweredPress,
  answersReceived,
  CHOICES,
  collectAnswers,
  deliveredMessages,
  expectedChoices,
  type PlannedPress,
  percentile,
  press,
  seededRandom,
} from './support/presses';
import { finish, median, round2, round3, roundsFromArgs, runRounds, say } from './support/report';
import { pinBenchProcess, startWorker, stopWorker } from './support/worker-process';

const MEMBERS = 1_000;
/** Every fifth member presses a second, different choice later in the same burst. */
const CHANGE_EVERY = 5;
const rounds = roundsFromArgs(5);
const targets = { minRatio: 0.5, lostAnswers: 0, mismatchedStates: 0, refusedPresses: 0, unstoredVotes: 0 };

/** One member's first press in a shuffled order, the changes slotted in at random later places. */
function planPresses(members: readonly BallotMember[], random: () => number): PlannedPress[] {
  const pick = (except?: VoteChoice) => {
    const offered = CHOICES.filter((c) => c !== except);
    return offered[Math.floor(random() * offered.length)] ?? 'for';
  };
  const firsts = members.map((member) => ({ member, choice: pick() }));
  for (let i = firsts.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [firsts[i], firsts[j]] = [firsts[j] as PlannedPress, firsts[i] as PlannedPress];
  }
  const plan: PlannedPress[] = [...firsts];
  for (const first of firsts) {
    if (first.member.personId % CHANGE_EVERY !== 0) continue;
    const after = plan.indexOf(first) + 1;
    plan.splice(after + Math.floor(random() * (plan.length - after + 1)), 0, {
      member: first.member,
      choice: pick(first.choice),
    });
  }
  return plan;
}

const i18n = createI18n();
const t = translator(i18n);
const recordedTexts = new Map<VoteChoice, Set<string>>(
  CHOICES.map((choice) => [
    choice,
    new Set(
      (['ru', 'en'] as const).map((lang) =>
        t(lang, 'ballot-vote-recorded', { choice: t(lang, `vote-choice-${choice}`) }),
      ),
    ),
  ]),
);
const unchangedTexts = new Set((['ru', 'en'] as const).map((lang) => t(lang, 'ballot-vote-unchanged')));
const isRecorded = (p: AnsweredPress) => recordedTexts.get(p.choice)?.has(p.answerText) ?? false;
const counted = (p: AnsweredPress) => isRecorded(p) || unchangedTexts.has(p.answerText);

interface BotRun {
  pressed: number;
  answered: AnsweredPress[];
  votesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  firstError: string | null;
}

say(
  `votes: ${MEMBERS} members (6 states), 1 in ${CHANGE_EVERY} changes their choice; Accord's bot vs a bare grammY bot, ${rounds} round(s)`,
);
say(pinBenchProcess('each bot (and the worker, for the first delivery)'));
const fixture = await prepareBallots({ members: MEMBERS, limits: false });
const messageIds = await deliverFirstBallot();
fixture.sandbox.driver.setLimits({});

/**
 * The worker delivers a first ballot to every member (limits off: setup, not measured) and is
 * stopped: its scheduler would otherwise share the bots' core. Each round then opens a fresh
 * ballot and its presses are made on that message, as a member's client sends them.
 */
async function deliverFirstBallot(): Promise<Map<number, number>> {
  const { sandbox, members } = fixture;
  const worker = await startWorker({
    databaseFile: fixture.file,
    sandboxUrl: sandbox.url,
    token: sandbox.token,
    workerId: 'bench-votes',
    dispatchRate: 1_000,
  });
  try {
    const ballotId = await fixture.openBallot();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ids = deliveredMessages(sandbox, members, 0);
      if (ids.size === members.length) return ids;
      if (Date.now() > deadline)
        throw new Error(`ballot ${ballotId} reached ${ids.size} of ${members.length} members`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await stopWorker(worker);
  }
}

/** Starts one bot, fires every planned press at once, waits for every answer and the last edit, stops it. */
async function runBot(kind: BotKind, plan: readonly PlannedPress[], ballotId: number): Promise<BotRun> {
  const { sandbox } = fixture;
  const bot = await startBot(kind, sandbox, fixture.file);
  try {
    const before = answersReceived(sandbox);
    const fired = plan.map((p) => press(sandbox, messageIds, ballotId, p));
    const answered = await collectAnswers(sandbox, fired, before, 180_000);
    // Each press's handler ends with its edit: let the last ones land before the bot stops.
    const edits = () => sandbox.driver.stats().byMethod.editMessageText ?? 0;
    for (let last = -1; last !== edits(); ) {
      last = edits();
      await new Promise((r) => setTimeout(r, 300));
    }
    const firstPress = Math.min(...fired.map((p) => p.pressedAt));
    const lastAnswer = Math.max(...answered.map((p) => p.answeredAt));
    const latencies = answered.map((p) => p.answeredAt - p.pressedAt);
    return {
      pressed: fired.length,
      answered,
      votesPerSecond: answered.length / ((lastAnswer - firstPress) / 1000),
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      errors: botErrorLines(bot),
      firstError: firstBotError(bot),
    };
  } finally {
    await stopBot(bot);
  }
}

const ratios: number[] = [];
/** Accord ÷ the bare bot on the same runner: printed, not held to the target (see the README). */
const runnerRatios: number[] = [];
const bareRunnerRates: number[] = [];
const bareRunnerP99: number[] = [];
const accordRates: number[] = [];
const bareRates: number[] = [];
const accordP99: number[] = [];
const bareP99: number[] = [];
let lostAnswers = 0;
let mismatchedStates = 0;
let refusedPresses = 0;
let unstoredVotes = 0;
let botErrors = 0;
let firstError: string | null = null;

try {
  await runRounds('votes', targets, rounds, async (round) => {
    const { db, members } = fixture;
    const ballotId = await fixture.openBallot();
    const plan = planPresses(members, seededRandom(round));
    const order: BotKind[] =
      round % 2 === 1 ? ['accord', 'bare', 'bare-runner'] : ['bare-runner', 'bare', 'accord'];
    const runs = new Map<BotKind, BotRun>();
    for (const kind of order) runs.set(kind, await runBot(kind, plan, ballotId));
    const accord = runs.get('accord');
    const bare = runs.get('bare');
    const bareRunner = runs.get('bare-runner');
    if (!accord || !bare || !bareRunner) throw new Error('a bot did not run');

    const expected = expectedChoices(accord.answered, counted);
    const stored = await liveChoicesOf(db, ballotId);
    const mismatched = [...new Set<MemberStateCode>([...expected.keys(), ...stored.keys()])].filter(
      (state) => expected.get(state) !== stored.get(state),
    );
    const recorded = accord.answered.filter(isRecorded).length;
    const rows = await voteRowsOf(db, ballotId);
    const refused = accord.answered.filter((p) => !counted(p)).length;
    const lost = accord.pressed - accord.answered.length + (bare.pressed - bare.answered.length);
    const ratio = accord.votesPerSecond / bare.votesPerSecond;

    ratios.push(ratio);
    runnerRatios.push(accord.votesPerSecond / bareRunner.votesPerSecond);
    bareRunnerRates.push(bareRunner.votesPerSecond);
    bareRunnerP99.push(bareRunner.p99Ms);
    accordRates.push(accord.votesPerSecond);
    bareRates.push(bare.votesPerSecond);
    accordP99.push(accord.p99Ms);
    bareP99.push(bare.p99Ms);
    lostAnswers += lost;
    mismatchedStates += mismatched.length;
    refusedPresses += refused;
    unstoredVotes += Math.abs(rows - recorded);
    botErrors += accord.errors + bare.errors + bareRunner.errors;
    firstError ??= accord.firstError ?? bare.firstError ?? bareRunner.firstError;
    say(
      `round ${round} (${order.join(' then ')}): ${plan.length} presses; ` +
        `Accord ${accord.votesPerSecond.toFixed(0)} votes/s (p50 ${accord.p50Ms} ms, p99 ${accord.p99Ms} ms), ` +
        `bare ${bare.votesPerSecond.toFixed(0)}/s (p50 ${bare.p50Ms} ms, p99 ${bare.p99Ms} ms), ratio ${ratio.toFixed(3)}; ` +
        `bare on the runner ${bareRunner.votesPerSecond.toFixed(0)}/s (p99 ${bareRunner.p99Ms} ms); ` +
        `recorded ${recorded}, vote rows ${rows}, refused ${refused}, unanswered ${lost}; ` +
        `states ${[...stored].map(([s, c]) => `${s}=${c}`).join(' ')}` +
        `${mismatched.length > 0 ? `; MISMATCH in ${mismatched.join(', ')} (expected ${mismatched.map((s) => expected.get(s)).join(', ')})` : ''}` +
        `${accord.errors + bare.errors + bareRunner.errors > 0 ? `; bots logged ${accord.errors + bare.errors + bareRunner.errors} errors` : ''}`,
    );
  });
} finally {
  await fixture.close();
}

const ratio = median(ratios);
const figures = {
  rounds,
  members: MEMBERS,
  ratio: round3(ratio),
  ratios: ratios.map(round3),
  accordVotesPerSecond: round2(median(accordRates)),
  bareVotesPerSecond: round2(median(bareRates)),
  accordP99Ms: median(accordP99),
  bareP99Ms: median(bareP99),
  bareRunnerVotesPerSecond: round2(median(bareRunnerRates)),
  bareRunnerP99Ms: median(bareRunnerP99),
  ratioToBareRunner: round3(median(runnerRatios)),
  lostAnswers,
  mismatchedStates,
  refusedPresses,
  unstoredVotes,
  botErrorLines: botErrors,
  firstBotError: firstError,
};
say(
  `median ratio ${ratio.toFixed(3)} (target ≥ ${targets.minRatio}): Accord ${median(accordRates).toFixed(0)} votes/s, ` +
    `bare ${median(bareRates).toFixed(0)}/s; p99 press→answered Accord ${median(accordP99)} ms, bare ${median(bareP99)} ms; ` +
    `(bare on the runner ${median(bareRunnerRates).toFixed(0)}/s, p99 ${median(bareRunnerP99)} ms, Accord ÷ it ${median(runnerRatios).toFixed(3)}); ` +
    `stored = last choice per state in every round: ${mismatchedStates === 0 ? 'yes' : `no (${mismatchedStates} states)`}`,
);
finish(
  'votes',
  figures,
  targets,
  ratio >= targets.minRatio &&
    lostAnswers === targets.lostAnswers &&
    mismatchedStates === targets.mismatchedStates &&
    refusedPresses === targets.refusedPresses &&
    unstoredVotes === targets.unstoredVotes,
);
