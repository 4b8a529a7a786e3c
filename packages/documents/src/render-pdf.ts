import PDFDocument from 'pdfkit';
import { type FontFace, faceOf, loadFonts } from './fonts.ts';
import { colophonLines, type DocumentLabels, documentLabels, pageLabel, shortVersion } from './labels.ts';
import { columnWeights, languageTag, mm, pageMarginsMm } from './layout.ts';
import {
  assertDocumentShapeOrThrow,
  type Block,
  type ListBlock,
  type OfficialDocument,
  type TableBlock,
  type TextRun,
} from './official-document.ts';

type Pdf = PDFKit.PDFDocument;

const margins = {
  top: pageMarginsMm.top * mm,
  bottom: pageMarginsMm.bottom * mm,
  left: pageMarginsMm.left * mm,
  right: pageMarginsMm.right * mm,
};
const colors = { text: '#000000', muted: '#555555', link: '#1a4f9c', rule: '#7f7f7f', headerFill: '#ececec' };
const sizes = {
  organisation: 11,
  commission: 12.5,
  title: 16,
  subtitle: 12,
  meta: 10.5,
  colophon: 8.5,
  section: 13,
  body: 11,
  table: 9.5,
  footer: 8,
};
const cellPadding = 4;
const listIndent = 22;

/** Renders the document as an A4 PDF with DejaVu Serif embedded (regular, bold, italic, bold italic). */
export async function renderPdf(doc: OfficialDocument): Promise<Buffer> {
  assertDocumentShapeOrThrow(doc);
  const labels = documentLabels[doc.language];
  const pdf = new PDFDocument({
    size: 'A4',
    margins,
    bufferPages: true,
    lang: languageTag(doc.language),
    displayTitle: true,
    info: {
      Title: doc.heading.title,
      Author: doc.heading.commission,
      Subject: doc.heading.subtitle ?? doc.heading.title,
      Creator: 'Accord',
      ...(doc.version ? { Keywords: doc.version.contentHash } : {}),
    },
  });
  const bytes = collect(pdf);
  const fonts = loadFonts();
  for (const face of Object.keys(fonts) as FontFace[]) pdf.registerFont(face, fonts[face]);

  writeHeading(pdf, doc, labels);
  for (const section of doc.sections) {
    keepWithNext(pdf, 4 * sizes.section);
    pdf
      .font('bold')
      .fontSize(sizes.section)
      .fillColor(colors.text)
      .text(section.title, margins.left, pdf.y, { width: contentWidth(pdf) });
    pdf.moveDown(0.4);
    for (const block of section.blocks) {
      writeBlock(pdf, block);
      pdf.moveDown(0.5);
    }
    pdf.moveDown(0.5);
  }
  writeFooters(pdf, doc, labels);
  pdf.end();
  return bytes;
}

function collect(pdf: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

function contentWidth(pdf: Pdf): number {
  return pdf.page.width - margins.left - margins.right;
}

/** Starts a new page when less than `height` is left, so a title is never the last line of a page. */
function keepWithNext(pdf: Pdf, height: number): void {
  if (pdf.y + height > pdf.page.maxY()) pdf.addPage();
}

function writeHeading(pdf: Pdf, doc: OfficialDocument, labels: DocumentLabels): void {
  const { heading } = doc;
  const centred = { align: 'center' as const, width: contentWidth(pdf) };
  pdf.fillColor(colors.text);
  pdf.font('regular').fontSize(sizes.organisation).text(heading.organisation, margins.left, pdf.y, centred);
  pdf.font('bold').fontSize(sizes.commission).text(heading.commission, centred);
  pdf.moveDown(0.5);
  const ruleY = pdf.y;
  pdf
    .moveTo(margins.left, ruleY)
    .lineTo(margins.left + contentWidth(pdf), ruleY)
    .lineWidth(0.8)
    .strokeColor(colors.rule)
    .stroke();
  pdf.moveDown(1);
  pdf.font('bold').fontSize(sizes.title).text(heading.title, centred);
  if (heading.subtitle) pdf.font('regular').fontSize(sizes.subtitle).text(heading.subtitle, centred);
  pdf.moveDown(0.4);
  const placeAndDate = [heading.place, heading.date].filter((part) => part && part.length > 0).join(', ');
  pdf.font('regular').fontSize(sizes.meta).text(placeAndDate, centred);
  if (doc.version) {
    pdf.moveDown(0.4);
    pdf.fontSize(sizes.colophon).fillColor(colors.muted);
    for (const line of colophonLines(labels, doc.version)) pdf.text(line, centred);
    pdf.fillColor(colors.text);
  }
  pdf.moveDown(1.5);
}

function writeBlock(pdf: Pdf, block: Block): void {
  switch (block.kind) {
    case 'paragraph':
      pdf.fontSize(sizes.body);
      writeRuns(pdf, block.runs, margins.left, pdf.y, contentWidth(pdf));
      return;
    case 'list':
      writeList(pdf, block);
      return;
    case 'table':
      writeTable(pdf, block);
      return;
  }
}

/** Writes runs as one flowing paragraph; each run brings its own face, colour and link. */
function writeRuns(pdf: Pdf, runs: TextRun[], x: number, y: number, width: number): void {
  const parts = runs.filter((run) => run.text.length > 0);
  parts.forEach((run, index) => {
    pdf.font(faceOf(run)).fillColor(run.link ? colors.link : colors.text);
    // Options are given in full on every call: pdfkit carries a continued call's options to the next one.
    const options = {
      width,
      lineGap: 1.5,
      continued: index < parts.length - 1,
      link: run.link ?? null,
      underline: run.link !== undefined,
    };
    if (index === 0) pdf.text(run.text, x, y, options);
    else pdf.text(run.text, options);
  });
  pdf.fillColor(colors.text);
  pdf.x = margins.left;
}

function writeList(pdf: Pdf, block: ListBlock): void {
  const width = contentWidth(pdf) - listIndent;
  const usableHeight = pdf.page.maxY() - margins.top;
  pdf.fontSize(sizes.body);
  block.items.forEach((item, index) => {
    // An item moves to the next page whole (measured in bold, the widest face) unless it is longer than a page.
    const text = item.map((run) => run.text).join('');
    const height = pdf.font('bold').heightOfString(text || ' ', { width, lineGap: 1.5 });
    keepWithNext(pdf, Math.min(height, usableHeight));
    const y = pdf.y;
    const marker = block.ordered ? `${index + 1}.` : '•';
    // The marker is right-aligned against the text by measuring it: a narrow text box would wrap "10." in two.
    pdf.font('regular').fillColor(colors.text);
    pdf.text(marker, margins.left + listIndent - 5 - pdf.widthOfString(marker), y, { lineBreak: false });
    writeRuns(pdf, item, margins.left + listIndent, y, width);
    pdf.moveDown(0.15);
  });
  pdf.x = margins.left;
}

/** A bordered table drawn cell by cell, so its header row can be repeated on every page it runs onto. */
function writeTable(pdf: Pdf, block: TableBlock): void {
  const width = contentWidth(pdf);
  const weights = columnWeights(block);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const widths = weights.map((weight) => (width * weight) / total);
  const usableHeight = pdf.page.maxY() - margins.top;
  pdf.fontSize(sizes.table);

  const heightOf = (cells: string[], face: FontFace): number => {
    pdf.font(face);
    const tallest = Math.max(
      ...widths.map((columnWidth, column) =>
        pdf.heightOfString(cells[column] || ' ', { width: columnWidth - 2 * cellPadding }),
      ),
    );
    // A row taller than a page is clipped (with an ellipsis) rather than overflowing the footer.
    return Math.min(tallest + 2 * cellPadding, usableHeight);
  };
  const drawRow = (cells: string[], face: FontFace, y: number, height: number, fill?: string): void => {
    let x = margins.left;
    widths.forEach((columnWidth, column) => {
      if (fill) pdf.rect(x, y, columnWidth, height).fill(fill);
      pdf.rect(x, y, columnWidth, height).lineWidth(0.5).strokeColor(colors.rule).stroke();
      pdf
        .font(face)
        .fillColor(colors.text)
        .text(cells[column] ?? '', x + cellPadding, y + cellPadding, {
          width: columnWidth - 2 * cellPadding,
          height: height - 2 * cellPadding,
          ellipsis: true,
        });
      x += columnWidth;
    });
  };

  const headerHeight = heightOf(block.header, 'bold');
  const firstRowHeight = block.rows[0] ? heightOf(block.rows[0], 'regular') : 0;
  if (pdf.y + headerHeight + firstRowHeight > pdf.page.maxY()) pdf.addPage();
  let y = pdf.y;
  const drawHeader = (): void => {
    drawRow(block.header, 'bold', y, headerHeight, colors.headerFill);
    y += headerHeight;
  };
  drawHeader();
  for (const row of block.rows) {
    const height = heightOf(row, 'regular');
    if (y + height > pdf.page.maxY()) {
      pdf.addPage();
      y = pdf.y;
      drawHeader();
    }
    drawRow(row, 'regular', y, height);
    y += height;
  }
  pdf.x = margins.left;
  pdf.y = y + 2;
}

/** Writes "Version N (hash) … Page i of n" in the bottom margin of every page, once the page count is known. */
function writeFooters(pdf: Pdf, doc: OfficialDocument, labels: DocumentLabels): void {
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    pdf.switchToPage(index);
    // Writing below the bottom margin would make pdfkit start a page: lift the margin while writing.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - bottom + 8 * mm;
    const width = contentWidth(pdf);
    pdf.font('regular').fontSize(sizes.footer).fillColor(colors.muted);
    if (doc.version) {
      pdf.text(shortVersion(labels, doc.version), margins.left, y, { width, lineBreak: false });
    }
    pdf.text(pageLabel(labels, index - range.start + 1, range.count), margins.left, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
    pdf.page.margins.bottom = bottom;
  }
  pdf.fillColor(colors.text);
}
