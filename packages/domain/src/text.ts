/** Telegram refuses a message text over this many characters (UTF-16 units, after entities). */
export const MESSAGE_MAX_LENGTH = 4096;

/** Escapes text a person wrote, for a Telegram HTML-mode message. */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The length Telegram counts: the text after HTML tags and entities are parsed. */
export const visibleLength = (html: string): number =>
  html.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi, '_').length;

/**
 * Builds a message from a head, a list and a tail, dropping list items from the end (and
 * saying how many) until Telegram would accept it. The head and the tail must fit on their own.
 */
export const fitMessage = (
  head: string,
  items: readonly string[],
  tail: string,
  more: (hidden: number) => string,
  limit: number = MESSAGE_MAX_LENGTH,
): string => {
  const join = (shown: readonly string[], hidden: number) =>
    [head, ...shown, ...(hidden > 0 ? [more(hidden)] : []), tail].filter((part) => part !== '').join('\n');
  let shown = items.length;
  let text = join(items, 0);
  while (visibleLength(text) > limit && shown > 0) {
    shown -= 1;
    text = join(items.slice(0, shown), items.length - shown);
  }
  return text;
};
