/**
 * notify-crash: the notify broadcast with the worker killed (`kill -9`) at about 500 sends and
 * restarted at once with the same WORKER_ID. Per round: (enqueue commit → every member in the
 * ledger) minus the restart (kill → the new process's 'worker running' log line), ÷ the floor.
 * `npm run bench:notify-crash -- --rounds N` (default 3).
 */
import { DeliveryWatch } from './support/deliveries';
import { outboxStates, prepareNotice, waitForOutboxSettled } from './support/fixture';
import { roundDeadlineMs } from './support/notice-round';
import {
  finish,
  median,
  round2,
  round3,
  roundsFromArgs,
  runRounds,
  say,
  TELEGRAM_SENDS_PER_SECOND,
} from './support/report';
import {
  peakRssMb,
  pinBenchProcess,
  startWorker,
  stopWorker,
  workerErrorLines,
} from './support/worker-process';

const MEMBERS = 1_000;
const KILL_AT_SENDS = 500;
/** The dispatcher's default concurrency: the most rows a crash can leave in doubt. */
const CONCURRENCY = 8;
const rounds = roundsFromArgs(3);
const targets = {
  maxRatio: 1.2,
  lost: 0,
  duplicatesNotInDoubt: 0,
  maxDuplicatedPerRound: CONCURRENCY,
  resentAfterSent: 0,
};

interface CrashRound {
  complete: boolean;
  elapsedS: number;
  restartS: number;
  /** Kill → the restarted process's first accepted send. */
  killToFirstSendS: number | null;
  floorS: number;
  sends: number;
  sendsAtKill: number;
  inDoubt: number;
  sentAtKill: number;
  lost: number;
  duplicated: number;
  duplicatesNotInDoubt: number;
  resentAfterSent: number;
  rejected429: number;
  earlyAfter429: number;
  peakRssMb: number;
  settled: boolean;
  /** Error-level lines from both processes. */
  workerErrors: number;
}

async function crashRound(round: number): Promise<CrashRound> {
  const fixture = await prepareNotice({ members: MEMBERS });
  const workerOptions = {
    databaseFile: fixture.file,
    sandboxUrl: fixture.sandbox.url,
    token: fixture.sandbox.token,
    workerId: `bench-crash-${round}`,
  };
  try {
    const first = await startWorker(workerOptions);
    await new Promise((r) => setTimeout(r, 500));
    const watch = new DeliveryWatch(fixture.sandbox, fixture.memberChatIds);
    const committedAt = await fixture.enqueueNotice();
    const deadlineMs = roundDeadlineMs(MEMBERS);
    if (!(await watch.waitForSends(KILL_AT_SENDS, deadlineMs))) {
      await stopWorker(first);
      throw new Error(`the first worker never reached ${KILL_AT_SENDS} sends`);
    }
    const firstRss = peakRssMb(first.pid) ?? Number.NaN;
    const killedAt = Date.now();
    first.process.child.kill('SIGKILL');
    await first.process.stop();

    // Right after the kill, before the new process releases the old leases.
    const sendsAtKill = watch.size;
    const atKill = await outboxStates(fixture.db);
    const inDoubt = new Set(atKill.filter((r) => r.state === 'sending').map((r) => r.telegram_user_id));
    const sentAtKill = new Set(atKill.filter((r) => r.state === 'sent').map((r) => r.telegram_user_id));

    const second = await startWorker(workerOptions);
    try {
      const completeAt = await watch.waitForEveryMember(deadlineMs - (Date.now() - committedAt));
      const settled = await waitForOutboxSettled(fixture.db, 30_000);
      const secondRss = peakRssMb(second.pid) ?? Number.NaN;
      const count = watch.count();
      const stats = fixture.sandbox.driver.stats();
      const afterKill = fixture.sandbox.driver.ledger().slice(sendsAtKill);
      return {
        complete: completeAt !== null,
        elapsedS: ((completeAt ?? committedAt + deadlineMs) - committedAt) / 1000,
        restartS: (second.readyAt - killedAt) / 1000,
        killToFirstSendS: afterKill[0] ? (afterKill[0].at - killedAt) / 1000 : null,
        floorS: count.sends / TELEGRAM_SENDS_PER_SECOND,
        sends: count.sends,
        sendsAtKill,
        inDoubt: inDoubt.size,
        sentAtKill: sentAtKill.size,
        lost: count.lost,
        duplicated: count.duplicated,
        duplicatesNotInDoubt: count.duplicatedChats.filter((chat) => !inDoubt.has(chat)).length,
        resentAfterSent: afterKill.filter((e) => sentAtKill.has(e.chatId)).length,
        rejected429: stats.rejected429,
        earlyAfter429: stats.earlyAfter429,
        peakRssMb: Math.max(firstRss, secondRss),
        settled,
        workerErrors: workerErrorLines(first) + workerErrorLines(second),
      };
    } finally {
      await stopWorker(second);
    }
  } finally {
    await fixture.close();
  }
}

say(
  `notify-crash: ${MEMBERS} members, sandbox limits on, worker killed (SIGKILL) at ${KILL_AT_SENDS} sends ` +
    `and restarted with the same WORKER_ID, ${rounds} round(s)`,
);
say('restart = kill → the new process logs "worker running" (LOG_LEVEL=info; its pino `time` field)');
say(pinBenchProcess());

const results = await runRounds('notify-crash', targets, rounds, async (round) => {
  const r = await crashRound(round);
  const ratio = (r.elapsedS - r.restartS) / r.floorS;
  say(
    `round ${round}: ${r.complete ? '' : 'INCOMPLETE '}elapsed ${r.elapsedS.toFixed(2)} s − restart ${r.restartS.toFixed(2)} s ` +
      `(first send after kill at +${r.killToFirstSendS?.toFixed(2) ?? '?'} s) = ${(r.elapsedS - r.restartS).toFixed(2)} s, ` +
      `floor ${r.floorS.toFixed(2)} s (${r.sends} sends), ratio ${ratio.toFixed(3)}`,
  );
  say(
    `  at kill: ${r.sendsAtKill} in ledger, ${r.sentAtKill} rows sent, ${r.inDoubt} sending; lost ${r.lost}, ` +
      `duplicated ${r.duplicated} (${r.duplicatesNotInDoubt} not in doubt), resent after sent ${r.resentAfterSent}; ` +
      `429s ${r.rejected429}, early after 429 ${r.earlyAfter429}; worker peak RSS ${r.peakRssMb.toFixed(1)} MB` +
      `${r.settled ? '' : '; outbox NOT settled'}${r.workerErrors > 0 ? `; workers logged ${r.workerErrors} errors` : ''}`,
  );
  return r;
});

const ratios = results.map((r) => (r.elapsedS - r.restartS) / r.floorS);
const sum = (pick: (r: CrashRound) => number) => results.reduce((n, r) => n + pick(r), 0);
const ratio = median(ratios);
const maxDuplicatedPerRound = Math.max(...results.map((r) => r.duplicated));
const figures = {
  rounds,
  members: MEMBERS,
  killAtSends: KILL_AT_SENDS,
  ratio: round3(ratio),
  ratios: ratios.map(round3),
  elapsedS: round2(median(results.map((r) => r.elapsedS))),
  restartS: round2(median(results.map((r) => r.restartS))),
  floorS: round2(median(results.map((r) => r.floorS))),
  lost: sum((r) => r.lost),
  duplicated: sum((r) => r.duplicated),
  maxDuplicatedPerRound,
  inDoubtAtKill: results.map((r) => r.inDoubt),
  duplicatesNotInDoubt: sum((r) => r.duplicatesNotInDoubt),
  resentAfterSent: sum((r) => r.resentAfterSent),
  rejected429: sum((r) => r.rejected429),
  earlyAfter429: sum((r) => r.earlyAfter429),
  peakRssMb: round2(Math.max(...results.map((r) => r.peakRssMb))),
  incompleteRounds: results.filter((r) => !r.complete).length,
  workerErrorLines: sum((r) => r.workerErrors),
};
say(
  `median ratio ${ratio.toFixed(3)} (target ≤ ${targets.maxRatio}); lost ${figures.lost}; duplicated ${figures.duplicated} ` +
    `(most in a round ${maxDuplicatedPerRound}, ≤ ${CONCURRENCY}; not in doubt ${figures.duplicatesNotInDoubt}); ` +
    `resent after sent ${figures.resentAfterSent}`,
);
finish(
  'notify-crash',
  figures,
  targets,
  figures.incompleteRounds === 0 &&
    ratio <= targets.maxRatio &&
    figures.lost === targets.lost &&
    figures.duplicatesNotInDoubt === targets.duplicatesNotInDoubt &&
    maxDuplicatedPerRound <= targets.maxDuplicatedPerRound &&
    figures.resentAfterSent === targets.resentAfterSent,
);
