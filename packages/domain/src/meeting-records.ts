import { z } from 'zod';
import type { Meeting } from './meetings';

/** Whether a person attended: first taken from their answer to the notice, then corrected by hand. */
export interface AttendanceEntry {
  personId: number;
  present: boolean;
  /** `rsvp` until the secretary confirms or corrects it. */
  source: 'rsvp' | 'hand';
}

export type MeetingRecordError =
  | 'NotNotified'
  | 'NotStartedYet'
  | 'NotHeld'
  | 'MinutesPublished'
  | 'UnknownAgendaItem';

/** A meeting can be marked held once it was announced and has begun; a cancelled one never. */
export function decideMarkHeld(
  meeting: Pick<Meeting, 'status' | 'startsAt'>,
  now: string,
): { ok: true } | { ok: false; error: MeetingRecordError } {
  if (meeting.status !== 'notified') return { ok: false, error: 'NotNotified' };
  if (Date.parse(meeting.startsAt) > Date.parse(now)) return { ok: false, error: 'NotStartedYet' };
  return { ok: true };
}

/** Attendance as the answers to the notice suggest it: those who said they would come. */
export const attendanceFromAnswers = (
  invitees: readonly number[],
  answers: ReadonlyMap<number, 'yes' | 'no'>,
): AttendanceEntry[] =>
  invitees.map((personId) => ({ personId, present: answers.get(personId) === 'yes', source: 'rsvp' }));

/** The minutes can change until they are sent to the members; each item must be on the agenda. */
export function decideMinutes(
  record: { heldAt: string | null; minutesPublishedAt: string | null },
  agendaPositions: readonly number[],
  items: ReadonlyArray<{ agendaPosition: number }>,
): { ok: true } | { ok: false; error: MeetingRecordError } {
  if (record.heldAt === null) return { ok: false, error: 'NotHeld' };
  if (record.minutesPublishedAt !== null) return { ok: false, error: 'MinutesPublished' };
  if (items.some((i) => !agendaPositions.includes(i.agendaPosition)))
    return { ok: false, error: 'UnknownAgendaItem' };
  return { ok: true };
}

export const attendanceInputSchema = z.object({
  entries: z.array(z.object({ personId: z.number().int().positive(), present: z.boolean() })).max(500),
});

export const minutesInputSchema = z.object({
  summary: z.string().max(20_000).default(''),
  items: z
    .array(
      z.object({
        agendaPosition: z.number().int().positive(),
        outcome: z.string().trim().min(1).max(5_000),
        draftIds: z.array(z.number().int().positive()).max(20).default([]),
      }),
    )
    .max(100),
});
