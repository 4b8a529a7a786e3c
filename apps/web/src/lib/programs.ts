import type { MemberStateCode } from '@accord/domain';
import type { client } from '../api';
import { addDays } from './timeline';

/** The body the API takes to create or change an activity. */
export type ActivityInput = Parameters<(typeof client.api.programs)[':id']['activities']['$post']>[0]['json'];

/** What the form and the timeline read of a saved activity to send it back. */
export interface SavedActivity {
  title: string;
  description: string;
  directionId: number;
  leadState: MemberStateCode;
  participatingStates: readonly MemberStateCode[];
  responsiblePersonIds: readonly number[];
  start: string;
  end: string;
  status: ActivityInput['status'];
  progress: number;
  milestones: ReadonlyArray<{ title: string; date: string; reachedAt?: string | null | undefined }>;
  dependsOn: readonly number[];
}

/** A saved activity as the API's input, its dates (and its milestones with them) moved by `days`. */
export const movedActivityInput = (a: SavedActivity, days: number): ActivityInput => ({
  title: a.title,
  description: a.description,
  directionId: a.directionId,
  leadState: a.leadState,
  participatingStates: [...a.participatingStates],
  responsiblePersonIds: [...a.responsiblePersonIds],
  start: addDays(a.start, days),
  end: addDays(a.end, days),
  status: a.status,
  progress: a.progress,
  milestones: a.milestones.map((m) => ({
    title: m.title,
    date: addDays(m.date, days),
    reachedAt: m.reachedAt ?? null,
  })),
  dependsOn: [...a.dependsOn],
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The audit log keeps before and after as JSON text; a value that is not JSON is kept as it is. */
const fromLog = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

/** One field an audited change touched: its value before (`undefined`: it had none) and after. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields an audited change touched, with their values before and after; for a creation, every field it filled. */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const was = fromLog(before);
  const now = fromLog(after);
  if (!isRecord(now)) return [];
  return fieldsOf(isRecord(was) ? was : {}, now);
}

/** A milestone's row id is the database's, not the activity's: a change to it is no change. */
const comparable = (field: string, value: unknown): string =>
  JSON.stringify(
    field === 'milestones' && Array.isArray(value)
      ? value.map((m) => (isRecord(m) ? { ...m, id: undefined } : m))
      : value,
  );

const isEmpty = (value: unknown) =>
  value === null || value === '' || (Array.isArray(value) && value.length === 0);

function fieldsOf(was: Record<string, unknown>, now: Record<string, unknown>): FieldChange[] {
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  return fields.flatMap((field) => {
    if (field === 'id' || field === 'programId' || field === 'updatedAt' || !(field in now)) return [];
    if (field in was && comparable(field, was[field]) === comparable(field, now[field])) return [];
    // A field a creation left empty says nothing ("— → —").
    if (!(field in was) && isEmpty(now[field])) return [];
    return [{ field, before: was[field], after: now[field] }];
  });
}

/** How the history names what a field refers to, in the reader's language. */
export interface ActivityNames {
  direction: (id: number) => string;
  state: (code: string) => string;
  person: (id: number) => string;
  activity: (id: number) => string;
  status: (status: string) => string;
  /** A milestone, with the day it was reached if it was. */
  milestone: (title: string, date: string, reachedOn: string | null) => string;
  none: string;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const joined = (items: string[], none: string) => (items.length > 0 ? items.join('; ') : none);

/** An audited value of an activity's field as its reader says it: names for ids and codes, not JSON. */
export function activityValueText(field: string, value: unknown, names: ActivityNames): string {
  if (value === undefined || value === null || value === '') return names.none;
  switch (field) {
    case 'directionId':
      return names.direction(Number(value));
    case 'leadState':
      return names.state(String(value));
    case 'participatingStates':
      return joined(
        list(value).map((code) => names.state(String(code))),
        names.none,
      );
    case 'responsiblePersonIds':
      return joined(
        list(value).map((id) => names.person(Number(id))),
        names.none,
      );
    case 'dependsOn':
      return joined(
        list(value).map((id) => names.activity(Number(id))),
        names.none,
      );
    case 'status':
      return names.status(String(value));
    case 'progress':
      return `${String(value)}%`;
    case 'milestones':
      return joined(
        list(value).flatMap((m) =>
          isRecord(m)
            ? [
                names.milestone(
                  String(m.title ?? ''),
                  String(m.date ?? ''),
                  typeof m.reachedAt === 'string' ? m.reachedAt.slice(0, 10) : null,
                ),
              ]
            : [],
        ),
        names.none,
      );
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
