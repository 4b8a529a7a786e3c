/**
 * The peer of bench:api-vote: bare `node:http` and better-sqlite3 with cached statements, doing a
 * cast's writes (the state's live vote superseded, the new one inserted, the audit row the API
 * writes with it) in one transaction, on the same settings as `openDatabase` (WAL,
 * synchronous=NORMAL, foreign keys, busy timeout).
 */
import { createServer } from 'node:http';
import SQLite from 'better-sqlite3';

const file = process.env.DATABASE_FILE;
if (!file) throw new Error('DATABASE_FILE is required');
const sqlite = new SQLite(file, { timeout: 5000 });
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
sqlite.pragma('foreign_keys = ON');

const supersede = sqlite.prepare(
  'update votes set superseded_at = ? where ballot_id = ? and state_code = ? and superseded_at is null',
);
const insert = sqlite.prepare(
  `insert into votes (ballot_id, state_code, person_id, choice, channel, reference, comment, cast_at)
   values (?, ?, null, ?, ?, ?, null, ?)`,
);
const audit = sqlite.prepare(
  `insert into audit_events (at, actor_person_id, actor_kind, action, record_type, record_id, before, after)
   values (?, null, 'person', 'vote.record', 'ballot', ?, null, ?)`,
);
const cast = sqlite.transaction(
  (ballotId: number, v: { stateCode: string; choice: string; channel: string; reference: string }) => {
    const now = new Date().toISOString();
    supersede.run(now, ballotId, v.stateCode);
    insert.run(ballotId, v.stateCode, v.choice, v.channel, v.reference, now);
    audit.run(now, String(ballotId), JSON.stringify(v));
  },
);

const path = /^\/api\/ballots\/(\d+)\/votes$/;
const server = createServer((req, res) => {
  const match = req.method === 'POST' ? path.exec(req.url ?? '') : null;
  if (!match) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    try {
      cast(Number(match[1]), JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"recorded":true}');
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad vote"}');
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening on ${typeof address === 'object' && address ? address.port : '?'}`);
});
process.once('SIGTERM', () => {
  server.close();
  sqlite.close();
  process.exit(0);
});
