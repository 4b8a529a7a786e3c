/**
 * notify: a meeting notice to 1,000 members through the outbox, the sandbox's limits on.
 * Per round: enqueue commit → every member in the ledger, ÷ the floor (ledger sends ÷ 30/s).
 * `npm run bench:notify -- --rounds N` (default 5).
 */
import { runNoticeRound } from './support/notice-round';
import { finish, median, round2, round3, roundsFromArgs, runRounds, say } from './support/report';
import { pinBenchProcess } from './support/worker-process';

const MEMBERS = 1_000;
const rounds = roundsFromArgs(5);
const targets = { maxRatio: 1.1, lost: 0, duplicated: 0, earlyAfter429: 0, maxPeakRssMb: 250 };

say(
  `notify: ${MEMBERS} members, sandbox limits on (30/s burst 30, 1/s per chat burst 3), ${rounds} round(s)`,
);
say(pinBenchProcess());

const ratios: number[] = [];
const elapsed: number[] = [];
const floors: number[] = [];
let lost = 0;
let duplicated = 0;
let rejected429 = 0;
let earlyAfter429 = 0;
let peakRss = 0;
let incomplete = 0;
let workerErrors = 0;

await runRounds('notify', targets, rounds, async (round) => {
  const r = await runNoticeRound({ members: MEMBERS, workerId: `bench-notify-${round}` });
  const ratio = r.elapsedS / r.floorS;
  ratios.push(ratio);
  elapsed.push(r.elapsedS);
  floors.push(r.floorS);
  lost += r.count.lost;
  duplicated += r.count.duplicated;
  rejected429 += r.stats.rejected429;
  earlyAfter429 += r.stats.earlyAfter429;
  peakRss = Math.max(peakRss, r.peakRssMb ?? Number.NaN);
  if (!r.complete) incomplete++;
  workerErrors += r.workerErrors;
  say(
    `round ${round}: ${r.complete ? '' : 'INCOMPLETE '}elapsed ${r.elapsedS.toFixed(2)} s, floor ${r.floorS.toFixed(2)} s ` +
      `(${r.count.sends} sends), ratio ${ratio.toFixed(3)}; lost ${r.count.lost}, duplicated ${r.count.duplicated}; ` +
      `429s ${r.stats.rejected429}, early after 429 ${r.stats.earlyAfter429}; worker peak RSS ${r.peakRssMb?.toFixed(1) ?? '?'} MB` +
      `${r.settled ? '' : '; outbox NOT settled'}${r.workerErrors > 0 ? `; worker logged ${r.workerErrors} errors` : ''}`,
  );
});

const ratio = median(ratios);
const figures = {
  rounds,
  members: MEMBERS,
  ratio: round3(ratio),
  ratios: ratios.map(round3),
  elapsedS: round2(median(elapsed)),
  floorS: round2(median(floors)),
  lost,
  duplicated,
  rejected429,
  earlyAfter429,
  peakRssMb: round2(peakRss),
  incompleteRounds: incomplete,
  workerErrorLines: workerErrors,
};
say(
  `median ratio ${ratio.toFixed(3)} (target ≤ ${targets.maxRatio}); lost ${lost}, duplicated ${duplicated}, ` +
    `429s ${rejected429}, early after 429 ${earlyAfter429} (all rounds); worker peak RSS ${peakRss.toFixed(1)} MB (≤ ${targets.maxPeakRssMb})`,
);
finish(
  'notify',
  figures,
  targets,
  incomplete === 0 &&
    ratio <= targets.maxRatio &&
    lost === targets.lost &&
    duplicated === targets.duplicated &&
    earlyAfter429 === targets.earlyAfter429 &&
    peakRss <= targets.maxPeakRssMb,
);
