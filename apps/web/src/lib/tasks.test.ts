import { describe, expect, it } from 'vitest';
import { isOverdue, sortTasks } from './tasks';

describe('tasks on the dashboard', () => {
  it('are overdue only while open and past their last day', () => {
    expect(isOverdue({ status: 'open', dueDate: '2027-03-01' }, '2027-03-02')).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2027-03-02' }, '2027-03-02')).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2027-03-01' }, '2027-03-02')).toBe(false);
  });

  it('sort open ones first by deadline, closed ones after', () => {
    const tasks = [
      { id: 1, status: 'done', dueDate: '2027-01-01' },
      { id: 2, status: 'open', dueDate: '2027-05-01' },
      { id: 3, status: 'open', dueDate: '2027-02-01' },
    ];
    expect(sortTasks(tasks).map((t) => t.id)).toEqual([3, 2, 1]);
  });
});
