/**
 * The Telegram sandbox's driver, reached over its HTTP face (`/sandbox/*`) and never imported:
 * the API may run in another process than the sandbox, and the bot cannot tell these users'
 * updates from Telegram's. Types here are the driver's JSON, as far as the Chats page reads it.
 */

export interface SandboxEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
}

export interface SandboxButton {
  text: string;
  callback_data?: string;
  url?: string;
}

export interface SandboxMessage {
  message_id: number;
  from: 'bot' | 'user';
  userId?: number;
  text?: string;
  caption?: string;
  entities?: SandboxEntity[];
  buttons: SandboxButton[][];
  /** `content` is base64. */
  document?: { file_name: string; mime_type?: string; content: string };
  edited: boolean;
  date: number;
}

export interface SandboxChat {
  id: number;
  type: 'private' | 'group';
  title?: string;
  messages: SandboxMessage[];
}

export interface SandboxChatSummary {
  id: number;
  type: 'private' | 'group';
  title: string;
  messageCount: number;
}

/** The sandbox could not be reached, or answered something other than its driver's JSON. */
export class SandboxUnavailableError extends Error {
  override readonly name = 'SandboxUnavailableError';
}

/** The driver refused the action (an unknown message, a button the message does not have, a blocked bot). */
export class SandboxRefusedError extends Error {
  override readonly name = 'SandboxRefusedError';
}

const TIMEOUT_MS = 5_000;

/** A client for the sandbox's driver at `baseUrl` (the sandbox's URL, no trailing slash). */
export function createSandboxDriverClient(baseUrl: string) {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T | undefined> {
    let res: Response;
    try {
      res = await fetch(`${baseUrl}/sandbox${path}`, {
        method,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        ...(body === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new SandboxUnavailableError(
        `The Telegram sandbox cannot be reached: ${(error as Error).message}`,
      );
    }
    const json = (await res.json().catch(() => undefined)) as { error?: unknown } | undefined;
    if (res.status === 404) return undefined;
    if (res.status === 400) throw new SandboxRefusedError(String(json?.error ?? 'refused'));
    if (!res.ok || json === undefined)
      throw new SandboxUnavailableError(`The Telegram sandbox answered ${res.status}`);
    return json as T;
  }

  return {
    chats: async () => (await call<SandboxChatSummary[]>('GET', '/chats')) ?? [],
    /** The chat as it looks now, or undefined when the sandbox has never seen it. */
    chat: (chatId: number) => call<SandboxChat>('GET', `/chats/${chatId}`),
    /** Adds the user and their private chat, or updates their names: safe to repeat. */
    addUser: async (user: { id: number; first_name: string; language_code: string }) => {
      await call('POST', '/users', user);
    },
    sendText: async (userId: number, text: string, chatId?: number) =>
      (await call<{ update_id: number; message_id: number }>('POST', '/messages', {
        userId,
        text,
        ...(chatId === undefined ? {} : { chatId }),
      })) as { update_id: number; message_id: number },
    press: async (userId: number, chatId: number, messageId: number, callbackData: string) =>
      (await call<{ update_id: number; callbackQueryId: string }>('POST', '/press', {
        userId,
        chatId,
        messageId,
        callbackData,
      })) as { update_id: number; callbackQueryId: string },
    /** The bot's answer to a button press (its toast or alert), once the bot has given it. */
    callbackAnswer: async (callbackQueryId: string) => {
      const calls =
        (await call<Array<{ ok: boolean; params: Record<string, unknown> }>>(
          'GET',
          '/calls?method=answerCallbackQuery',
        )) ?? [];
      const answer = calls.find((c) => c.ok && String(c.params.callback_query_id) === callbackQueryId);
      if (!answer) return undefined;
      const text = answer.params.text;
      return {
        text: typeof text === 'string' ? text : '',
        showAlert: answer.params.show_alert === true || answer.params.show_alert === 'true',
      };
    },
  };
}

export type SandboxDriverClient = ReturnType<typeof createSandboxDriverClient>;
