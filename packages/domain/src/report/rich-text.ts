/**
 * The rich text a report's section may hold: paragraphs, line breaks, bold, italic, underline,
 * lists and links (http, https, mailto). Anything else is dropped, and what is kept is written
 * out afresh, so no attribute, style or script a browser would run can pass through.
 */
const KEPT: Readonly<Record<string, string>> = {
  p: 'p',
  div: 'p',
  br: 'br',
  b: 'b',
  strong: 'b',
  i: 'i',
  em: 'i',
  u: 'u',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  a: 'a',
};
const VOID = new Set(['br']);
/** Elements whose content is not text a person wrote: dropped whole, content and all. */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'noscript',
  'textarea',
  'title',
  'svg',
  'math',
  'select',
  'head',
]);

/** Longest section text accepted, in characters of the HTML sent. */
export const RICH_TEXT_MAX_LENGTH = 50_000;

const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[!?][^>]*>?|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g;
const ATTRIBUTE = /([^\s=/"'>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

const escapeText = (text: string) =>
  text
    .replace(/&(?!(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});)/g, '&amp;')
    .replace(/>/g, '&gt;');
const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A link's address if it is one a reader may follow (http, https, mailto), else null. */
export function safeHref(raw: string): string | null {
  const href = raw
    .replace(/&amp;/gi, '&')
    .replace(/&quot;/gi, '"')
    .trim();
  // Entities or control characters could hide a scheme (`&#106;avascript:`): only plain addresses pass.
  const hasControl = [...href].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u007f');
  if (hasControl || /\s/.test(href) || /&#/.test(href)) return null;
  return /^(https?:\/\/[^/]|mailto:[^:]+@)/i.test(href) && href.length <= 2000 ? href : null;
}

const hrefOf = (attributes: string): string | null => {
  for (const m of attributes.matchAll(ATTRIBUTE)) {
    if (m[1]?.toLowerCase() === 'href') return safeHref(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return null;
};

/** Sanitizes a section's HTML to the safe subset; unbalanced tags are closed, stray closers dropped. */
export function sanitizeRichText(html: string): string {
  const out: string[] = [];
  const open: string[] = [];
  let skipping: string | null = null;
  for (const m of html.matchAll(TOKEN)) {
    const [whole, closing, rawName, attributes = '', text] = m;
    const name = rawName?.toLowerCase();
    if (skipping !== null) {
      if (closing && name === skipping) skipping = null;
      continue;
    }
    if (text !== undefined) {
      out.push(escapeText(text));
      continue;
    }
    if (name === undefined) {
      // A lone `<` is text; comments, doctypes and processing instructions are dropped.
      if (whole === '<') out.push('&lt;');
      continue;
    }
    if (DROPPED_WITH_CONTENT.has(name)) {
      if (!closing && !attributes.trimEnd().endsWith('/')) skipping = name;
      continue;
    }
    const tag = KEPT[name];
    if (!tag) continue;
    if (closing) {
      const at = open.lastIndexOf(tag);
      if (at === -1) continue;
      while (open.length > at) out.push(`</${open.pop()}>`);
      continue;
    }
    if (VOID.has(tag)) {
      out.push(`<${tag}>`);
      continue;
    }
    if (tag === 'a') {
      const href = hrefOf(attributes);
      if (href === null) continue;
      out.push(`<a href="${escapeAttribute(href)}" rel="noopener noreferrer">`);
    } else out.push(`<${tag}>`);
    open.push(tag);
  }
  while (open.length > 0) out.push(`</${open.pop()}>`);
  return out.join('').trim();
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Sanitized text's character references as the characters they stand for (unknown names stay as written). */
export const decodeEntities = (text: string): string =>
  text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, code: string) => {
    if (!code.startsWith('#')) return ENTITIES[code.toLowerCase()] ?? entity;
    const point =
      code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1));
    // `&#9999999;` passes the sanitizer but names no character: it stays as written rather than throwing.
    return point <= 0x10ffff ? String.fromCodePoint(point) : entity;
  });

/** The text a reader sees, one line per paragraph, list item or line break: what a version diff compares. */
export function richTextLines(html: string): string {
  return decodeEntities(
    html
      .replace(/<li>/g, '• ')
      .replace(/<br>|<\/(p|li|ul|ol)>/g, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `${line}\n`)
    .join('');
}
