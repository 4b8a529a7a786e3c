import { z } from 'zod';
import type { Representation } from './people';
import { isRepresentationActive } from './people';
import { localDate } from './reminders/hours';
import { err, ok, type Result } from './result';
import { idParamSchema } from './schemas';
import { MEMBER_STATE_CODES, type MemberStateCode } from './states';

/**
 * What a member state's government has done with an adopted recommendation or decision, in the
 * order it usually happens: the commission sent it, the government is considering it, has
 * accepted it, has implemented it.
 */
export const RESPONSE_STATUSES = ['sent', 'under-consideration', 'accepted', 'implemented'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/** A state has answered once its government accepted (or implemented): reminders stop there. */
export const isResponseSettled = (status: ResponseStatus | null): boolean =>
  status === 'accepted' || status === 'implemented';

/** The register number a commission writes: "12/2026", numbered afresh each year. */
export const formatRegisterNumber = (entry: { number: number; year: number }): string =>
  `${entry.number}/${entry.year}`;

/** The register's year of an adoption: the calendar year where the ballot was run, not UTC's. */
export const registerYear = (adoptedAt: string, timeZone: string): number =>
  Number(localDate(adoptedAt, timeZone).slice(0, 4));

/** One recorded state of a government's response. */
export interface ResponseEntry {
  status: ResponseStatus;
  /** "yyyy-MM-dd": the day of the letter or act that shows it. */
  date: string;
  note: string;
}

export type ResponseError =
  | 'NothingChanged'
  | 'StatusGoesBack'
  | 'CorrectionNeedsNote'
  | 'DateBeforeAdoption'
  | 'DateInFuture'
  | 'DateBeforePrevious';

const rank = (status: ResponseStatus) => RESPONSE_STATUSES.indexOf(status);

/**
 * Whether a change to a state's response may be recorded. Steps may be skipped (a government
 * often answers "accepted" straight away, or reports an act already implemented), and the same
 * status may be recorded again with a new date or note (a further letter). Going back, or dating
 * a step before the last one, is only a correction of a mistake, and a correction says why.
 */
export function decideResponseChange(
  current: ResponseEntry | null,
  next: ResponseEntry & { correction: boolean },
  context: { adoptedOn: string; today: string },
): Result<ResponseEntry, ResponseError> {
  const entry = { status: next.status, date: next.date, note: next.note };
  if (next.date < context.adoptedOn) return err('DateBeforeAdoption');
  if (next.date > context.today) return err('DateInFuture');
  if (current && current.status === next.status && current.date === next.date && current.note === next.note)
    return err('NothingChanged');
  const backwards =
    current !== null && (rank(next.status) < rank(current.status) || next.date < current.date);
  if (backwards && !next.correction)
    return err(rank(next.status) < rank(current.status) ? 'StatusGoesBack' : 'DateBeforePrevious');
  if (next.correction && next.note === '') return err('CorrectionNeedsNote');
  return ok(entry);
}

/**
 * Who answers for a state's response: its head of delegation; with no head in office, the state's
 * other accredited representatives, so a vacancy does not silence the reminders.
 */
export function responsibleForResponse(
  representations: readonly Representation[],
  stateCode: MemberStateCode,
  now: string,
): number[] {
  const active = representations.filter((r) => r.stateCode === stateCode && isRepresentationActive(r, now));
  const heads = active.filter((r) => r.kind === 'head');
  return [...new Set((heads.length > 0 ? heads : active).map((r) => r.personId))];
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d),
    'is not a real date',
  );

/** A change to a state's response, as the secretary records it. */
export const responseChangeSchema = z.object({
  status: z.enum(RESPONSE_STATUSES),
  date: isoDate,
  note: z.string().trim().max(2000).default(''),
  correction: z.boolean().default(false),
});
export type ResponseChange = z.output<typeof responseChangeSchema>;

/** `/:id/responses/:stateCode`: a decision's id and a member state's code. */
export const responseParamSchema = idParamSchema.extend({ stateCode: z.enum(MEMBER_STATE_CODES) });
