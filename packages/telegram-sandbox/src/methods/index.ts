import {
  deleteMyCommands,
  getChat,
  getMe,
  getMyCommands,
  sendChatAction,
  setChatMenuButton,
  setMyCommands,
} from './bot';
import { answerCallbackQuery } from './callbacks';
import { sendDocument } from './documents';
import { deleteMessage, editMessageReplyMarkup, editMessageText, sendMessage } from './messages';
import type { BotApiMethod } from './method';
import { deleteWebhook, getUpdates, getWebhookInfo, setWebhook } from './updates';

export type { BotApiMethod } from './method';

const METHODS: Record<string, BotApiMethod> = {
  getMe,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  sendMessage,
  editMessageText,
  editMessageReplyMarkup,
  deleteMessage,
  sendDocument,
  answerCallbackQuery,
  sendChatAction,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  getChat,
  setChatMenuButton,
};

const BY_LOWER_NAME = new Map(
  Object.entries(METHODS).map(([name, run]) => [name.toLowerCase(), { name, run }]),
);

/** A method by name, with its canonical spelling: Bot API method names are case-insensitive. */
export function findBotApiMethod(name: string): { name: string; run: BotApiMethod } | undefined {
  return BY_LOWER_NAME.get(name.toLowerCase());
}
