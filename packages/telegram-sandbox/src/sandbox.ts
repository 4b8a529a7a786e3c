import { createContext } from './context';
import { createDriver, type SandboxDriver } from './driver';
import { createApp, listen } from './server';
import type { BotInfo } from './telegram-types';
import type { SandboxOptions } from './types';

export interface Sandbox {
  /** 'http://127.0.0.1:PORT', no trailing slash: grammY's `client.apiRoot`. */
  url: string;
  port: number;
  token: string;
  /** For `new Bot(token, { botInfo, client: { apiRoot: url } })`. */
  botInfo: BotInfo;
  driver: SandboxDriver;
  /** Ends pending long polls and webhook deliveries, then closes the server. */
  close(): Promise<void>;
}

/** Starts a local stand-in for the Telegram Bot API on 127.0.0.1. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const ctx = createContext(options);
  const driver = createDriver(ctx);
  const server = await listen(createApp(ctx, driver), options.port ?? 0);
  return {
    url: `http://127.0.0.1:${server.port}`,
    port: server.port,
    token: ctx.token,
    botInfo: ctx.botInfo,
    driver,
    close: async () => {
      ctx.updates.close();
      ctx.webhook.delete();
      await server.close();
    },
  };
}
