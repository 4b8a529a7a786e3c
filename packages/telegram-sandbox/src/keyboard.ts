import { badRequest } from './errors';
import { optionalJson } from './params';
import type { Params } from './request-params';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from './telegram-types';

const MAX_CALLBACK_DATA_BYTES = 64;
const BUTTON_ACTIONS = [
  'callback_data',
  'url',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
];

/**
 * The inline keyboard of a `reply_markup`, validated as Telegram does. Reply keyboards and
 * `remove_keyboard` / `force_reply` are accepted but not part of the message, so they give
 * undefined.
 */
export function readInlineKeyboard(params: Params): InlineKeyboardMarkup | undefined {
  const markup = optionalJson(params, 'reply_markup');
  if (markup === undefined) return undefined;
  if (typeof markup !== 'object' || markup === null || Array.isArray(markup)) {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
  if (!('inline_keyboard' in markup)) return undefined;
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row))) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  }
  return { inline_keyboard: rows.map((row: unknown[]) => row.map(readButton)) };
}

/** Two keyboards are the same when their buttons are; `readButton` fixes each button's key order. */
export function sameKeyboard(
  a: InlineKeyboardMarkup | undefined,
  b: InlineKeyboardMarkup | undefined,
): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function readButton(value: unknown): InlineKeyboardButton {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
  }
  const button = value as Record<string, unknown>;
  if (typeof button.text !== 'string') {
    throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
  }
  if (!BUTTON_ACTIONS.some((action) => button[action] !== undefined)) {
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  }
  const data = button.callback_data;
  if (data !== undefined) {
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : 0;
    if (bytes === 0 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest('BUTTON_DATA_INVALID');
  }
  if (button.url !== undefined && !isButtonUrl(button.url)) throw badRequest('BUTTON_URL_INVALID');
  const rest = Object.keys(button)
    .filter((key) => key !== 'text' && button[key] !== undefined && button[key] !== null)
    .sort()
    .map((key) => [key, button[key]]);
  return { text: button.text, ...Object.fromEntries(rest) };
}

function isButtonUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    return ['http:', 'https:', 'tg:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
