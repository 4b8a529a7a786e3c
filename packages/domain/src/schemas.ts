import { z } from 'zod';
import { MEETING_KINDS } from './meetings';
import { LANGUAGES, REPRESENTATION_KINDS } from './people';
import { ASSIGNABLE_ROLES } from './roles';
import { MEMBER_STATE_CODES } from './states';
import { isTimeZone, localToUtc } from './time';

/**
 * What a schema's own check a person can meet in a form gives as its message: a code, which the
 * dashboard words in the reader's language (as the activity checks' `ActivityIssue` codes).
 */
export const SCHEMA_CHECK_CODES = [
  'EndBeforeStart',
  'ProgramCode',
  'NoSuchLocalTime',
  'FractionAboveOne',
] as const;
export type SchemaCheckCode = (typeof SCHEMA_CHECK_CODES)[number];

/** A numeric id in a path: digits only, a safe positive integer. */
export const idParamSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'must be a positive whole number')
    .transform(Number)
    .refine(Number.isSafeInteger, 'too large'),
});

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a local date and time, YYYY-MM-DDTHH:mm');

export const timeZoneSchema = z.string().min(1).max(64).refine(isTimeZone, 'must be an IANA time zone');

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** A meeting as the secretary enters it: local wall-clock times in the meeting's own zone. */
export const meetingInputSchema = z
  .object({
    kind: z.enum(MEETING_KINDS),
    title: z.string().trim().min(1).max(200),
    startsLocal: localDateTime,
    endsLocal: localDateTime,
    timeZone: timeZoneSchema,
    place: optionalText(300),
    link: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullish()
      .or(z.literal(''))
      .transform((v) => (v ? v : null)),
    agenda: z.array(z.string().trim().min(1).max(500)).max(50),
    workingGroupId: z.number().int().positive().nullable().default(null),
  })
  .transform((input, ctx) => {
    const startsAt = localToUtc(input.startsLocal, input.timeZone);
    const endsAt = localToUtc(input.endsLocal, input.timeZone);
    if (startsAt === null)
      ctx.addIssue({
        code: 'custom',
        path: ['startsLocal'],
        message: 'NoSuchLocalTime' satisfies SchemaCheckCode,
      });
    if (endsAt === null)
      ctx.addIssue({
        code: 'custom',
        path: ['endsLocal'],
        message: 'NoSuchLocalTime' satisfies SchemaCheckCode,
      });
    if (startsAt === null || endsAt === null) return z.NEVER;
    if (Date.parse(endsAt) <= Date.parse(startsAt)) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsLocal'],
        message: 'EndBeforeStart' satisfies SchemaCheckCode,
      });
      return z.NEVER;
    }
    return {
      kind: input.kind,
      title: input.title,
      startsAt,
      endsAt,
      timeZone: input.timeZone,
      place: input.place,
      link: input.link,
      agenda: input.agenda.map((title, i) => ({ position: i + 1, title })),
      workingGroupId: input.workingGroupId,
    };
  });
export type MeetingInput = z.input<typeof meetingInputSchema>;

export const devLoginSchema = z.object({ personId: z.number().int().positive() });

export const languageSchema = z.enum(LANGUAGES);

export const outboxListQuerySchema = z.object({
  state: z.enum(['pending', 'sending', 'sent', 'failed']).optional(),
});

export const loginSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not a sign-in token'),
});

const representationSchema = z.object({
  stateCode: z.enum(MEMBER_STATE_CODES),
  kind: z.enum(REPRESENTATION_KINDS),
});

/** A person as the admin enters them; a member represents at most one state. */
export const personInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  roles: z
    .array(z.enum(ASSIGNABLE_ROLES))
    .min(1)
    .max(ASSIGNABLE_ROLES.length)
    .refine((r) => new Set(r).size === r.length, 'lists a role twice'),
  language: languageSchema,
  timeZone: timeZoneSchema,
  representation: representationSchema.nullable().default(null),
});
export type PersonInput = z.output<typeof personInputSchema>;

export const personUpdateSchema = personInputSchema
  .omit({ representation: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'changes nothing');

export const deactivationSchema = z.object({
  successorId: z.number().int().positive().nullable().default(null),
});

export const deputySchema = z.object({ personId: z.number().int().positive().nullable() });

const isoInstant = z.iso.datetime({ offset: true });

export const auditQuerySchema = z.object({
  recordType: z
    .string()
    .regex(/^[a-z_-]{1,40}$/)
    .optional(),
  recordId: z
    .string()
    .regex(/^[\w:-]{1,40}$/)
    .optional(),
  action: z
    .string()
    .regex(/^[a-z_.-]{1,60}$/)
    .optional(),
  actorId: z
    .string()
    .regex(/^[1-9]\d{0,15}$/)
    .transform(Number)
    .optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  limit: z
    .string()
    .regex(/^\d{1,5}$/)
    .transform(Number)
    .refine((n) => n >= 1 && n <= 10_000, 'between 1 and 10000')
    .optional(),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

/** A calendar year in a query string, 2000–2100. */
export const rhythmQuerySchema = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'must be a year')
    .transform(Number)
    .refine((y) => y >= 2000 && y <= 2100, 'must be between 2000 and 2100')
    .optional(),
});

/** The escalation ladder as the admin sets it: one to four steps, each later than the one before. */
export const ladderSchema = z
  .array(
    z.object({
      to: z.enum(['head', 'secretary', 'chairman']),
      afterDays: z.number().int().min(0).max(365),
      statuteOnly: z.boolean().optional(),
    }),
  )
  .min(1)
  .max(4)
  .refine(
    (steps) => steps.every((s, i) => i === 0 || s.afterDays > (steps[i - 1]?.afterDays ?? -1)),
    'each step must come later than the one before',
  );

const fractionSchema = z
  .object({
    numerator: z.number().int().min(1).max(100),
    denominator: z.number().int().min(1).max(100),
    strict: z.boolean().optional(),
  })
  .refine((f) => f.numerator <= f.denominator, 'FractionAboveOne' satisfies SchemaCheckCode);

/** A ballot as the secretary opens it on a draft's current version. */
export const ballotInputSchema = z
  .object({
    rule: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('consensus') }),
      z.object({ kind: z.literal('majority'), threshold: fractionSchema }),
      z.object({ kind: z.literal('silence') }),
    ]),
    quorum: fractionSchema.optional(),
    opensLocal: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
      .optional(),
    closesLocal: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a local date and time, YYYY-MM-DDTHH:mm'),
    timeZone: timeZoneSchema,
    resultsHidden: z.boolean().default(false),
    /** How long before the close the states that have not voted are reminded. */
    reminderLeadHours: z.number().int().min(1).max(168).default(24),
    eligibleStates: z.array(z.enum(MEMBER_STATE_CODES)).min(1).max(6).optional(),
  })
  .transform((input, ctx) => {
    const closesAt = localToUtc(input.closesLocal, input.timeZone);
    const opensAt = input.opensLocal ? localToUtc(input.opensLocal, input.timeZone) : null;
    if (closesAt === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['closesLocal'],
        message: 'NoSuchLocalTime' satisfies SchemaCheckCode,
      });
      return z.NEVER;
    }
    return { ...input, closesAt, opensAt };
  });

/** A ballot's new closing moment, as an ISO instant with its offset (the dashboard converts from the zone). */
export const ballotExtensionSchema = z.object({
  closesAt: isoInstant.transform((value) => new Date(value).toISOString()),
});

/** A state's vote given in the room or by official letter, recorded by the secretary. */

export const recordedVoteSchema = z.object({
  stateCode: z.enum(MEMBER_STATE_CODES),
  choice: z.enum(['for', 'against', 'abstain']),
  channel: z.enum(['room', 'letter']),
  reference: z.string().trim().min(1).max(200),
  comment: z.string().trim().max(2000).default(''),
  /** Whether the comment is a plain comment or the state's reservation (dissenting opinion). */
  remarkKind: z.enum(['comment', 'reservation']).default('comment'),
});
