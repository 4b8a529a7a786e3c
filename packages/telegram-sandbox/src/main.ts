import { startSandbox } from './sandbox';

// Standalone: `node --import tsx packages/telegram-sandbox/src/main.ts` (PORT, default 8081).
const port = Number(process.env.PORT ?? 8081);
const sandbox = await startSandbox({
  port,
  ...(process.env.SANDBOX_TOKEN ? { token: process.env.SANDBOX_TOKEN } : {}),
});
console.log(`Telegram sandbox listening on ${sandbox.url}`);
console.log(
  `token: ${sandbox.token}  (Bot API: ${sandbox.url}/bot${sandbox.token}/getMe, driver: ${sandbox.url}/sandbox/stats)`,
);

const shutdown = (): void => {
  void sandbox.close().then(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
