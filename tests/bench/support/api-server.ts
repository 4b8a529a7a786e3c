/**
 * The API as `npm start` serves it (createApp on @hono/node-server, the same database settings),
 * for the API benchmarks. Only the per-person write limit is raised: the load generator is one
 * secretary sending thousands of casts a second, and the figure is the path, not the limiter.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, serveAccord } from '@accord/api';
import { createLogger } from '@accord/bot';
import { openDatabase } from '@accord/db';

const file = process.env.DATABASE_FILE;
if (!file) throw new Error('DATABASE_FILE is required');
const db = openDatabase({ file });
const app = createApp({
  db,
  clock: () => new Date(),
  logger: createLogger('warn', 'api'),
  sandboxMode: false,
  botUsername: 'accord_bench_bot',
  attachmentsDir: mkdtempSync(join(tmpdir(), 'accord-bench-attachments-')),
  secureCookies: false,
  rateLimits: { writesPerMinute: 1_000_000_000 },
});
const { server, port } = await serveAccord(app, { port: 0, hostname: '127.0.0.1' });
console.log(`listening on ${port}`);
process.once('SIGTERM', () => {
  server.close();
  void db.destroy().then(() => process.exit(0));
});
