import { describe, expect, it } from 'vitest';
import { decodeTaskCallback, encodeTaskCallback } from './task-callback-data';
import {
  decideExtension,
  decideExtensionRequest,
  decideTaskDone,
  parseExtendCommand,
  type Task,
  taskInputSchema,
} from './working-groups';

const task: Task = {
  id: 5,
  groupId: 1,
  title: 'Draft the standard',
  responsiblePersonId: 9,
  dueDate: '2027-05-01',
  status: 'open',
};

describe('working-group tasks', () => {
  it('are marked done by the person responsible, once', () => {
    expect(decideTaskDone(task, 9)).toEqual({ ok: true, value: true });
    expect(decideTaskDone(task, 8)).toEqual({ ok: false, error: 'NotResponsible' });
    expect(decideTaskDone({ ...task, status: 'done' }, 9)).toEqual({ ok: false, error: 'TaskClosed' });
  });

  it('take one extension request at a time, for a later date, from the person responsible', () => {
    expect(decideExtensionRequest(task, 9, '2027-06-01', [])).toEqual({ ok: true, value: true });
    expect(decideExtensionRequest(task, 9, '2027-05-01', [])).toEqual({ ok: false, error: 'NotLater' });
    expect(decideExtensionRequest(task, 7, '2027-06-01', [])).toEqual({ ok: false, error: 'NotResponsible' });
    const pending = [
      { id: 1, taskId: 5, requestedBy: 9, requestedDueDate: '2027-06-01', status: 'pending' as const },
    ];
    expect(decideExtensionRequest(task, 9, '2027-07-01', pending)).toEqual({
      ok: false,
      error: 'AlreadyPending',
    });
  });

  it('move the deadline when granted, and are decided once', () => {
    const request = {
      id: 1,
      taskId: 5,
      requestedBy: 9,
      requestedDueDate: '2027-06-01',
      status: 'pending' as const,
    };
    expect(decideExtension(request, task, 'granted')).toEqual({
      ok: true,
      value: { newDueDate: '2027-06-01' },
    });
    expect(decideExtension(request, task, 'refused')).toEqual({ ok: true, value: { newDueDate: null } });
    expect(decideExtension({ ...request, status: 'granted' }, task, 'refused')).toEqual({
      ok: false,
      error: 'AlreadyDecided',
    });
  });

  it('read `/extend <task> <date> <reason>` as typed, and refuse what does not parse', () => {
    expect(parseExtendCommand('5 2027-06-01 Waiting for the ministry')).toEqual({
      taskId: 5,
      dueDate: '2027-06-01',
      reason: 'Waiting for the ministry',
    });
    for (const bad of [
      '',
      '5',
      '5 2027-06-01',
      'x 2027-06-01 reason',
      '5 2027-02-30 reason',
      '5 01.06.2027 reason',
    ]) {
      expect(parseExtendCommand(bad)).toBeNull();
    }
  });

  it('refuse a due date that is not a real date', () => {
    expect(
      taskInputSchema.safeParse({ title: 'T', responsiblePersonId: 1, dueDate: '2027-02-29' }).success,
    ).toBe(false);
    expect(
      taskInputSchema.safeParse({ title: 'T', responsiblePersonId: 1, dueDate: '2028-02-29' }).success,
    ).toBe(true);
  });
});

describe('task buttons', () => {
  it('round-trip and refuse anything else', () => {
    expect(decodeTaskCallback(encodeTaskCallback({ kind: 'task-done', taskId: 42 }))).toEqual({
      kind: 'task-done',
      taskId: 42,
    });
    expect(decodeTaskCallback(encodeTaskCallback({ kind: 'task-extend', taskId: 7 }))).toEqual({
      kind: 'task-extend',
      taskId: 7,
    });
    for (const bad of ['t:0:d', 't:1:z', 't:1', 'r:1:y', 't:1:d:x', undefined])
      expect(decodeTaskCallback(bad)).toBeNull();
  });
});
