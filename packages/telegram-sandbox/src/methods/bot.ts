import { badRequest } from '../errors';
import { optionalJson, optionalString, requireChatId } from '../params';
import type { Params } from '../request-params';
import type { BotCommand } from '../telegram-types';
import type { BotApiMethod } from './method';
import { targetChat } from './target-chat';

export const getMe: BotApiMethod = (ctx) => ctx.botInfo;

export const getChat: BotApiMethod = (ctx, params) => {
  const record = ctx.state.chats.get(requireChatId(params));
  if (record === undefined) throw badRequest('chat not found');
  return { ...record.chat, accent_color_id: 0, max_reaction_count: 11 };
};

/** Checks the chat like a send does (403 once blocked) but is neither stored nor limited. */
export const sendChatAction: BotApiMethod = (ctx, params) => {
  targetChat(ctx, params);
  if (optionalString(params, 'action') === undefined) throw badRequest('parameter "action" is required');
  return true;
};

export const setMyCommands: BotApiMethod = (ctx, params) => {
  const commands = optionalJson(params, 'commands');
  if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
  ctx.state.commands.set(commandsKey(params), commands.map(readCommand));
  return true;
};

export const getMyCommands: BotApiMethod = (ctx, params) => ctx.state.commands.get(commandsKey(params)) ?? [];

export const deleteMyCommands: BotApiMethod = (ctx, params) => {
  ctx.state.commands.delete(commandsKey(params));
  return true;
};

export const setChatMenuButton: BotApiMethod = () => true;

/** Commands are kept per scope and language, as Telegram keeps them. */
function commandsKey(params: Params): string {
  const scope = optionalJson(params, 'scope');
  const language = optionalString(params, 'language_code') ?? '';
  return `${JSON.stringify(scope ?? { type: 'default' })}|${language}`;
}

function readCommand(value: unknown): BotCommand {
  const fields: Record<string, unknown> = typeof value === 'object' && value !== null ? { ...value } : {};
  const { command, description } = fields;
  if (typeof command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command)) {
    throw badRequest('BOT_COMMAND_INVALID');
  }
  if (typeof description !== 'string' || description.length === 0 || description.length > 256) {
    throw badRequest('command description must be non-empty');
  }
  return { command, description };
}
