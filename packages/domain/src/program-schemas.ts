import { z } from 'zod';
import { ACTIVITY_STATUSES } from './programs';
import type { SchemaCheckCode } from './schemas';
import { MEMBER_STATE_CODES } from './states';

/** A calendar date that exists ("2027-02-30" does not). */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine((value) => {
    // zod runs this even when the pattern failed: "2027-13-01" or "soon" must be refused, not throw.
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'is not a calendar date');

const title = z.string().trim().min(1).max(300);

const directionSchema = z.object({ titleRu: title, titleEn: title });

export const programInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{2,40}$/, 'ProgramCode' satisfies SchemaCheckCode),
    titleRu: title,
    titleEn: title,
    periodStart: calendarDate,
    periodEnd: calendarDate,
    goals: z.string().max(20_000).default(''),
    directions: z.array(directionSchema).max(20).default([]),
  })
  .refine((p) => p.periodEnd > p.periodStart, {
    path: ['periodEnd'],
    message: 'EndBeforeStart' satisfies SchemaCheckCode,
  });

export const programUpdateSchema = z
  .object({
    titleRu: title,
    titleEn: title,
    periodStart: calendarDate,
    periodEnd: calendarDate,
    goals: z.string().max(20_000).default(''),
  })
  .refine((p) => p.periodEnd > p.periodStart, {
    path: ['periodEnd'],
    message: 'EndBeforeStart' satisfies SchemaCheckCode,
  });

export const directionInputSchema = directionSchema;

export const activityInputSchema = z.object({
  title,
  description: z.string().max(20_000).default(''),
  directionId: z.number().int().positive(),
  leadState: z.enum(MEMBER_STATE_CODES),
  participatingStates: z.array(z.enum(MEMBER_STATE_CODES)).max(6).default([]),
  responsiblePersonIds: z.array(z.number().int().positive()).max(50).default([]),
  start: calendarDate,
  end: calendarDate,
  status: z.enum(ACTIVITY_STATUSES).default('planned'),
  progress: z.number().int().min(0).max(100).default(0),
  milestones: z
    .array(z.object({ title, date: calendarDate, reachedAt: z.iso.datetime().nullable().default(null) }))
    .max(100)
    .default([]),
  dependsOn: z.array(z.number().int().positive()).max(100).default([]),
});

export const programActivityParamSchema = z.object({
  id: z.coerce.number().int().positive(),
  activityId: z.coerce.number().int().positive(),
});

export const programStateParamSchema = z.object({
  id: z.coerce.number().int().positive(),
  code: z.enum(MEMBER_STATE_CODES),
});
