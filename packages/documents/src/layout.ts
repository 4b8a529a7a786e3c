import type { DocumentLanguage, TableBlock } from './official-document.ts';

/** Millimetres to PDF points. */
export const mm = 72 / 25.4;

/** A4, with the margins Russian official papers use (GOST R 7.0.97: 30 mm left, at least 10 mm right). */
export const pageMarginsMm = { top: 20, bottom: 25, left: 30, right: 15 } as const;

/** The language tag written into the files, so readers and spell-checkers know the language. */
export function languageTag(language: DocumentLanguage): string {
  return language === 'ru' ? 'ru-RU' : 'en-GB';
}

/**
 * Relative column widths: a column gets room in proportion to its longest text, within bounds, so a
 * "No." column stays narrow and a description column wide. Both renderers share it.
 */
export function columnWeights(table: TableBlock): number[] {
  return table.header.map((heading, column) => {
    const longest = Math.max(heading.length, ...table.rows.map((row) => (row[column] ?? '').length));
    return Math.min(Math.max(longest, 4), 40);
  });
}
