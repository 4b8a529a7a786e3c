/** Whether an open task's last day ("yyyy-MM-dd") is before today's date. */
export const isOverdue = (task: { status: string; dueDate: string }, today: string): boolean =>
  task.status === 'open' && task.dueDate < today;

/** Open tasks first, soonest deadline first; closed ones after. */
export const sortTasks = <T extends { status: string; dueDate: string; id: number }>(
  tasks: readonly T[],
): T[] =>
  [...tasks].sort(
    (a, b) =>
      Number(a.status !== 'open') - Number(b.status !== 'open') ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.id - b.id,
  );
