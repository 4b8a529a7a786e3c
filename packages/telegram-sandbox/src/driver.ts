import type { SandboxContext } from './context';
import { detectEntities } from './entities';
import { resolveLimits } from './limits';
import { type ChatRecord, type NewGroup, type NewUser, type StoredMessage, unixTime } from './state';
import type { ChatMember, User } from './telegram-types';
import type {
  CallbackAnswer,
  CallRecord,
  ChatMessageView,
  ChatSummary,
  ChatView,
  InjectedFault,
  LedgerEntry,
  SandboxLimits,
  SandboxStats,
} from './types';
import { toChatSummary, toChatView, toMessageView } from './views';

const WAIT_INTERVAL_MS = 10;
const DEFAULT_WAIT_MS = 5000;

export interface SentUpdate {
  update_id: number;
  message_id: number;
}

export interface PressedButton {
  update_id: number;
  callbackQueryId: string;
}

/** Plays the users' side and reads what the bot did; in-process, synchronous where it can be. */
export interface SandboxDriver {
  /** Adds a user and their private chat (chat id = user id); adding again updates the names. */
  addUser(user: NewUser): void;
  /** Adds a group chat (negative id). */
  addGroup(group: NewGroup): void;
  /** The user writes `text` (in their private chat unless `chatId` names a group); entities as Telegram computes them. */
  sendText(userId: number, text: string, opts?: { chatId?: number }): SentUpdate;
  /** `/command args`; the leading slash is optional. */
  sendCommand(userId: number, command: string, args?: string, opts?: { chatId?: number }): SentUpdate;
  /** Presses an inline button; throws if the message has none with that callback_data. */
  pressButton(userId: number, chatId: number, messageId: number, callbackData: string): PressedButton;
  /** Presses the button whose text includes `buttonText` on the newest message that has one. */
  pressButtonByText(userId: number, chatId: number, buttonText: string): PressedButton;
  /** A callback query with any payload, as a forged client could send. */
  forgeCallback(userId: number, chatId: number, messageId: number, callbackData: string): PressedButton;
  /** Later sends to the user fail with 403; emits my_chat_member (kicked). */
  blockBot(userId: number): void;
  /** Emits my_chat_member (member) again. */
  unblockBot(userId: number): void;
  /** Queues the very same update (same update_id) again. */
  replayUpdate(updateId: number): void;
  calls(filter?: { method?: string; chatId?: number }): CallRecord[];
  /** The chat as it looks now; throws for a chat the sandbox does not know. */
  chat(chatId: number): ChatView;
  /** Every chat, for a sandbox-chats page. */
  chats(): ChatSummary[];
  lastBotMessage(chatId: number): ChatMessageView | undefined;
  callbackAnswer(callbackQueryId: string): CallbackAnswer | undefined;
  /** Every accepted sendMessage/sendDocument, in acceptance order. */
  ledger(): LedgerEntry[];
  stats(): SandboxStats;
  injectFault(fault: InjectedFault): void;
  /** Replaces the limits (missing ones take their defaults; `false` switches all off) and refills them. */
  setLimits(limits: Partial<SandboxLimits> | false): void;
  /** Resolves with the probe's first value other than undefined and false; polls every 10 ms. */
  waitFor<T>(probe: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  /** Forgets users, chats, updates, calls, ledger, faults and the webhook (update ids keep counting up). */
  reset(): void;
}

export function createDriver(ctx: SandboxContext): SandboxDriver {
  const { state, updates } = ctx;

  const userOrThrow = (userId: number): User => {
    const user = state.users.get(userId);
    if (user === undefined) throw new Error(`telegram-sandbox: unknown user ${userId}; call addUser first`);
    return user;
  };

  const chatOrThrow = (chatId: number): ChatRecord => {
    const record = state.chats.get(chatId);
    if (record === undefined) throw new Error(`telegram-sandbox: unknown chat ${chatId}`);
    return record;
  };

  const messageOrThrow = (chatId: number, messageId: number): StoredMessage => {
    const stored = chatOrThrow(chatId).messages.get(messageId);
    if (stored === undefined) throw new Error(`telegram-sandbox: no message ${messageId} in chat ${chatId}`);
    return stored;
  };

  /** Checks that the user can act in the chat: their own private chat, unblocked, or a group. */
  const actingUser = (userId: number, record: ChatRecord): User => {
    const user = userOrThrow(userId);
    if (record.chat.type === 'private') {
      if (record.chat.id !== userId) {
        throw new Error(
          `telegram-sandbox: user ${userId} cannot act in the private chat of ${record.chat.id}`,
        );
      }
      if (state.blocked.has(userId)) {
        throw new Error(`telegram-sandbox: user ${userId} blocked the bot; call unblockBot first`);
      }
    } else {
      record.memberIds.add(userId);
    }
    return user;
  };

  const emitCallback = (
    userId: number,
    chatId: number,
    stored: StoredMessage,
    data: string,
  ): PressedButton => {
    const user = actingUser(userId, chatOrThrow(chatId));
    const callbackQueryId = state.newCallbackQuery(Date.now());
    const update = updates.push({
      callback_query: {
        id: callbackQueryId,
        from: user,
        message: structuredClone(stored.message),
        chat_instance: String(1_000_000_000_000 + chatId),
        data,
      },
    });
    return { update_id: update.update_id, callbackQueryId };
  };

  const emitMembership = (userId: number, from: ChatMember['status'], to: ChatMember['status']): void => {
    const user = userOrThrow(userId);
    const chat = chatOrThrow(userId).chat;
    updates.push({
      my_chat_member: {
        chat,
        from: user,
        date: unixTime(),
        old_chat_member: { user: ctx.botUser, status: from },
        new_chat_member: { user: ctx.botUser, status: to, ...(to === 'kicked' ? { until_date: 0 } : {}) },
      },
    });
  };

  const sendText = (userId: number, text: string, opts: { chatId?: number } = {}): SentUpdate => {
    const record = chatOrThrow(opts.chatId ?? userId);
    const user = actingUser(userId, record);
    if (text === '') throw new Error('telegram-sandbox: Telegram does not send empty messages');
    const entities = detectEntities(text);
    const stored = state.appendMessage(
      record,
      (base) => ({
        message_id: base.message_id,
        from: user,
        chat: base.chat,
        date: base.date,
        text,
        ...(entities.length > 0 ? { entities } : {}),
      }),
      { from: 'user', userId },
    );
    const update = updates.push({ message: structuredClone(stored.message) });
    return { update_id: update.update_id, message_id: stored.message.message_id };
  };

  return {
    addUser: (user) => {
      state.addUser(user);
    },
    addGroup: (group) => {
      state.addGroup(group);
    },
    sendText,
    sendCommand: (userId, command, args, opts) => {
      const slashed = command.startsWith('/') ? command : `/${command}`;
      return sendText(userId, args === undefined || args === '' ? slashed : `${slashed} ${args}`, opts);
    },
    pressButton: (userId, chatId, messageId, callbackData) => {
      const stored = messageOrThrow(chatId, messageId);
      const keyboard = stored.message.reply_markup?.inline_keyboard ?? [];
      if (!keyboard.some((row) => row.some((button) => button.callback_data === callbackData))) {
        throw new Error(
          `telegram-sandbox: message ${messageId} in chat ${chatId} has no button with callback_data "${callbackData}"`,
        );
      }
      return emitCallback(userId, chatId, stored, callbackData);
    },
    pressButtonByText: (userId, chatId, buttonText) => {
      const newestFirst = [...chatOrThrow(chatId).messages.values()].reverse();
      for (const stored of newestFirst) {
        const button = stored.message.reply_markup?.inline_keyboard
          .flat()
          .find((candidate) => candidate.text.includes(buttonText) && candidate.callback_data !== undefined);
        if (button?.callback_data !== undefined) {
          return emitCallback(userId, chatId, stored, button.callback_data);
        }
      }
      throw new Error(
        `telegram-sandbox: no message in chat ${chatId} has a callback button with text "${buttonText}"`,
      );
    },
    forgeCallback: (userId, chatId, messageId, callbackData) =>
      emitCallback(userId, chatId, messageOrThrow(chatId, messageId), callbackData),
    blockBot: (userId) => {
      userOrThrow(userId);
      if (state.blocked.has(userId)) return;
      state.blocked.add(userId);
      emitMembership(userId, 'member', 'kicked');
    },
    unblockBot: (userId) => {
      userOrThrow(userId);
      if (!state.blocked.delete(userId)) return;
      emitMembership(userId, 'kicked', 'member');
    },
    replayUpdate: (updateId) => updates.replay(updateId),
    calls: (filter) => ctx.calls.list(filter),
    chat: (chatId) => toChatView(chatOrThrow(chatId)),
    chats: () => [...state.chats.values()].map(toChatSummary),
    lastBotMessage: (chatId) => {
      const newestFirst = [...chatOrThrow(chatId).messages.values()].reverse();
      const stored = newestFirst.find((candidate) => candidate.from === 'bot');
      return stored === undefined ? undefined : toMessageView(stored);
    },
    callbackAnswer: (callbackQueryId) => {
      const answer = state.callbacks.get(callbackQueryId)?.answer;
      return answer === undefined ? undefined : { ...answer };
    },
    ledger: () => ctx.ledger.list(),
    stats: () => ({
      accepted: ctx.ledger.size,
      rejected429: ctx.limiter.rejected,
      earlyAfter429: ctx.limiter.early,
      byMethod: ctx.calls.byMethod(),
    }),
    injectFault: (fault) => ctx.faults.add(fault),
    setLimits: (limits) => ctx.limiter.setLimits(resolveLimits(limits)),
    waitFor,
    reset: () => {
      state.reset();
      updates.reset();
      ctx.webhook.delete();
      ctx.calls.reset();
      ctx.ledger.reset();
      ctx.faults.reset();
      ctx.limiter.reset();
    },
  };
}

async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      // A probe may throw until the thing it reads exists; keep polling and report the last error.
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const source = probe.toString().replace(/\s+/g, ' ').slice(0, 200);
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(
        `telegram-sandbox: waitFor timed out after ${timeoutMs} ms waiting for ${source}${cause}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_INTERVAL_MS));
  }
}
