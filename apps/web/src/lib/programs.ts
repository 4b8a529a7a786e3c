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

/** The fields an audited change touched, each with its value before and after (as JSON); all of `after` for a creation. */
export function changedFields(
  before: unknown,
  after: unknown,
): Array<{ field: string; before: string; after: string }> {
  const was = fromLog(before);
  const now = fromLog(after);
  if (!isRecord(now)) return [];
  if (!isRecord(was)) return fieldsOf({}, now);
  return fieldsOf(was, now);
}

function fieldsOf(was: Record<string, unknown>, now: Record<string, unknown>) {
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  return fields.flatMap((field) => {
    if (field === 'id' || field === 'programId' || field === 'updatedAt') return [];
    const from = field in was ? JSON.stringify(was[field]) : '';
    const to = field in now ? JSON.stringify(now[field]) : '';
    return from === to || !(field in now) ? [] : [{ field, before: from, after: to }];
  });
}
