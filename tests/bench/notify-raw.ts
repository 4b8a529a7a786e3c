/**
 * notify-raw: the notify broadcast with the sandbox's limits off and DISPATCH_RATE=1000, to show
 * how many messages a second the dispatcher itself can push (its headroom over Telegram's 30/s).
 * `npm run bench:notify-raw -- --rounds N` (default 5).
 */
import { runNoticeRound } from './support/notice-round';
import {
  finish,
  median,
  round2,
  roundsFromArgs,
  runRounds,
  say,
  TELEGRAM_SENDS_PER_SECOND,
} from './support/report';
import { pinBenchProcess } from './support/worker-process';

const MEMBERS = 1_000;
const DISPATCH_RATE = 1_000;
const rounds = roundsFromArgs(5);
const targets = { lost: 0, duplicated: 0 };

say(`notify-raw: ${MEMBERS} members, sandbox limits off, DISPATCH_RATE=${DISPATCH_RATE}, ${rounds} round(s)`);
say(pinBenchProcess());

const rates: number[] = [];
const steadyRates: number[] = [];
let lost = 0;
let duplicated = 0;
let peakRss = 0;
let incomplete = 0;
let workerErrors = 0;

await runRounds('notify-raw', targets, rounds, async (round) => {
  const r = await runNoticeRound({
    members: MEMBERS,
    limits: false,
    dispatchRate: DISPATCH_RATE,
    workerId: `bench-raw-${round}`,
  });
  const rate = r.count.sends / r.elapsedS;
  const steady = r.count.sends / r.firstToLastS;
  rates.push(rate);
  steadyRates.push(steady);
  lost += r.count.lost;
  duplicated += r.count.duplicated;
  peakRss = Math.max(peakRss, r.peakRssMb ?? Number.NaN);
  if (!r.complete) incomplete++;
  workerErrors += r.workerErrors;
  say(
    `round ${round}: ${r.complete ? '' : 'INCOMPLETE '}${r.count.sends} sends in ${r.elapsedS.toFixed(2)} s = ${rate.toFixed(0)} msg/s ` +
      `(first→last send ${steady.toFixed(0)} msg/s); lost ${r.count.lost}, duplicated ${r.count.duplicated}; ` +
      `worker peak RSS ${r.peakRssMb?.toFixed(1) ?? '?'} MB` +
      `${r.settled ? '' : '; outbox NOT settled'}${r.workerErrors > 0 ? `; worker logged ${r.workerErrors} errors` : ''}`,
  );
});

const rate = median(rates);
const figures = {
  rounds,
  members: MEMBERS,
  dispatchRate: DISPATCH_RATE,
  messagesPerSecond: round2(rate),
  perRound: rates.map(round2),
  firstToLastMessagesPerSecond: round2(median(steadyRates)),
  headroomOver30: round2(rate / TELEGRAM_SENDS_PER_SECOND),
  lost,
  duplicated,
  peakRssMb: round2(peakRss),
  incompleteRounds: incomplete,
  workerErrorLines: workerErrors,
};
say(
  `median ${rate.toFixed(0)} msg/s (enqueue commit → last member) = ${(rate / TELEGRAM_SENDS_PER_SECOND).toFixed(1)}× ` +
    `Telegram's 30/s; lost ${lost}, duplicated ${duplicated}`,
);
finish(
  'notify-raw',
  figures,
  targets,
  incomplete === 0 && lost === targets.lost && duplicated === targets.duplicated,
);
