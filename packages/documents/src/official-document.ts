/** The languages a document is printed in: its labels ("Version", "Page 1 of 3") follow it. */
export type DocumentLanguage = 'ru' | 'en';

/** A stretch of text with one look; `link` makes it a hyperlink to that address. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

/** A paragraph of runs. */
export interface ParagraphBlock {
  kind: 'paragraph';
  runs: TextRun[];
}

/** A bulleted (`ordered: false`) or numbered list; each item is a line of runs. */
export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  items: TextRun[][];
}

/** A table of plain text: the header row repeats on every page the table runs onto. */
export interface TableBlock {
  kind: 'table';
  header: string[];
  rows: string[][];
}

/** What a section is made of. */
export type Block = ParagraphBlock | ListBlock | TableBlock;

/** A titled part of the document; the title is printed as given (number it yourself if wanted). */
export interface DocumentSection {
  title: string;
  blocks: Block[];
}

/**
 * The commission's heading on the first page. Dates are printed as given: the caller formats them in the
 * document's language and the commission's time zone (the domain knows both).
 */
export interface DocumentHeading {
  organisation: string;
  commission: string;
  title: string;
  subtitle?: string;
  place?: string;
  date: string;
}

/** Which version of the content this is; without `approvedBy` the document is marked as a draft. */
export interface DocumentVersion {
  number: number;
  contentHash: string;
  approvedBy?: string;
  approvedAt?: string;
}

/** Everything printed in an official document, in one language; no database or HTTP types. */
export interface OfficialDocument {
  language: DocumentLanguage;
  heading: DocumentHeading;
  version?: DocumentVersion;
  sections: DocumentSection[];
}

/** Thrown when a document cannot be laid out as given (a table row wider than its header, a bad link). */
export class DocumentShapeError extends Error {
  override readonly name = 'DocumentShapeError';
  constructor(
    message: string,
    /** Where in the document: the section's title and the block's index in it. */
    readonly where: { section: string; block: number },
  ) {
    super(`${message} (section "${where.section}", block ${where.block + 1})`);
  }
}

const allowedLinkSchemes = ['http:', 'https:', 'mailto:'];

/** Checks what the renderers cannot lay out, so both fail alike and before any work; throws DocumentShapeError. */
export function assertDocumentShapeOrThrow(doc: OfficialDocument): void {
  for (const section of doc.sections) {
    section.blocks.forEach((block, index) => {
      const where = { section: section.title, block: index };
      if (block.kind === 'table') {
        if (block.header.length === 0)
          throw new DocumentShapeError('A table needs at least one column', where);
        block.rows.forEach((row, rowIndex) => {
          if (row.length > block.header.length) {
            throw new DocumentShapeError(
              `Table row ${rowIndex + 1} has ${row.length} cells under a header of ${block.header.length}`,
              where,
            );
          }
        });
      }
      const runs =
        block.kind === 'paragraph'
          ? block.runs
          : block.kind === 'list'
            ? block.items.flat()
            : ([] as TextRun[]);
      for (const run of runs) {
        if (run.link !== undefined && !isAllowedLink(run.link)) {
          throw new DocumentShapeError(`A link must be http(s) or mailto: ${run.link}`, where);
        }
      }
    });
  }
}

function isAllowedLink(link: string): boolean {
  try {
    return allowedLinkSchemes.includes(new URL(link).protocol);
  } catch {
    return false;
  }
}
