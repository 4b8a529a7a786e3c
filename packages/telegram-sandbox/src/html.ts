import type { MessageEntity } from './telegram-types';

/** Why Telegram-HTML did not parse; the message follows Telegram's wording after "can't parse entities: ". */
export class HtmlParseError extends Error {
  override name = 'HtmlParseError';
}

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

const SUPPORTED_TAGS = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'tg-spoiler',
  'tg-emoji',
  'span',
  'pre',
  'code',
  'blockquote',
]);

const SIMPLE_ENTITY_TYPES: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
};

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'tg:', 'ton:']);

interface OpenTag {
  name: string;
  argument: string;
  /** Where the tag's content starts in the output: a UTF-16 offset, as JS strings index. */
  offset: number;
}

const isSpace = (c: string): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';

const isNameTokenChar = (c: string): boolean => /^[A-Za-z0-9.-]$/.test(c);

/**
 * Parses Telegram-HTML into plain text and entities (offsets in UTF-16 units), following tdlib's
 * parser and its error messages. Stricter than Telegram in one way, on purpose: a bare `&` that
 * starts no supported entity is an error (Telegram shows it literally), so unescaped user text
 * fails in tests instead of rendering oddly in production.
 */
export function parseHtml(html: string): FormattedText {
  let text = '';
  const entities: MessageEntity[] = [];
  const open: OpenTag[] = [];
  const at = (i: number): string => html[i] ?? '';
  const byteOffset = (i: number): number => Buffer.byteLength(html.slice(0, i));
  const fail = (message: string): HtmlParseError => new HtmlParseError(message);

  let i = 0;
  while (i < html.length) {
    const c = at(i);
    if (c === '&') {
      const decoded = decodeEntity(html, i);
      if (decoded === undefined) {
        throw fail(`Character "&" at byte offset ${byteOffset(i)} must be escaped as "&amp;"`);
      }
      text += decoded.char;
      i = decoded.end;
      continue;
    }
    if (c !== '<') {
      text += c;
      i++;
      continue;
    }

    const begin = i;
    i++;
    if (at(i) !== '/') {
      const nameStart = i;
      while (at(i) !== '' && !isSpace(at(i)) && at(i) !== '>') i++;
      if (at(i) === '') throw fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
      const name = html.slice(nameStart, i).toLowerCase();
      if (!SUPPORTED_TAGS.has(name)) {
        throw fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(begin)}`);
      }

      let argument = '';
      while (at(i) !== '>') {
        while (isSpace(at(i))) i++;
        if (at(i) === '>') break;
        if (at(i) === '') throw fail(`Unclosed start tag "${name}" at byte offset ${byteOffset(begin)}`);
        const attributeStart = i;
        while (at(i) !== '' && !isSpace(at(i)) && at(i) !== '=' && at(i) !== '>') i++;
        const attribute = html.slice(attributeStart, i).toLowerCase();
        if (attribute === '') {
          throw fail(`Empty attribute name in the tag "${name}" at byte offset ${byteOffset(begin)}`);
        }
        while (isSpace(at(i))) i++;
        if (at(i) !== '=') {
          if (name === 'blockquote' && attribute === 'expandable') {
            argument = 'expandable';
            continue;
          }
          throw fail(
            `Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${byteOffset(begin)}`,
          );
        }
        i++;
        while (isSpace(at(i))) i++;
        if (at(i) === '') throw fail(`Unclosed start tag "${name}" at byte offset ${byteOffset(begin)}`);

        let value = '';
        const quote = at(i);
        if (quote === '"' || quote === "'") {
          i++;
          while (at(i) !== quote && at(i) !== '') {
            // Inside attribute values a bare '&' stays literal, as in Telegram (URLs carry them).
            const decoded = at(i) === '&' ? decodeEntity(html, i) : undefined;
            if (decoded === undefined) {
              value += at(i);
              i++;
            } else {
              value += decoded.char;
              i = decoded.end;
            }
          }
          if (at(i) === quote) i++;
        } else {
          const tokenStart = i;
          while (isNameTokenChar(at(i))) i++;
          value = html.slice(tokenStart, i).toLowerCase();
          if (!isSpace(at(i)) && at(i) !== '>') {
            throw fail(`Unexpected end of name token at byte offset ${byteOffset(tokenStart)}`);
          }
        }
        if (at(i) === '') throw fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
        argument = tagArgument(name, attribute, value) ?? argument;
      }
      if (name === 'span' && argument !== 'spoiler') {
        throw fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(begin)}`);
      }
      i++;
      open.push({ name, argument, offset: text.length });
      continue;
    }

    const top = open.pop();
    if (top === undefined) throw fail(`Unexpected end tag at byte offset ${byteOffset(begin)}`);
    i++;
    const nameStart = i;
    while (at(i) !== '' && !isSpace(at(i)) && at(i) !== '>') i++;
    const endName = html.slice(nameStart, i).toLowerCase();
    while (isSpace(at(i))) i++;
    if (at(i) !== '>') throw fail(`Unclosed end tag at byte offset ${byteOffset(begin)}`);
    i++;
    if (endName !== '' && endName !== top.name) {
      throw fail(
        `Unmatched end tag at byte offset ${byteOffset(begin)}, expected "</${top.name}>", found "</${endName}>"`,
      );
    }
    closeTag(top, text, entities);
  }

  const unclosed = open.at(-1);
  if (unclosed !== undefined) {
    throw fail(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  }
  return { text, entities: sortEntities(dropCodeLanguages(entities)) };
}

/** tdlib's tie-break for entities over the same span; unlisted types rank with links and mentions. */
const TYPE_PRIORITY: Record<string, number> = {
  blockquote: 0,
  expandable_blockquote: 0,
  pre: 11,
  code: 20,
  text_link: 49,
  bold: 90,
  italic: 91,
  underline: 92,
  strikethrough: 93,
  spoiler: 94,
  custom_emoji: 99,
};

/** Telegram's order: by offset, the longer (outer) entity first, then by type. */
export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  const priority = (entity: MessageEntity): number => TYPE_PRIORITY[entity.type] ?? 50;
  return [...entities].sort(
    (a, b) => a.offset - b.offset || b.length - a.length || priority(a) - priority(b),
  );
}

function tagArgument(tag: string, attribute: string, value: string): string | undefined {
  if (tag === 'a' && attribute === 'href') return value;
  if (tag === 'code' && attribute === 'class' && value.startsWith('language-')) return value.slice(9);
  if (tag === 'span' && attribute === 'class' && value.startsWith('tg-')) return value.slice(3);
  if (tag === 'tg-emoji' && attribute === 'emoji-id') return value;
  if (tag === 'blockquote' && attribute === 'expandable') return 'expandable';
  return undefined;
}

function closeTag(tag: OpenTag, text: string, entities: MessageEntity[]): void {
  const length = text.length - tag.offset;
  if (length <= 0) return;
  const offset = tag.offset;
  const simple = SIMPLE_ENTITY_TYPES[tag.name];
  if (simple !== undefined) {
    entities.push({ type: simple, offset, length });
    return;
  }
  const last = entities.at(-1);
  const sameSpan = last !== undefined && last.offset === offset && last.length === length;
  switch (tag.name) {
    case 'a': {
      const url = checkLink(tag.argument === '' ? text.slice(offset) : tag.argument);
      if (url !== undefined) entities.push({ type: 'text_link', offset, length, url });
      return;
    }
    case 'tg-emoji':
      if (tag.argument !== '') {
        entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: tag.argument });
      }
      return;
    case 'blockquote':
      entities.push({
        type: tag.argument === 'expandable' ? 'expandable_blockquote' : 'blockquote',
        offset,
        length,
      });
      return;
    case 'pre':
      // <pre><code class="language-x">…</code></pre>: the inner code gave the language.
      if (sameSpan && last.type === 'code' && last.language !== undefined) {
        last.type = 'pre';
      } else {
        entities.push({ type: 'pre', offset, length });
      }
      return;
    case 'code':
      if (sameSpan && last.type === 'pre' && tag.argument !== '') {
        last.language = tag.argument;
      } else {
        // The language rides along until a wrapping <pre> closes; dropCodeLanguages strips it otherwise.
        entities.push({
          type: 'code',
          offset,
          length,
          ...(tag.argument === '' ? {} : { language: tag.argument }),
        });
      }
      return;
  }
}

/** A `<code class="language-x">` that no `<pre>` wrapped is plain code: code entities carry no language. */
function dropCodeLanguages(entities: MessageEntity[]): MessageEntity[] {
  return entities.map((entity) => {
    if (entity.type !== 'code' || entity.language === undefined) return entity;
    const { language: _language, ...rest } = entity;
    return rest;
  });
}

/** Telegram's link check, simplified: http(s), tg and ton links; a bare host gets http://. */
function checkLink(href: string): string | undefined {
  const trimmed = href.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    const url = new URL(withScheme);
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Decodes `&lt; &gt; &amp; &quot; &#NN; &#xNN;` at `start`, as tdlib does (the `;` is optional). */
function decodeEntity(html: string, start: number): { char: string; end: number } | undefined {
  let end = start + 1;
  let codePoint: number;
  if (html[end] === '#') {
    end++;
    const hex = html[end] === 'x';
    if (hex) end++;
    const digitsStart = end;
    while (end < html.length && (hex ? /[0-9a-fA-F]/ : /[0-9]/).test(html[end] ?? '')) end++;
    const digits = html.slice(digitsStart, end);
    if (digits === '' || end - start >= 10) return undefined;
    codePoint = Number.parseInt(digits, hex ? 16 : 10);
    const surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
    if (codePoint === 0 || codePoint >= 0x10ffff || surrogate) return undefined;
  } else {
    while (end < html.length && /[A-Za-z]/.test(html[end] ?? '')) end++;
    const named = NAMED_ENTITIES[html.slice(start + 1, end)];
    if (named === undefined) return undefined;
    codePoint = named.charCodeAt(0);
  }
  return { char: String.fromCodePoint(codePoint), end: html[end] === ';' ? end + 1 : end };
}
