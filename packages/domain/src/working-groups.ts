import { z } from 'zod';
import { err, ok, type Result } from './result';

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface Task {
  id: number;
  groupId: number;
  title: string;
  responsiblePersonId: number;
  dueDate: string;
  status: TaskStatus;
}

export interface ExtensionRequest {
  id: number;
  taskId: number;
  requestedBy: number;
  requestedDueDate: string;
  status: 'pending' | 'granted' | 'refused';
}

export type TaskError =
  | 'NotResponsible'
  | 'TaskClosed'
  | 'NotLater'
  | 'AlreadyPending'
  | 'AlreadyDecided'
  | 'NotAMember';

/** Only the person responsible marks their task done, and only while it is open. */
export const decideTaskDone = (task: Task, personId: number): Result<true, TaskError> => {
  if (task.responsiblePersonId !== personId) return err('NotResponsible');
  if (task.status !== 'open') return err('TaskClosed');
  return ok(true);
};

/** An extension is asked by the person responsible, for a later date, one request at a time. */
export const decideExtensionRequest = (
  task: Task,
  personId: number,
  requestedDueDate: string,
  pending: readonly ExtensionRequest[],
): Result<true, TaskError> => {
  if (task.responsiblePersonId !== personId) return err('NotResponsible');
  if (task.status !== 'open') return err('TaskClosed');
  if (requestedDueDate <= task.dueDate) return err('NotLater');
  if (pending.some((r) => r.taskId === task.id && r.status === 'pending')) return err('AlreadyPending');
  return ok(true);
};

/** The secretary grants (the deadline moves) or refuses, once. */
export const decideExtension = (
  request: ExtensionRequest,
  task: Task,
  decision: 'granted' | 'refused',
): Result<{ newDueDate: string | null }, TaskError> => {
  if (request.status !== 'pending') return err('AlreadyDecided');
  if (task.status !== 'open') return err('TaskClosed');
  return ok({ newDueDate: decision === 'granted' ? request.requestedDueDate : null });
};

/** A task's responsible person must belong to the group. */
export const checkResponsibleIsMember = (
  responsibleId: number,
  memberIds: readonly number[],
): Result<true, TaskError> => (memberIds.includes(responsibleId) ? ok(true) : err('NotAMember'));

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'is not a real date',
  );

export const dateSchema = isoDate;

export const workingGroupInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  mandate: z.string().trim().min(1).max(5000),
  leadPersonId: z.number().int().positive().nullable(),
  memberIds: z
    .array(z.number().int().positive())
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, 'lists a person twice'),
  groupChatId: z.number().int().negative().nullable().default(null),
});
export type WorkingGroupInput = z.output<typeof workingGroupInputSchema>;

export const taskInputSchema = z.object({
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(5000).default(''),
  responsiblePersonId: z.number().int().positive(),
  dueDate: isoDate,
  directionId: z.number().int().positive().nullable().default(null),
});
export type TaskInput = z.output<typeof taskInputSchema>;

/** A change to a task: only the fields sent (no defaults, so an omitted description stays as it is). */
export const taskUpdateSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    description: z.string().trim().max(5000),
    responsiblePersonId: z.number().int().positive(),
    dueDate: isoDate,
    directionId: z.number().int().positive().nullable(),
    status: z.enum(['open', 'cancelled']),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'changes nothing');

export const extensionDecisionSchema = z.object({
  decision: z.enum(['granted', 'refused']),
  note: z.string().trim().max(1000).default(''),
});

/** `/extend <task> <YYYY-MM-DD> <reason>` as a member types it; null when it does not parse. */
export const parseExtendCommand = (
  text: string,
): { taskId: number; dueDate: string; reason: string } | null => {
  const match = /^\s*(\d{1,9})\s+(\d{4}-\d{2}-\d{2})\s+(.{3,1000})$/s.exec(text);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  if (!isoDate.safeParse(match[2]).success) return null;
  return { taskId: Number(match[1]), dueDate: match[2], reason: match[3].trim() };
};
