/**
 * tally: 300 votes pressed over 60 s in private chats while the commission's group chat shows the
 * ballot with its live tally, kept up to date by debounced edits through the outbox. The sandbox's
 * limits are on (20 sends and edits a minute per group). Accord's bot and worker run as their own
 * processes, as in production. `npm run bench:tally` (one run, about 1.5 min).
 */
import { createI18n, translator } from '@accord/bot';
import { DEFAULT_QUORUM, type MemberStateCode, tally, type VoteChoice } from '@accord/domain';
import type { CallRecord } from '@accord/telegram-sandbox';
import {
  type BallotMember,
  COMMISSION_GROUP_ID,
  liveChoicesOf,
  prepareBallots,
  STATE_CODES,
  voteRowsOf,
} from './support/ballot-fixture';
import { botErrorLines, firstBotError, startBot, stopBot } from './support/bot-process';
import {
  answersReceived,
  CHOICES,
  collectAnswers,
  deliveredMessages,
  type FiredPress,
  type PlannedPress,
  press,
  seededRandom,
} from './support/presses';
import { finish, round2, say } from './support/report';
import { pinBenchProcess, startWorker, stopWorker, workerErrorLines } from './support/worker-process';

const MEMBERS_PER_STATE = 10;
const VOTES = 300;
const SPREAD_MS = 60_000;
const WINDOW_MS = 60_000;
const targets = {
  maxGroupEditsPer60s: 20,
  rejected429: 0,
  maxFinalTallyDelayS: 6,
  unanswered: 0,
  unrecorded: 0,
};

/**
 * The presses: the six states in turn, each state's members in turn, and each press a choice
 * other than its state's current one (drawn at random, seeded), so every press changes its
 * state's vote and the tally moves as in a real vote rather than in a cycle the edits could alias.
 */
function planPresses(members: readonly BallotMember[]): PlannedPress[] {
  const random = seededRandom(VOTES);
  const current = new Map<MemberStateCode, VoteChoice>();
  return Array.from({ length: VOTES }, (_, i) => {
    const stateCode = STATE_CODES[i % STATE_CODES.length];
    const ofState = members.filter((m) => m.stateCode === stateCode);
    const member = ofState[Math.floor(i / STATE_CODES.length) % ofState.length];
    if (!stateCode || !member) throw new Error(`no member for press ${i}`);
    const offered = CHOICES.filter((c) => c !== current.get(stateCode));
    const choice = offered[Math.floor(random() * offered.length)] ?? 'for';
    current.set(stateCode, choice);
    return { member, choice };
  });
}

/** The most calls whose arrival falls within any one window of `WINDOW_MS`. */
function maxInWindow(calls: readonly CallRecord[]): number {
  const times = calls.map((c) => c.at).sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; start < times.length; start++) {
    while (end < times.length && (times[end] ?? 0) < (times[start] ?? 0) + WINDOW_MS) end++;
    best = Math.max(best, end - start);
  }
  return best;
}

const t = translator(createI18n());

/** The group's participation and tally lines for these live choices, in the group's language (ru). */
function tallyLines(live: ReadonlyMap<MemberStateCode, VoteChoice>): string[] {
  const counts = tally(STATE_CODES, live, DEFAULT_QUORUM);
  return [
    t('ru', 'ballot-participation', {
      voted: counts.participating,
      eligible: counts.eligible,
      quorum: t('ru', counts.quorumMet ? 'ballot-quorum-met' : 'ballot-quorum-not-met'),
    }),
    CHOICES.map((choice) => `${t('ru', `vote-choice-${choice}`)}: ${counts[choice]}`).join(' · '),
  ];
}

say(
  `tally: ${VOTES} votes over ${SPREAD_MS / 1000} s by ${MEMBERS_PER_STATE * STATE_CODES.length} members, ` +
    'live tally in the commission group, sandbox limits on (20 sends and edits a minute per group)',
);
say(pinBenchProcess('the bot and the worker'));
const fixture = await prepareBallots({ members: MEMBERS_PER_STATE * STATE_CODES.length, groupChat: true });
const { sandbox, db, members } = fixture;
const worker = await startWorker({
  databaseFile: fixture.file,
  sandboxUrl: sandbox.url,
  token: sandbox.token,
  workerId: 'bench-tally',
});
const bot = await startBot('accord', sandbox, fixture.file);

let outcome: { figures: Record<string, unknown>; pass: boolean };
try {
  const ballotId = await fixture.openBallot();
  const everyone = [...members, { personId: 0, chatId: COMMISSION_GROUP_ID, stateCode: 'RU' as const }];
  const deadline = Date.now() + 60_000;
  let messageIds = deliveredMessages(sandbox, everyone, 0);
  while (messageIds.size < everyone.length) {
    if (Date.now() > deadline)
      throw new Error(`the ballot reached ${messageIds.size} of ${everyone.length} chats`);
    await new Promise((r) => setTimeout(r, 50));
    messageIds = deliveredMessages(sandbox, everyone, 0);
  }
  const groupMessageId = messageIds.get(COMMISSION_GROUP_ID);
  say(`ballot ${ballotId} delivered to ${members.length} members and the group; pressing`);

  const before = answersReceived(sandbox);
  const startedAt = Date.now();
  const plan = planPresses(members);
  const fired: FiredPress[] = [];
  for (const [i, planned] of plan.entries()) {
    // Paced against the clock, not from press to press, so the spread stays 60 s whatever the timers do.
    const wait = startedAt + (i * SPREAD_MS) / VOTES - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    fired.push(press(sandbox, messageIds, ballotId, planned));
  }
  const answered = await collectAnswers(sandbox, fired, before, 30_000);
  const lastPress = fired[fired.length - 1];
  const lastAnswer = answered.find((p) => p.callbackQueryId === lastPress?.callbackQueryId);
  if (!lastPress || !lastAnswer) throw new Error('the last vote was never answered');

  const live = await liveChoicesOf(db, ballotId);
  const final = tallyLines(live);
  const shows = (text: string) => final.every((line) => text.includes(line));
  const groupEdits = () => sandbox.driver.calls({ method: 'editMessageText', chatId: COMMISSION_GROUP_ID });
  // The first edit after the last press that shows the final tally (an earlier one showing the
  // same counts would be an older state of the vote).
  const finalEdit = () =>
    groupEdits().find((c) => c.ok && c.at >= lastPress.pressedAt && shows(String(c.params.text ?? '')));
  const waitUntil = Date.now() + 20_000;
  while (!finalEdit() && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 20));
  // Let the outbox settle, so every edit the vote caused is in the count.
  await new Promise((r) => setTimeout(r, 2 * 3_500));

  const shownAt = finalEdit()?.at ?? null;
  const delayS = shownAt === null ? null : (shownAt - lastAnswer.answeredAt) / 1000;
  const groupText =
    sandbox.driver.chat(COMMISSION_GROUP_ID).messages.find((m) => m.message_id === groupMessageId)?.text ??
    '';
  const edits = groupEdits();
  const groupSends = sandbox.driver.calls({ method: 'sendMessage', chatId: COMMISSION_GROUP_ID });
  const stats = sandbox.driver.stats();
  const recordedRows = await voteRowsOf(db, ballotId);
  const spanS = (lastPress.pressedAt - startedAt) / 1000;
  const figures = {
    votes: VOTES,
    pressSpanS: round2(spanS),
    answered: answered.length,
    voteRows: recordedRows,
    groupEdits: edits.length,
    groupEditsOk: edits.filter((c) => c.ok).length,
    maxGroupEditsPer60s: maxInWindow(edits),
    maxGroupSendsAndEditsPer60s: maxInWindow([...edits, ...groupSends]),
    rejected429: stats.rejected429,
    groupRejected429: edits.filter((c) => c.errorCode === 429).length,
    groupEditsFailed: [...new Set(edits.filter((c) => !c.ok).map((c) => `${c.errorCode}: ${c.description}`))],
    finalTallyDelayS: delayS === null ? null : round2(delayS),
    groupShowsFinal: shows(groupText),
    workerErrorLines: workerErrorLines(worker),
    botErrorLines: botErrorLines(bot),
    firstBotError: firstBotError(bot),
  };
  say(
    `${answered.length} of ${VOTES} presses answered over ${spanS.toFixed(1)} s; ${recordedRows} vote rows; ` +
      `final: ${final.join(' / ')}`,
  );
  say(
    `group: ${edits.length} edits (${figures.groupEditsOk} ok), at most ${figures.maxGroupEditsPer60s} in any 60 s ` +
      `(${figures.maxGroupSendsAndEditsPer60s} with its sends); 429s ${stats.rejected429} (group edits ${figures.groupRejected429})` +
      `${figures.groupEditsFailed.length > 0 ? `; failed edits: ${figures.groupEditsFailed.join('; ')}` : ''}`,
  );
  say(
    `final tally shown ${delayS === null ? 'NEVER' : `${delayS.toFixed(2)} s`} after the last vote's answer; ` +
      `the group message shows it now: ${figures.groupShowsFinal ? 'yes' : 'no'}`,
  );
  outcome = {
    figures,
    pass:
      figures.maxGroupEditsPer60s <= targets.maxGroupEditsPer60s &&
      stats.rejected429 === targets.rejected429 &&
      delayS !== null &&
      delayS <= targets.maxFinalTallyDelayS &&
      figures.groupShowsFinal &&
      VOTES - answered.length === targets.unanswered &&
      VOTES - recordedRows === targets.unrecorded,
  };
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  say(`tally failed: ${message}`);
  outcome = { figures: { error: message.slice(0, 500) }, pass: false };
} finally {
  await stopBot(bot);
  await stopWorker(worker);
  await fixture.close();
}
finish('tally', outcome.figures, targets, outcome.pass);
