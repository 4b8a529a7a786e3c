import { z } from 'zod';
import { type DiffPart, diffVersions } from '../drafts';
import { err, ok, type Result } from '../result';
import { type Figure, REPORT_SECTION_KEYS, type ReportFigures, type ReportSectionKey } from './assembly';
import { RICH_TEXT_MAX_LENGTH, richTextLines, sanitizeRichText } from './rich-text';

/** draft → awaiting approval → changes requested → (revised, sent again) → approved → submitted. */
export const REPORT_STATUSES = [
  'draft',
  'awaiting-approval',
  'changes-requested',
  'approved',
  'submitted',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Once approved the report is the approved text: nothing in it changes. */
export const isReportReadOnly = (status: ReportStatus): boolean =>
  status === 'approved' || status === 'submitted';

/** One section as a version keeps it: the secretary's text beside the assembled figures it is linked to. */
export interface ReportSection<K extends ReportSectionKey = ReportSectionKey> {
  key: K;
  /** Sanitized HTML (the rich-text subset). */
  text: string;
  figures: ReportFigures[K];
}
export type ReportSections = ReportSection[];

export type ReportEditError = 'ReportReadOnly' | 'NothingChanged' | 'UnknownSection';

/** The sections for newly assembled figures, each keeping the text it had (a refresh never loses writing). */
export function composeSections(figures: ReportFigures, previous: ReportSections = []): ReportSections {
  const texts = new Map(previous.map((s) => [s.key, s.text]));
  return REPORT_SECTION_KEYS.map((key) => ({ key, text: texts.get(key) ?? '', figures: figures[key] }));
}

/**
 * Whether a save may be made and what the report's status becomes: an approved or submitted report
 * is read-only; an edit while awaiting approval takes the report back to draft (the request is
 * superseded: an approval binds the exact version).
 */
export function decideReportChange(
  status: ReportStatus,
): Result<{ status: ReportStatus; supersedes: boolean }, ReportEditError> {
  if (isReportReadOnly(status)) return err('ReportReadOnly');
  return status === 'awaiting-approval'
    ? ok({ status: 'draft', supersedes: true })
    : ok({ status, supersedes: false });
}

/** A section's new text, sanitized, as the next version's sections. */
export function editSection(
  sections: ReportSections,
  key: ReportSectionKey,
  html: string,
): Result<ReportSections, ReportEditError> {
  if (!sections.some((s) => s.key === key)) return err('UnknownSection');
  const text = sanitizeRichText(html);
  const current = sections.find((s) => s.key === key);
  if (current?.text === text) return err('NothingChanged');
  return ok(sections.map((s) => (s.key === key ? { ...s, text } : s)));
}

/** JSON with object keys sorted: the same content always gives the same string (and so the same hash). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

const isFigure = (value: unknown): value is Figure =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Figure).value === 'number' &&
  Array.isArray((value as Figure).ids);

/** Every figure in a section's figures, by its path ("held", "items.0.votes.for"). */
function figuresByPath(value: unknown, path = '', into = new Map<string, number>()): Map<string, number> {
  if (isFigure(value)) into.set(path, value.value);
  else if (Array.isArray(value))
    for (const [i, v] of value.entries()) figuresByPath(v, path ? `${path}.${i}` : String(i), into);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) figuresByPath(v, path ? `${path}.${k}` : k, into);
  return into;
}

export interface SectionDiff {
  key: ReportSectionKey;
  /** The text's lines as a reader sees them, compared (the draft versions' line diff). */
  parts: DiffPart[];
  textChanged: boolean;
  /** Only the formatting (bold, a link's address…) changed, not the words. */
  formattingOnly: boolean;
  /** The figures whose value differs between the two versions. */
  figures: Array<{ path: string; from: number | null; to: number | null }>;
}

/** What changed, section by section, between two versions' sections. */
export function diffReportSections(from: ReportSections, to: ReportSections): SectionDiff[] {
  return REPORT_SECTION_KEYS.map((key) => {
    const a = from.find((s) => s.key === key);
    const b = to.find((s) => s.key === key);
    const aText = richTextLines(a?.text ?? '');
    const bText = richTextLines(b?.text ?? '');
    const before = figuresByPath(a?.figures ?? null);
    const after = figuresByPath(b?.figures ?? null);
    const figures = [...new Set([...before.keys(), ...after.keys()])]
      .filter((path) => before.get(path) !== after.get(path))
      .map((path) => ({ path, from: before.get(path) ?? null, to: after.get(path) ?? null }));
    return {
      key,
      parts: diffVersions(aText, bText),
      textChanged: (a?.text ?? '') !== (b?.text ?? ''),
      formattingOnly: (a?.text ?? '') !== (b?.text ?? '') && aText === bText,
      figures,
    };
  });
}

const yearText = z
  .string()
  .regex(/^\d{4}$/, 'must be a year, YYYY')
  .transform(Number)
  .refine((y) => y >= 2000 && y <= 2100, 'must be between 2000 and 2100');

export const reportYearParamSchema = z.object({ year: yearText });

export const reportCreateSchema = z.object({
  year: z.number().int().min(2000).max(2100),
});

export const reportSectionParamSchema = z.object({
  year: yearText,
  key: z.enum(REPORT_SECTION_KEYS),
});

export const reportVersionParamSchema = z.object({
  year: yearText,
  version: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, 'must be a version number')
    .transform(Number),
});

/** A section's text as the editor sends it, and the version it was edited from (a stale edit is refused). */
export const reportSectionEditSchema = z.object({
  text: z.string().max(RICH_TEXT_MAX_LENGTH),
  baseVersion: z.number().int().positive(),
});
