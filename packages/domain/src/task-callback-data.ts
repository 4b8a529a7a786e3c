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
