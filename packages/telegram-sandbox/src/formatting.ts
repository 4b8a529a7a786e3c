import { badRequest } from './errors';
import { HtmlParseError, parseHtml, sortEntities } from './html';
import { optionalJson, optionalString } from './params';
import type { Params } from './request-params';
import type { MessageEntity } from './telegram-types';

export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

export interface FormattedContent {
  text: string;
  entities: MessageEntity[];
  /** The HTML it came from, when parse_mode was HTML. */
  html?: string;
}

/** A message's text as Telegram stores it: parsed, trimmed, and checked for emptiness and length. */
export function formatMessageText(params: Params): FormattedContent {
  const content = format(optionalString(params, 'text') ?? '', params, 'entities');
  if (content.text === '') throw badRequest('message text is empty');
  if (content.text.length > MAX_TEXT_LENGTH) throw badRequest('message is too long');
  return content;
}

/** A caption, or undefined when there is none. */
export function formatCaption(params: Params): FormattedContent | undefined {
  const content = format(optionalString(params, 'caption') ?? '', params, 'caption_entities');
  if (content.text === '') return undefined;
  if (content.text.length > MAX_CAPTION_LENGTH) throw badRequest('message caption is too long');
  return content;
}

function format(raw: string, params: Params, entitiesField: string): FormattedContent {
  const parseMode = optionalString(params, 'parse_mode') ?? '';
  if (parseMode === '') return trim({ text: raw, entities: readEntities(params, entitiesField) });
  // Only HTML is modelled; a bot on MarkdownV2 would need its own escaping rules checked.
  if (parseMode.toLowerCase() !== 'html') throw badRequest('unsupported parse_mode');
  try {
    return { ...trim(parseHtml(raw)), html: raw };
  } catch (error) {
    if (error instanceof HtmlParseError) throw badRequest(`can't parse entities: ${error.message}`);
    throw error;
  }
}

function readEntities(params: Params, field: string): MessageEntity[] {
  const value = optionalJson(params, field);
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isEntity)) throw badRequest(`can't parse ${field} JSON object`);
  return sortEntities(value);
}

function isEntity(value: unknown): value is MessageEntity {
  if (typeof value !== 'object' || value === null) return false;
  const { type, offset, length } = value as Record<string, unknown>;
  return typeof type === 'string' && Number.isInteger(offset) && Number.isInteger(length);
}

/** Telegram strips leading and trailing whitespace; entities move and shrink with the text. */
function trim(content: { text: string; entities: MessageEntity[] }): {
  text: string;
  entities: MessageEntity[];
} {
  const lead = /^[ \t\r\n\v\f]*/.exec(content.text)?.[0].length ?? 0;
  const text = content.text.slice(lead).replace(/[ \t\r\n\v\f]+$/, '');
  const entities = content.entities.flatMap((entity) => {
    const start = Math.max(0, entity.offset - lead);
    const end = Math.min(text.length, entity.offset + entity.length - lead);
    return end > start ? [{ ...entity, offset: start, length: end - start }] : [];
  });
  return { text, entities };
}
