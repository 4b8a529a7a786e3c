import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { colophonLines, type DocumentLabels, documentLabels, shortVersion } from './labels.ts';
import { columnWeights, languageTag, pageMarginsMm } from './layout.ts';
import {
  assertDocumentShapeOrThrow,
  type Block,
  type TextRun as DocumentRun,
  type OfficialDocument,
  type TableBlock,
} from './official-document.ts';

/** Twentieths of a point per millimetre: Word measures pages in twips. */
const twipsPerMm = 1440 / 25.4;
const a4 = { width: 11906, height: 16838 };
const margins = {
  top: Math.round(pageMarginsMm.top * twipsPerMm),
  bottom: Math.round(pageMarginsMm.bottom * twipsPerMm),
  left: Math.round(pageMarginsMm.left * twipsPerMm),
  right: Math.round(pageMarginsMm.right * twipsPerMm),
};
const contentWidth = a4.width - margins.left - margins.right;
/** Times New Roman: the usual face for Russian official papers, with Cyrillic, on every Word installation. */
const font = 'Times New Roman';
const halfPoints = (points: number) => points * 2;
const listReferences = { ordered: 'accord-ordered', bullet: 'accord-bullet' } as const;

/** Renders the document as a DOCX: the same heading, version colophon, page footer, tables and lists as the PDF. */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  assertDocumentShapeOrThrow(doc);
  const labels = documentLabels[doc.language];
  // Each list is its own numbering instance, so every numbered list starts at 1.
  let lists = 0;
  const nextList = () => ++lists;

  const body: Array<Paragraph | Table> = [...headingParagraphs(doc, labels)];
  for (const section of doc.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.title)] }));
    for (const block of section.blocks) body.push(...blockContent(block, nextList));
  }

  const document = new Document({
    creator: doc.heading.commission,
    title: doc.heading.title,
    ...(doc.heading.subtitle ? { subject: doc.heading.subtitle } : {}),
    ...(doc.version ? { keywords: doc.version.contentHash, revision: doc.version.number } : {}),
    styles: {
      default: {
        document: {
          run: { font, size: halfPoints(12), language: { value: languageTag(doc.language) } },
          paragraph: { spacing: { after: 120, line: 276 } },
        },
        title: { run: { font, size: halfPoints(16), bold: true, color: '000000' } },
        heading1: {
          run: { font, size: halfPoints(13), bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        hyperlink: { run: { color: '1A4F9C', underline: {} } },
      },
    },
    numbering: {
      config: [
        {
          reference: listReferences.ordered,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 567, hanging: 397 } } },
            },
          ],
        },
        {
          reference: listReferences.bullet,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 567, hanging: 397 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: a4, margin: margins } },
        footers: { default: footer(doc, labels) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function headingParagraphs(doc: OfficialDocument, labels: DocumentLabels): Paragraph[] {
  const { heading } = doc;
  const centred = (children: TextRun[], spacingAfter = 60) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children });
  const paragraphs = [
    centred([new TextRun({ text: heading.organisation, size: halfPoints(11) })]),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '7F7F7F', space: 6 } },
      children: [new TextRun({ text: heading.commission, bold: true, size: halfPoints(12.5) })],
    }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 60 },
      children: [new TextRun(heading.title)],
    }),
  ];
  if (heading.subtitle)
    paragraphs.push(centred([new TextRun({ text: heading.subtitle, size: halfPoints(12) })]));
  const placeAndDate = [heading.place, heading.date].filter((part) => part && part.length > 0).join(', ');
  paragraphs.push(
    centred([new TextRun({ text: placeAndDate, size: halfPoints(10.5) })], doc.version ? 60 : 360),
  );
  if (doc.version) {
    const lines = colophonLines(labels, doc.version);
    lines.forEach((line, index) => {
      paragraphs.push(
        centred(
          [new TextRun({ text: line, size: halfPoints(8.5), color: '555555' })],
          index === lines.length - 1 ? 360 : 0,
        ),
      );
    });
  }
  return paragraphs;
}

function footer(doc: OfficialDocument, labels: DocumentLabels): Footer {
  const small = halfPoints(8);
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: contentWidth }],
        children: [
          new TextRun({
            text: doc.version ? shortVersion(labels, doc.version) : '',
            size: small,
            color: '555555',
          }),
          new TextRun({
            children: [
              new Tab(),
              `${labels.page} `,
              PageNumber.CURRENT,
              ` ${labels.of} `,
              PageNumber.TOTAL_PAGES,
            ],
            size: small,
            color: '555555',
          }),
        ],
      }),
    ],
  });
}

function blockContent(block: Block, nextList: () => number): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ children: runsOf(block.runs) })];
    case 'list': {
      const instance = nextList();
      const reference = block.ordered ? listReferences.ordered : listReferences.bullet;
      return block.items.map(
        (item) =>
          new Paragraph({
            numbering: { reference, level: 0, instance },
            spacing: { after: 60 },
            children: runsOf(item),
          }),
      );
    }
    case 'table':
      return [table(block), new Paragraph({ spacing: { after: 0 }, children: [] })];
  }
}

function runsOf(runs: DocumentRun[]): Array<TextRun | ExternalHyperlink> {
  return runs
    .filter((run) => run.text.length > 0)
    .map((run) => {
      const look = { ...(run.bold ? { bold: true } : {}), ...(run.italic ? { italics: true } : {}) };
      if (run.link === undefined) return new TextRun({ text: run.text, ...look });
      return new ExternalHyperlink({
        link: run.link,
        children: [new TextRun({ text: run.text, style: 'Hyperlink', ...look })],
      });
    });
}

function table(block: TableBlock): Table {
  const weights = columnWeights(block);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const columnWidths = weights.map((weight) => Math.floor((contentWidth * weight) / total));
  const cell = (text: string, column: number, header: boolean) =>
    new TableCell({
      width: { size: columnWidths[column] ?? 0, type: WidthType.DXA },
      margins: { top: 60, bottom: 60, left: 80, right: 80 },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'ECECEC', color: 'auto' } } : {}),
      children: [
        new Paragraph({
          spacing: { after: 0 },
          children: [new TextRun({ text, bold: header, size: halfPoints(10) })],
        }),
      ],
    });
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths,
    rows: [
      // tableHeader repeats the row at the top of every page the table runs onto.
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.header.map((text, c) => cell(text, c, true)),
      }),
      ...block.rows.map(
        (row) =>
          new TableRow({ children: block.header.map((_, column) => cell(row[column] ?? '', column, false)) }),
      ),
    ],
  });
}
