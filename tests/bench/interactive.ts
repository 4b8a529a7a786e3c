/**
 * interactive: members press the RSVP buttons of a meeting notice while a notice to 1,000 members
 * is being dispatched, against the same presses with nothing else going on. Accord runs as
 * `npm start` runs it (one process: the bot long polling, the dispatcher, the scheduler, the API)
 * against the sandbox in this process, limits on. Each round: a quiet phase as long as a broadcast
 * (so both see the shared machine alike), then a busy one (a new meeting's notice to all 1,000); per
 * round busy p95 ÷ quiet p95 of press → answered; the figure is the median of the rounds' ratios.
 * `npm run bench:interactive -- --rounds N` (default 5, about 7 min).
 */
import { type Database, enqueueMessages, insertMeeting, type Kysely, setMeetingStatus } from '@accord/db';
import { encodeCallback, outboxDrafts } from '@accord/domain';
import type { SandboxDriver } from '@accord/telegram-sandbox';
import { startEntry } from '../support/processes';
import { DeliveryWatch } from './support/deliveries';
import { prepareNotice, waitForOutboxSettled } from './support/fixture';
import { finish, median, round2, round3, roundsFromArgs, runRounds, say } from './support/report';
import { pinBenchProcess, pinToWorkerCore } from './support/worker-process';

const MEMBERS = 1_000;
const PRESSERS = 50;
/** One press every 100 ms, round-robin: each presser presses every 5 s, as a person would. */
const PRESS_INTERVAL_MS = 100;
/** About the broadcast's floor (1,000 sends ÷ 30/s). */
const QUIET_MS = 35_000;
const ANSWER_DEADLINE_MS = 10_000;
const rounds = roundsFromArgs(5);
const targets = { maxRatio: 1.5, unanswered: 0 };

say(
  `interactive: ${PRESSERS} members press RSVP buttons every ${PRESS_INTERVAL_MS} ms, quiet and during a ` +
    `${MEMBERS}-member notice (sandbox limits on), ${rounds} round(s)`,
);
say(pinBenchProcess());

const fixture = await prepareNotice({ members: MEMBERS });
const { sandbox, db } = fixture;
const pressers = fixture.memberChatIds.slice(0, PRESSERS);

/** A meeting already marked notified, as the dashboard leaves it before the outbox delivers the notice. */
async function newMeeting(db: Kysely<Database>, title: string): Promise<number> {
  const now = new Date().toISOString();
  const id = await insertMeeting(
    db,
    {
      kind: 'regular',
      title,
      startsAt: '2099-05-20T07:00:00.000Z',
      endsAt: '2099-05-20T10:00:00.000Z',
      timeZone: 'Europe/Moscow',
      place: 'Moscow',
      link: '',
      agenda: [{ position: 1, title: 'Opening' }],
    },
    null,
    now,
  );
  await setMeetingStatus(db, id, 'draft', 'notified', 1, now);
  return id;
}

/** Enqueues the meeting's notice to the people behind `chatIds` (Telegram user ids); resolves at the commit. */
async function enqueueNotice(meetingId: number, chatIds: readonly number[]): Promise<number> {
  const people = await db
    .selectFrom('people')
    .select('id')
    .where('telegram_user_id', 'in', [...chatIds])
    .execute();
  const at = new Date().toISOString();
  const drafts = outboxDrafts(
    { kind: 'meeting-notice', meetingId, version: 1 },
    people.map((p) => ({ personId: p.id })),
    at,
  );
  await db
    .transaction()
    .execute((trx) => enqueueMessages(trx, drafts, { type: 'meeting', id: meetingId }, at));
  return Date.now();
}

const accord = startEntry('apps/api/src/start.ts', {
  DATABASE_FILE: fixture.file,
  PORT: '0',
  TELEGRAM_BOT_TOKEN: sandbox.token,
  TELEGRAM_API_ROOT: sandbox.url,
  TELEGRAM_SANDBOX: 'true',
  WEB_DIST: '/nonexistent',
  LOG_LEVEL: 'warn',
});

interface Press {
  at: number;
  callbackQueryId: string;
}

/** Presses round-robin every PRESS_INTERVAL_MS until `until()` says stop; each press flips that member's answer. */
async function pressUntil(
  driver: SandboxDriver,
  rsvp: Map<number, number>,
  meetingId: number,
  until: () => boolean,
) {
  const presses: Press[] = [];
  const answers = new Map<number, 'yes' | 'no'>();
  let next = Date.now();
  for (let n = 0; !until(); n++) {
    const chatId = pressers[n % pressers.length] ?? 0;
    const answer = answers.get(chatId) === 'yes' ? 'no' : 'yes';
    answers.set(chatId, answer);
    const data = encodeCallback({ kind: 'rsvp', meetingId, answer });
    const at = Date.now();
    const pressed = driver.pressButton(chatId, chatId, rsvp.get(chatId) ?? 0, data);
    presses.push({ at, callbackQueryId: pressed.callbackQueryId });
    next += PRESS_INTERVAL_MS;
    await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
  }
  return presses;
}

/** Press → the bot's answerCallbackQuery reaching the sandbox, ms; null for a press never answered. */
async function latencies(driver: SandboxDriver, presses: readonly Press[]): Promise<Array<number | null>> {
  const deadline = Date.now() + ANSWER_DEADLINE_MS;
  for (;;) {
    const answered = new Map(
      driver
        .calls({ method: 'answerCallbackQuery' })
        .map((call) => [String(call.params.callback_query_id), call.at] as const),
    );
    const result = presses.map((p) => {
      const at = answered.get(p.callbackQueryId);
      return at === undefined ? null : at - p.at;
    });
    if (result.every((r) => r !== null) || Date.now() > deadline) return result;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const p95 = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
};

const ratios: number[] = [];
const quietP95s: number[] = [];
const busyP95s: number[] = [];
let unanswered = 0;
let pressCount = 0;
try {
  await accord.waitForOutput(/Accord is running: (http:\/\/\S+)/);
  if (accord.child.pid !== undefined) pinToWorkerCore(accord.child.pid);
  const driver = sandbox.driver;

  // Every presser gets the notice they will answer, before any measurement.
  const rsvpMeeting = fixture.meetingId;
  await enqueueNotice(rsvpMeeting, pressers);
  const rsvp = new Map<number, number>();
  await driver.waitFor(() => {
    for (const chatId of pressers) {
      const message = driver
        .chat(chatId)
        .messages.find((m) => m.buttons.flat().some((b) => b.callback_data?.startsWith(`r:${rsvpMeeting}:`)));
      if (!message) return false;
      rsvp.set(chatId, message.message_id);
    }
    return true;
  }, 30_000);
  // Warm-up: the first presses load and compile the paths they take.
  const warm = await pressUntil(
    driver,
    rsvp,
    rsvpMeeting,
    (
      (end) => () =>
        Date.now() > end
    )(Date.now() + 3000),
  );
  await latencies(driver, warm);

  await runRounds('interactive', targets, rounds, async (round) => {
    const quietEnd = Date.now() + QUIET_MS;
    const quiet = await latencies(
      driver,
      await pressUntil(driver, rsvp, rsvpMeeting, () => Date.now() > quietEnd),
    );

    const broadcast = await newMeeting(db, `Benchmark session ${round}`);
    const watch = new DeliveryWatch(sandbox, fixture.memberChatIds, { onlyNew: true });
    let delivered = false;
    const committedAt = await enqueueNotice(broadcast, fixture.memberChatIds);
    const done = watch.waitForEveryMember(120_000).then((at) => {
      delivered = true;
      return at;
    });
    const busyPresses = await pressUntil(driver, rsvp, rsvpMeeting, () => delivered);
    const completeAt = await done;
    const busy = await latencies(driver, busyPresses);
    await waitForOutboxSettled(db, 30_000);

    const quietMs = quiet.filter((l): l is number => l !== null);
    const busyMs = busy.filter((l): l is number => l !== null);
    unanswered += quiet.length - quietMs.length + busy.length - busyMs.length;
    pressCount += quiet.length + busy.length;
    const q = p95(quietMs);
    const b = p95(busyMs);
    quietP95s.push(q);
    busyP95s.push(b);
    ratios.push(b / q);
    say(
      `round ${round}: quiet p95 ${q} ms (${quiet.length} presses), busy p95 ${b} ms (${busy.length} presses, ` +
        `notice delivered in ${(((completeAt ?? Date.now()) - committedAt) / 1000).toFixed(1)} s), ratio ${(b / q).toFixed(3)}` +
        `${quiet.length + busy.length > quietMs.length + busyMs.length ? `; UNANSWERED ${quiet.length + busy.length - quietMs.length - busyMs.length}` : ''}`,
    );
  });
} finally {
  await accord.stop();
  await fixture.close();
}

const ratio = median(ratios);
const figures = {
  rounds,
  members: MEMBERS,
  pressers: PRESSERS,
  presses: pressCount,
  ratio: round3(ratio),
  ratios: ratios.map(round3),
  quietP95Ms: round2(median(quietP95s)),
  busyP95Ms: round2(median(busyP95s)),
  unanswered,
};
say(
  `median: quiet p95 ${figures.quietP95Ms} ms, busy p95 ${figures.busyP95Ms} ms; median ratio ${ratio.toFixed(3)} ` +
    `(target ≤ ${targets.maxRatio}); unanswered ${unanswered}`,
);
finish('interactive', figures, targets, ratio <= targets.maxRatio && unanswered === targets.unanswered);
