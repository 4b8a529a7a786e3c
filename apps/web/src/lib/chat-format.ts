/**
 * Telegram's formatting for the Chats page: a text with entities (offsets in UTF-16 units, as
 * JavaScript strings count) becomes a tree the page renders as elements — never as HTML. The
 * bot's own HTML (a preview) is first read into the same text and entities.
 */

export interface ChatEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
}

export type ChatNode =
  | { kind: 'text'; text: string }
  | { kind: 'entity'; entity: ChatEntity; children: ChatNode[] };

const endOf = (e: ChatEntity) => e.offset + e.length;

function build(text: string, entities: readonly ChatEntity[], start: number, end: number): ChatNode[] {
  const nodes: ChatNode[] = [];
  let at = start;
  for (const [i, entity] of entities.entries()) {
    // Overlapping without nesting (or empty): Telegram does not send these; shown as plain text.
    if (entity.offset < at || entity.length <= 0) continue;
    if (entity.offset > at) nodes.push({ kind: 'text', text: text.slice(at, entity.offset) });
    const stop = Math.min(endOf(entity), end);
    const inner = entities.slice(i + 1).filter((e) => e.offset >= entity.offset && endOf(e) <= stop);
    nodes.push({ kind: 'entity', entity, children: build(text, inner, entity.offset, stop) });
    at = stop;
  }
  if (at < end) nodes.push({ kind: 'text', text: text.slice(at, end) });
  return nodes;
}

/** The text as nested nodes: an entity holds the entities inside it; text outside any is plain. */
export function entityTree(text: string, entities: readonly ChatEntity[]): ChatNode[] {
  const inRange = entities
    .filter((e) => e.offset >= 0 && endOf(e) <= text.length)
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  return build(text, inRange, 0, text.length);
}

/** A link the page may open: web, mail and Telegram links only (no `javascript:` or `data:`). */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:', 'tg:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const TAG_TYPES: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  code: 'code',
  pre: 'pre',
  a: 'text_link',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
  blockquote: 'blockquote',
};

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });

const attribute = (attrs: string, name: string): string | undefined => {
  const match = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(attrs);
  const value = match?.[1] ?? match?.[2];
  return value === undefined ? undefined : decode(value);
};

/**
 * Reads Telegram's HTML (the subset the Bot API takes) into text and entities. Unknown tags are
 * dropped with their markup, their text kept; nothing of the HTML ever reaches the page as HTML.
 */
export function parseTelegramHtml(html: string): { text: string; entities: ChatEntity[] } {
  let text = '';
  const entities: ChatEntity[] = [];
  const open: Array<{ tag: string; entity: ChatEntity | null }> = [];
  const token = /<(\/?)([a-zA-Z][\w-]*)([^>]*)>|([^<]+)|</g;
  for (const match of html.matchAll(token)) {
    const [whole, closing, tagName, attrs = '', chunk] = match;
    if (chunk !== undefined) {
      text += decode(chunk);
      continue;
    }
    if (tagName === undefined) {
      text += whole;
      continue;
    }
    const tag = tagName.toLowerCase();
    if (closing) {
      const index = open.findLastIndex((o) => o.tag === tag);
      if (index < 0) continue;
      const [closed] = open.splice(index, 1);
      if (closed?.entity) {
        closed.entity.length = text.length - closed.entity.offset;
        if (closed.entity.length > 0) entities.push(closed.entity);
      }
      continue;
    }
    if (tag === 'br') {
      text += '\n';
      continue;
    }
    const type = TAG_TYPES[tag];
    const parent = open.at(-1);
    // `<pre><code class="language-x">`: one pre block that names its language.
    if (tag === 'code' && parent?.entity?.type === 'pre') {
      const language = attribute(attrs, 'class')?.replace(/^language-/, '');
      if (language) parent.entity.language = language;
      open.push({ tag, entity: null });
      continue;
    }
    if (type === 'spoiler' && tag === 'span' && attribute(attrs, 'class') !== 'tg-spoiler') {
      open.push({ tag, entity: null });
      continue;
    }
    const url = tag === 'a' ? attribute(attrs, 'href') : undefined;
    open.push({
      tag,
      entity:
        type === undefined
          ? null
          : { type, offset: text.length, length: 0, ...(url === undefined ? {} : { url }) },
    });
  }
  return { text, entities: entities.sort((a, b) => a.offset - b.offset || b.length - a.length) };
}

/** A file's size as people read it: bytes, kB or MB, one decimal past 1 kB. */
export function fileSize(bytes: number, locale: string): string {
  const number = (value: number, digits: number) =>
    value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  if (bytes < 1024) return `${number(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 1)} kB`;
  return `${number(bytes / 1024 / 1024, 1)} MB`;
}
