import type { ActivityRecord, ProgramRecord } from '@accord/db';
import { type ActivityIssue, activityInputSchema, checkActivity } from '@accord/domain';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';

/** The columns of an activities file, in order; the same for export and import. */
export const ACTIVITY_CSV_COLUMNS = [
  'id',
  'title',
  'description',
  'direction',
  'lead_state',
  'participating_states',
  'responsible_person_ids',
  'start',
  'end',
  'status',
  'progress',
  'milestones',
  'depends_on',
] as const;

/** Lists inside a cell are separated by semicolons; a milestone is "title@YYYY-MM-DD". */
const list = (cell: string | undefined) =>
  (cell ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** A program's activities as CSV (RFC 4180, by csv-stringify), directions by their position. */
export function activitiesToCsv(program: ProgramRecord, activities: readonly ActivityRecord[]): string {
  const position = new Map(program.directions.map((d) => [d.id, d.position]));
  return stringify(
    activities.map((a) => [
      a.id,
      a.title,
      a.description,
      position.get(a.directionId) ?? '',
      a.leadState,
      a.participatingStates.join(';'),
      a.responsiblePersonIds.join(';'),
      a.start,
      a.end,
      a.status,
      a.progress,
      a.milestones.map((m) => `${m.title.replaceAll(';', ',').replaceAll('@', ' ')}@${m.date}`).join(';'),
      a.dependsOn.join(';'),
    ]),
    { header: true, columns: [...ACTIVITY_CSV_COLUMNS] },
  );
}

/**
 * Why a row (or the file) was refused, for the dashboard to word in the reader's language: the
 * file's own faults, a cell not in its column's form (`invalid`), or one of the domain's checks.
 */
export type ImportIssueCode =
  | 'unreadable'
  | 'missing_column'
  | 'unknown_activity'
  | 'unknown_direction'
  | 'unknown_person'
  | 'invalid'
  | ActivityIssue['code'];

export interface RowError {
  /** The file's line number of the row (the header is line 1). */
  line: number;
  /** `message` is English, for anyone reading the API's answer as it is. */
  errors: Array<{ column: string; code: ImportIssueCode; message: string }>;
}

export type ImportedRow = {
  /** The row's line in the file. */
  line: number;
  id: number | null;
  input: z.output<typeof activityInputSchema>;
};

/** The file's column for a field of the activity. */
const COLUMN_OF: Record<string, string> = {
  directionId: 'direction',
  leadState: 'lead_state',
  participatingStates: 'participating_states',
  responsiblePersonIds: 'responsible_person_ids',
  dependsOn: 'depends_on',
};
const columnOf = (field: string) => COLUMN_OF[field] ?? field;
const issueColumn = (issue: ActivityIssue) => columnOf(issue.field);

/**
 * Reads an activities file and checks every row — each on its own and all together (a
 * dependency may name another row's id, and no cycle may form) — before anything is written.
 * Rows with an id change that activity; rows without one are new.
 */
export function readActivitiesCsv(
  program: ProgramRecord,
  existing: readonly ActivityRecord[],
  csv: string,
): { ok: true; rows: ImportedRow[] } | { ok: false; rowErrors: RowError[] } {
  let records: Array<{ info: { lines: number }; record: Record<string, string> }>;
  try {
    // With `info`, each record comes with its line in the file (blank lines are skipped, not counted out).
    records = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true, info: true });
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    return {
      ok: false,
      rowErrors: [
        {
          line: typeof line === 'number' && line > 0 ? line : 1,
          errors: [{ column: '', code: 'unreadable', message: String((error as Error).message) }],
        },
      ],
    };
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = ACTIVITY_CSV_COLUMNS.filter((c) => c !== 'id' && !header.includes(c));
  if (records.length > 0 && missing.length > 0)
    return {
      ok: false,
      rowErrors: [
        {
          line: 1,
          errors: missing.map((column) => ({ column, code: 'missing_column', message: 'missing column' })),
        },
      ],
    };
  const byPosition = new Map(program.directions.map((d) => [String(d.position), d.id]));
  const known = new Set(existing.map((a) => a.id));
  const rowErrors: RowError[] = [];
  const rows: ImportedRow[] = [];
  for (const { info, record } of records) {
    const line = info.lines;
    const errors: RowError['errors'] = [];
    const id = record.id ? Number(record.id) : null;
    if (id !== null && !known.has(id))
      errors.push({ column: 'id', code: 'unknown_activity', message: 'no such activity in this program' });
    const directionId = byPosition.get(record.direction ?? '');
    if (directionId === undefined)
      errors.push({
        column: 'direction',
        code: 'unknown_direction',
        message: 'not a direction number of this program',
      });
    const milestones = list(record.milestones).map((m) => {
      const at = m.lastIndexOf('@');
      return { title: at < 0 ? m : m.slice(0, at).trim(), date: at < 0 ? '' : m.slice(at + 1).trim() };
    });
    const parsed = activityInputSchema.safeParse({
      title: record.title,
      description: record.description ?? '',
      directionId: directionId ?? 0,
      leadState: record.lead_state,
      participatingStates: list(record.participating_states),
      responsiblePersonIds: list(record.responsible_person_ids).map(Number),
      start: record.start,
      end: record.end,
      status: record.status || 'planned',
      progress: record.progress === '' || record.progress === undefined ? 0 : Number(record.progress),
      milestones,
      dependsOn: list(record.depends_on).map(Number),
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        if (!(issue.path[0] === 'directionId' && directionId === undefined))
          errors.push({
            column: columnOf(String(issue.path[0] ?? '')),
            code: 'invalid',
            message: issue.message,
          });
    if (errors.length > 0) rowErrors.push({ line, errors });
    else if (parsed.success) rows.push({ line, id, input: parsed.data });
  }
  // Checked together: today's activities as the file leaves them, new rows under stand-in ids.
  const standIn = (i: number) => -(i + 1);
  const merged = [
    ...existing.filter((a) => !rows.some((r) => r.id === a.id)),
    ...rows.map((r, i) => ({ id: r.id ?? standIn(i), ...r.input })),
  ];
  rows.forEach((row, i) => {
    const { issues } = checkActivity(program, { id: row.id ?? standIn(i), ...row.input }, merged);
    if (issues.length > 0)
      rowErrors.push({
        line: row.line,
        errors: issues.map((issue) => ({
          column: issueColumn(issue),
          code: issue.code,
          message: issue.code,
        })),
      });
  });
  if (rowErrors.length > 0) return { ok: false, rowErrors: rowErrors.sort((a, b) => a.line - b.line) };
  return { ok: true, rows };
}
