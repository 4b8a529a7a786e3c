import { bootFromEnvironment } from './boot';

/** The worker on its own — the dispatcher and the scheduler: `npm run worker -w @accord/bot`. */
const { logger, db, runtime } = await bootFromEnvironment('worker');
const { dispatcher, scheduler } = runtime;
await dispatcher.start();
scheduler.start();
logger.info({ owner: dispatcher.owner }, 'worker running');
const shutdown = async () => {
  // In-flight sends finish and are recorded; what is left waits in the outbox for the next start.
  await Promise.all([dispatcher.stop(), scheduler.stop()]);
  await db.destroy();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
