import { sandboxClient } from './http';
import { type RunningProcess, startEntry, tempDatabaseFile } from './processes';

export interface RunningAccord {
  process: RunningProcess;
  /** The dashboard's and API's address. */
  url: string;
  /** The bundled Telegram sandbox's driver, over HTTP. */
  sandbox: ReturnType<typeof sandboxClient>;
}

/** Accord as `npm start` runs it (one process, sandbox Telegram, demo commission), on a fresh database. */
export async function startAccord(env: Record<string, string> = {}): Promise<RunningAccord> {
  const process = startEntry('apps/api/src/start.ts', {
    DATABASE_FILE: tempDatabaseFile(),
    PORT: '0',
    SANDBOX_PORT: '0',
    ...env,
  });
  const url = await process.waitForOutput(/Accord is running: (http:\/\/\S+)/);
  const sandbox = sandboxClient(await process.waitForOutput(/Telegram sandbox: (http:\/\/\S+)/));
  return { process, url, sandbox };
}
