/**
 * api-program and api-program-cached: `GET /api/programs/:id` with 500 activities through the
 * whole API (session, role, validation, Kysely, the summary, JSON) against a bare `node:http`
 * server reading the same rows with cached better-sqlite3 statements; and the API's
 * `If-None-Match` path (304) against its own full path. Each server is its own process on its own
 * copy of the data, pinned to the same core; the same autocannon load from this process,
 * interleaved; each figure is the median of the rounds' ratios.
 * `npm run bench:api-program [-- --rounds N]` prints both figures; `bench:api-program-cached`
 * holds only the second to its target.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import autocannon from 'autocannon';
import { type RunningProcess, startEntry, tempDatabaseFile } from '../support/processes';
import { prepareProgramDatabase } from './support/program-fixture';
import { finish, median, round2, round3, roundsFromArgs, runRounds, say } from './support/report';
import { pinBenchProcess, pinToWorkerCore } from './support/worker-process';

const rounds = roundsFromArgs(5);
const cachedOnly = process.argv.includes('--cached');
const ACTIVITIES = 500;
const CONNECTIONS = 10;
const SECONDS = 4;
const WARM_UP_SECONDS = 2;
const targets = cachedOnly ? { minCachedRatio: 5, errors: 0 } : { minRatio: 0.75, errors: 0 };

say(
  `api-program: ${ACTIVITIES} activities, ${CONNECTIONS} connections, ${SECONDS} s a run, ${rounds} round(s)`,
);
say(pinBenchProcess());

interface Server {
  url: string;
  cookie: string;
  programId: number;
  process: RunningProcess;
  file: string;
}

async function startServer(entry: string): Promise<Server> {
  const file = tempDatabaseFile();
  const { cookie, programId } = await prepareProgramDatabase(file, ACTIVITIES);
  const process = startEntry(entry, { DATABASE_FILE: file });
  const port = await process.waitForOutput(/listening on (\d+)/);
  if (process.child.pid !== undefined) pinToWorkerCore(process.child.pid);
  return { url: `http://127.0.0.1:${port}`, cookie, programId, process, file };
}

async function load(server: Server, seconds: number, etag?: string) {
  const result = await autocannon({
    url: `${server.url}/api/programs/${server.programId}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { cookie: server.cookie, ...(etag ? { 'if-none-match': etag } : {}) },
  });
  return {
    perSecond: result.requests.average,
    errors: result.errors + result.timeouts + result.non2xx - (etag ? (result['3xx'] ?? 0) : 0),
  };
}

const api = await startServer('tests/bench/support/api-server.ts');
const bare = await startServer('tests/bench/support/bare-program-server.ts');
const first = await fetch(`${api.url}/api/programs/${api.programId}`, { headers: { cookie: api.cookie } });
const etag = first.headers.get('etag') ?? '';
const bytes = (await first.arrayBuffer()).byteLength;
say(`the program's JSON: ${(bytes / 1024).toFixed(0)} kB, ETag ${etag}`);
const rates = { full: [] as number[], bare: [] as number[], cached: [] as number[] };
const ratios: number[] = [];
const cachedRatios: number[] = [];
let errors = 0;
try {
  await load(api, WARM_UP_SECONDS);
  await load(bare, WARM_UP_SECONDS);
  await load(api, WARM_UP_SECONDS, etag);
  await runRounds('api-program', targets, rounds, async (round) => {
    const runs =
      round % 2 === 1
        ? ([
            ['full', api, undefined],
            ['bare', bare, undefined],
            ['cached', api, etag],
          ] as const)
        : ([
            ['cached', api, etag],
            ['bare', bare, undefined],
            ['full', api, undefined],
          ] as const);
    const got: Partial<Record<keyof typeof rates, number>> = {};
    for (const [name, server, tag] of runs) {
      const r = await load(server, SECONDS, tag);
      got[name] = r.perSecond;
      rates[name].push(r.perSecond);
      errors += r.errors;
    }
    const ratio = (got.full ?? 0) / (got.bare ?? Number.NaN);
    const cachedRatio = (got.cached ?? 0) / (got.full ?? Number.NaN);
    ratios.push(ratio);
    cachedRatios.push(cachedRatio);
    say(
      `round ${round}: full ${got.full?.toFixed(0)}/s, bare ${got.bare?.toFixed(0)}/s (ratio ${ratio.toFixed(3)}); ` +
        `304 ${got.cached?.toFixed(0)}/s (× ${cachedRatio.toFixed(2)} the full path)`,
    );
  });
} finally {
  for (const server of [api, bare]) {
    await server.process.stop();
    rmSync(dirname(server.file), { recursive: true, force: true });
  }
}

const figures = {
  rounds,
  activities: ACTIVITIES,
  responseKb: round2(bytes / 1024),
  ratio: round3(median(ratios)),
  cachedRatio: round2(median(cachedRatios)),
  fullPerSecond: round2(median(rates.full)),
  barePerSecond: round2(median(rates.bare)),
  cachedPerSecond: round2(median(rates.cached)),
  errors,
};
say(
  `median: full ${figures.fullPerSecond}/s, bare ${figures.barePerSecond}/s, ratio ${figures.ratio} (target ≥ 0.75); ` +
    `304 path ${figures.cachedPerSecond}/s, ${figures.cachedRatio} × the full path (target ≥ 5); errors ${errors}`,
);
const pass = cachedOnly ? figures.cachedRatio >= 5 && errors === 0 : figures.ratio >= 0.75 && errors === 0;
finish(cachedOnly ? 'api-program-cached' : 'api-program', figures, targets, pass);
