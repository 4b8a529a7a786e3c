/**
 * The peer of bench:api-program: bare `node:http` and better-sqlite3 with cached statements,
 * answering `GET /api/programs/:id` with the program's activities, their milestones and
 * dependencies as JSON, on the same settings as `openDatabase` — no framework, no session.
 */
import { createServer } from 'node:http';
import SQLite from 'better-sqlite3';

const file = process.env.DATABASE_FILE;
if (!file) throw new Error('DATABASE_FILE is required');
const sqlite = new SQLite(file, { timeout: 5000 });
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
sqlite.pragma('foreign_keys = ON');

interface ActivityRow {
  id: number;
  [column: string]: unknown;
}
const program = sqlite.prepare('select * from programs where id = ?');
const activities = sqlite.prepare<[number], ActivityRow>(
  'select * from activities where program_id = ? order by start_date, id',
);
const milestones = sqlite.prepare<[number], { activity_id: number }>(
  'select m.* from milestones m join activities a on a.id = m.activity_id where a.program_id = ? order by m.date',
);
const dependencies = sqlite.prepare<[number], { activity_id: number; depends_on_id: number }>(
  'select d.* from activity_dependencies d join activities a on a.id = d.activity_id where a.program_id = ?',
);

const path = /^\/api\/programs\/(\d+)$/;
const server = createServer((req, res) => {
  const match = req.method === 'GET' ? path.exec(req.url ?? '') : null;
  if (!match) {
    res.writeHead(404).end();
    return;
  }
  const id = Number(match[1]);
  const byActivity = new Map<number, unknown[]>();
  for (const m of milestones.all(id))
    byActivity.set(m.activity_id, [...(byActivity.get(m.activity_id) ?? []), m]);
  const deps = new Map<number, number[]>();
  for (const d of dependencies.all(id))
    deps.set(d.activity_id, [...(deps.get(d.activity_id) ?? []), d.depends_on_id]);
  const body = JSON.stringify({
    program: program.get(id),
    activities: activities.all(id).map((a) => ({
      ...a,
      milestones: byActivity.get(a.id) ?? [],
      dependsOn: deps.get(a.id) ?? [],
    })),
  });
  res.writeHead(200, { 'content-type': 'application/json' }).end(body);
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
