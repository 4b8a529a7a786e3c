export { type DocumentLabels, documentLabels } from './labels.ts';
export {
  assertDocumentShapeOrThrow,
  type Block,
  type DocumentHeading,
  type DocumentLanguage,
  type DocumentSection,
  DocumentShapeError,
  type DocumentVersion,
  type ListBlock,
  type OfficialDocument,
  type ParagraphBlock,
  type TableBlock,
  type TextRun,
} from './official-document.ts';
export { renderDocx } from './render-docx.ts';
export { renderPdf } from './render-pdf.ts';
