import { sortEntities } from './html';
import type { MessageEntity } from './telegram-types';

// Telegram marks these in what users write. Offsets are UTF-16 units, which is how JS indexes strings.
// A match must start a word: not preceded by a letter, digit, '_' or the marker itself.
const URL_PATTERN = /(?<![\w@/.])https?:\/\/[^\s<>"]+/gi;
const COMMAND_PATTERN = /(?<![\w/@])\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/@])/g;
const MENTION_PATTERN = /(?<![\w@/])@[A-Za-z0-9_]{3,32}(?![\w@])/g;
const TRAILING_PUNCTUATION = /[.,;:!?'")\]]+$/;

/** The entities Telegram computes for a user's plain text: bot_command, mention and url. */
export function detectEntities(text: string): MessageEntity[] {
  const urls = matches(text, URL_PATTERN, 'url', (found) => found.replace(TRAILING_PUNCTUATION, ''));
  const insideUrl = (entity: MessageEntity): boolean =>
    urls.some((url) => entity.offset < url.offset + url.length && url.offset < entity.offset + entity.length);
  const others = [
    ...matches(text, COMMAND_PATTERN, 'bot_command'),
    ...matches(text, MENTION_PATTERN, 'mention'),
  ].filter((entity) => !insideUrl(entity));
  return sortEntities([...urls, ...others]);
}

function matches(
  text: string,
  pattern: RegExp,
  type: string,
  trim: (found: string) => string = (found) => found,
): MessageEntity[] {
  return [...text.matchAll(pattern)].flatMap((match) => {
    const length = trim(match[0]).length;
    return length > 0 ? [{ type, offset: match.index, length }] : [];
  });
}
