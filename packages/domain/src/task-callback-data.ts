/** Buttons under a member's task list: `t:<taskId>:d` marks it done, `t:<taskId>:x` asks how to request more time. */
export type TaskCallback = { kind: 'task-done'; taskId: number } | { kind: 'task-extend'; taskId: number };

export const encodeTaskCallback = (action: TaskCallback): string =>
  `t:${action.taskId}:${action.kind === 'task-done' ? 'd' : 'x'}`;

export const decodeTaskCallback = (data: string | undefined): TaskCallback | null => {
  const match = /^t:([1-9]\d{0,11}):([dx])$/.exec(data ?? '');
  if (!match?.[1]) return null;
  const taskId = Number(match[1]);
  return match[2] === 'd' ? { kind: 'task-done', taskId } : { kind: 'task-extend', taskId };
};

/**
 * Buttons under a member's program activities: `a:<activityId>:p` asks for the progress,
 * `a:<activityId>:p<0–100>` reports it, `a:<activityId>:m<milestoneId>` marks a milestone reached.
 */
export type ActivityCallback =
  | { kind: 'activity-progress-ask'; activityId: number }
  | { kind: 'activity-progress'; activityId: number; progress: number }
  | { kind: 'milestone-reached'; activityId: number; milestoneId: number };

/** The progress a member can report with one press. */
export const PROGRESS_STEPS = [10, 25, 50, 75, 90, 100] as const;

export const encodeActivityCallback = (action: ActivityCallback): string =>
  action.kind === 'activity-progress-ask'
    ? `a:${action.activityId}:p`
    : action.kind === 'activity-progress'
      ? `a:${action.activityId}:p${action.progress}`
      : `a:${action.activityId}:m${action.milestoneId}`;

export const decodeActivityCallback = (data: string | undefined): ActivityCallback | null => {
  const match = /^a:([1-9]\d{0,11}):(p|p\d{1,3}|m[1-9]\d{0,11})$/.exec(data ?? '');
  if (!match?.[1] || !match[2]) return null;
  const activityId = Number(match[1]);
  const code = match[2];
  if (code === 'p') return { kind: 'activity-progress-ask', activityId };
  if (code.startsWith('m'))
    return { kind: 'milestone-reached', activityId, milestoneId: Number(code.slice(1)) };
  const progress = Number(code.slice(1));
  return progress >= 0 && progress <= 100 ? { kind: 'activity-progress', activityId, progress } : null;
};
