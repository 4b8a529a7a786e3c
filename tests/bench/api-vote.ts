/**
 * api-vote: the secretary records a state's vote, `POST /api/ballots/:id/votes`, through the whole
 * API (session, role, validation, the ballot's rules, the write and its audit row in one
 * transaction), against a bare `node:http` server doing the cast's writes with cached better-sqlite3
 * statements. Each server is its own process on its own SQLite file, pinned to the same core; the
 * same autocannon load from this process, interleaved A B, B A, …; the figure is the median of the
 * rounds' ratios. `npm run bench:api-vote -- --rounds N` (default 5, about 1 min).
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { MEMBER_STATE_CODES } from '@accord/domain';
import autocannon from 'autocannon';
import { type RunningProcess, startEntry, tempDatabaseFile } from '../support/processes';
import { finish, median, round2, round3, roundsFromArgs, runRounds, say } from './support/report';
import { prepareVoteDatabase } from './support/vote-fixture';
import { pinBenchProcess, pinToWorkerCore } from './support/worker-process';

const rounds = roundsFromArgs(5);
const CONNECTIONS = 10;
const SECONDS = 5;
const WARM_UP_SECONDS = 2;
const targets = { minRatio: 0.5, errors: 0, non2xx: 0 };

say(
  `api-vote: ${CONNECTIONS} connections, ${SECONDS} s a run, ${rounds} round(s) of API and bare, interleaved`,
);
say(pinBenchProcess());

interface Server {
  name: 'api' | 'bare';
  url: string;
  cookie: string;
  ballotId: number;
  process: RunningProcess;
  file: string;
}

async function startServer(name: Server['name'], entry: string): Promise<Server> {
  const file = tempDatabaseFile();
  const { cookie, ballotId } = await prepareVoteDatabase(file);
  const process = startEntry(entry, { DATABASE_FILE: file });
  const port = await process.waitForOutput(/listening on (\d+)/);
  if (process.child.pid !== undefined) pinToWorkerCore(process.child.pid);
  return { name, url: `http://127.0.0.1:${port}`, cookie, ballotId, process, file };
}

/** Casts rotate through the six states and the three choices, so every one supersedes a live vote. */
function load(server: Server, seconds: number) {
  let n = 0;
  return autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: `/api/ballots/${server.ballotId}/votes`,
        headers: { 'content-type': 'application/json', cookie: server.cookie },
        setupRequest: (request) => {
          n++;
          const body = {
            stateCode: MEMBER_STATE_CODES[n % MEMBER_STATE_CODES.length],
            choice: (['for', 'against', 'abstain'] as const)[Math.floor(n / 6) % 3],
            channel: 'letter',
            reference: `No. ${n}`,
          };
          return { ...request, body: JSON.stringify(body) };
        },
      },
    ],
  });
}

const api = await startServer('api', 'tests/bench/support/api-server.ts');
const bare = await startServer('bare', 'tests/bench/support/bare-vote-server.ts');
const rates: Record<Server['name'], number[]> = { api: [], bare: [] };
const ratios: number[] = [];
let errors = 0;
let non2xx = 0;
try {
  for (const server of [api, bare]) await load(server, WARM_UP_SECONDS);
  await runRounds('api-vote', targets, rounds, async (round) => {
    const order = round % 2 === 1 ? [api, bare] : [bare, api];
    const perSecond: Partial<Record<Server['name'], number>> = {};
    for (const server of order) {
      const result = await load(server, SECONDS);
      perSecond[server.name] = result.requests.average;
      rates[server.name].push(result.requests.average);
      errors += result.errors + result.timeouts;
      non2xx += result.non2xx;
    }
    const ratio = (perSecond.api ?? 0) / (perSecond.bare ?? Number.NaN);
    ratios.push(ratio);
    say(
      `round ${round}: API ${perSecond.api?.toFixed(0)} casts/s, bare ${perSecond.bare?.toFixed(0)} casts/s, ratio ${ratio.toFixed(3)}`,
    );
  });
} finally {
  for (const server of [api, bare]) {
    await server.process.stop();
    rmSync(dirname(server.file), { recursive: true, force: true });
  }
}

const ratio = median(ratios);
const figures = {
  rounds,
  connections: CONNECTIONS,
  seconds: SECONDS,
  ratio: round3(ratio),
  ratios: ratios.map(round3),
  apiPerSecond: round2(median(rates.api)),
  barePerSecond: round2(median(rates.bare)),
  errors,
  non2xx,
};
say(
  `median: API ${figures.apiPerSecond} casts/s, bare ${figures.barePerSecond} casts/s; ` +
    `median ratio ${ratio.toFixed(3)} (target ≥ ${targets.minRatio}); errors ${errors}, non-2xx ${non2xx}`,
);
finish('api-vote', figures, targets, ratio >= targets.minRatio && errors === 0 && non2xx === 0);
