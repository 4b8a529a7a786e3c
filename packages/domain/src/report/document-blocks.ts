/** A stretch of text with one look, as the documents package prints it. */
export interface RichRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

/** A paragraph or a list, as the documents package lays them out (structurally its `Block`). */
export type RichBlock =
  | { kind: 'paragraph'; runs: RichRun[] }
  | { kind: 'list'; ordered: boolean; items: RichRun[][] };

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};
const decode = (text: string) =>
  text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, code: string) => {
    if (/^#x/i.test(code)) return String.fromCodePoint(Number.parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
    return ENTITIES[code.toLowerCase()] ?? entity;
  });

/**
 * A section's sanitized rich text (the subset `sanitizeRichText` keeps) as paragraphs and lists of
 * plain-text runs, for a PDF or DOCX: bold and italic kept, underline read as italic, links kept.
 */
export function richTextBlocks(html: string): RichBlock[] {
  const blocks: RichBlock[] = [];
  let runs: RichRun[] = [];
  let list: { ordered: boolean; items: RichRun[][] } | null = null;
  const style = { bold: 0, italic: 0 };
  let link: string | undefined;
  const flush = () => {
    const trimmed = runs.filter((r) => r.text.trim() !== '');
    if (trimmed.length > 0) {
      if (list) list.items.push(trimmed);
      else blocks.push({ kind: 'paragraph', runs: trimmed });
    }
    runs = [];
  };
  for (const m of html.matchAll(/<(\/?)([a-z]+)(?:\s+href="([^"]*)")?[^>]*>|([^<]+)/g)) {
    const [, closing, tag, href, text] = m;
    if (text !== undefined) {
      const run: RichRun = { text: decode(text) };
      if (style.bold > 0) run.bold = true;
      if (style.italic > 0) run.italic = true;
      if (link) run.link = link;
      runs.push(run);
      continue;
    }
    const open = closing !== '/';
    switch (tag) {
      case 'b':
        style.bold += open ? 1 : -1;
        break;
      case 'i':
      case 'u':
        style.italic += open ? 1 : -1;
        break;
      case 'a':
        link = open && href ? decode(href) : undefined;
        break;
      case 'br':
      case 'p':
      case 'li':
        flush();
        break;
      case 'ul':
      case 'ol':
        flush();
        if (open) list = { ordered: tag === 'ol', items: [] };
        else if (list) {
          if (list.items.length > 0) blocks.push({ kind: 'list', ...list });
          list = null;
        }
        break;
    }
  }
  flush();
  if (list && list.items.length > 0) blocks.push({ kind: 'list', ...list });
  return blocks;
}
