import { describe, expect, it } from 'vitest';
import { activityInputSchema } from './program-schemas';
import {
  type Activity,
  atRiskActivities,
  checkActivity,
  decideActivityReport,
  durationDays,
  overdueActivities,
  planAgainstActual,
  rolledUpProgress,
  statePart,
  statusAfterProgress,
} from './programs';
import { decodeActivityCallback, encodeActivityCallback } from './task-callback-data';

const program = { periodStart: '2021-01-01', periodEnd: '2025-12-31' };
const activity = (id: number, over: Partial<Activity> = {}): Activity => ({
  id,
  title: `Activity ${id}`,
  directionId: 1,
  leadState: 'KZ',
  participatingStates: [],
  responsiblePersonIds: [],
  start: '2022-01-01',
  end: '2022-12-31',
  status: 'planned',
  progress: 0,
  milestones: [],
  dependsOn: [],
  ...over,
});

describe('checking an activity', () => {
  it('accepts one inside the program, in order, with its milestones inside it', () => {
    expect(
      checkActivity(program, activity(1, { milestones: [{ title: 'Half', date: '2022-06-30' }] }), []),
    ).toEqual({ issues: [], warnings: [] });
  });
  it('refuses an end before the start, dates outside the period, and a milestone outside the activity', () => {
    const { issues } = checkActivity(
      program,
      activity(1, {
        start: '2020-06-01',
        end: '2020-01-01',
        milestones: [
          { title: 'ok', date: '2020-03-01' },
          { title: 'late', date: '2026-01-01' },
        ],
      }),
      [],
    );
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['EndBeforeStart', 'end'],
      ['OutsideProgram', 'start'],
      ['OutsideProgram', 'end'],
      ['MilestoneOutsideActivity', 'milestones'],
      ['MilestoneOutsideActivity', 'milestones'],
    ]);
  });
  it('allows the first and last day of the period, and a one-day activity', () => {
    expect(
      checkActivity(program, activity(1, { start: '2021-01-01', end: '2021-01-01' }), []).issues,
    ).toEqual([]);
    expect(
      checkActivity(program, activity(1, { start: '2025-12-31', end: '2025-12-31' }), []).issues,
    ).toEqual([]);
  });
  it('finds a cycle through the activity, however long, and names it', () => {
    const others = [
      activity(2, { dependsOn: [3] }),
      activity(3, { dependsOn: [4] }),
      activity(4, { dependsOn: [1] }),
    ];
    const { issues } = checkActivity(program, activity(1, { dependsOn: [2] }), others);
    expect(issues).toEqual([{ code: 'DependencyCycle', field: 'dependsOn', cycle: [1, 2, 3, 4, 1] }]);
  });
  it('is not fooled by a diamond, and refuses a dependency on itself or on nothing', () => {
    const others = [activity(2, { dependsOn: [4] }), activity(3, { dependsOn: [4] }), activity(4)];
    expect(checkActivity(program, activity(1, { dependsOn: [2, 3] }), others).issues).toEqual([]);
    expect(
      checkActivity(program, activity(1, { dependsOn: [1, 9] }), others).issues.map((i) => i.code),
    ).toEqual(['DependsOnItself', 'UnknownDependency']);
  });
  it('warns when a dependency ends after the activity starts', () => {
    const { issues, warnings } = checkActivity(
      program,
      activity(1, { start: '2022-03-01', dependsOn: [2] }),
      [activity(2, { end: '2022-04-01' })],
    );
    expect(issues).toEqual([]);
    expect(warnings).toEqual([
      { code: 'DependencyEndsAfterStart', dependencyId: 2, dependencyEnd: '2022-04-01' },
    ]);
  });
});

describe('what the secretary asks', () => {
  it('rolls progress up weighted by duration, a done one as 100 %, cancelled ones not at all', () => {
    expect(durationDays({ start: '2022-01-01', end: '2022-01-01' })).toBe(1);
    const long = activity(1, { start: '2022-01-01', end: '2022-12-31', progress: 50 }); // 365 days
    const short = activity(2, { start: '2022-01-01', end: '2022-01-31', progress: 0, status: 'done' }); // 31 days
    const cancelled = activity(3, { progress: 0, status: 'cancelled' });
    expect(rolledUpProgress([long, short, cancelled])).toBe(
      Math.round(((365 * 50 + 31 * 100) / 396) * 10) / 10,
    );
    expect(rolledUpProgress([cancelled])).toBeNull();
  });
  it('lists as overdue the open ones past their end, and at risk those ending within 30 days under 80 %', () => {
    const today = '2022-06-15';
    const list = [
      activity(1, { end: '2022-06-14' }),
      activity(2, { end: '2022-06-14', status: 'done' }),
      activity(3, { end: '2022-06-14', status: 'cancelled' }),
      activity(4, { end: '2022-06-15', progress: 79 }),
      activity(5, { end: '2022-07-15', progress: 10 }),
      activity(6, { end: '2022-07-16', progress: 10 }),
      activity(7, { end: '2022-07-01', progress: 80 }),
    ];
    expect(overdueActivities(list, today).map((a) => a.id)).toEqual([1]);
    expect(atRiskActivities(list, today).map((a) => a.id)).toEqual([4, 5]);
  });
  it('tells a state what it leads, what it takes part in, and what of it is overdue', () => {
    const list = [
      activity(1, { leadState: 'AM', end: '2022-01-01' }),
      activity(2, { leadState: 'KZ', participatingStates: ['AM'], end: '2023-01-01' }),
      activity(3, { leadState: 'BY' }),
    ];
    const part = statePart(list, 'AM', '2022-06-01');
    expect([part.leads, part.takesPart, part.overdue].map((l) => l.map((a) => a.id))).toEqual([
      [1],
      [2],
      [1],
    ]);
  });
  it('compares the saved baseline with today’s dates in days of slip', () => {
    expect(
      planAgainstActual(
        [{ activityId: 1, start: '2022-01-01', end: '2022-06-30' }],
        [activity(1, { start: '2022-01-11', end: '2022-06-20' })],
      ),
    ).toEqual([
      {
        activityId: 1,
        planned: { start: '2022-01-01', end: '2022-06-30' },
        actual: { start: '2022-01-11', end: '2022-06-20' },
        startSlipDays: 10,
        endSlipDays: -10,
      },
    ]);
  });
});

describe('reporting on an activity from chat', () => {
  const mine = activity(1, {
    responsiblePersonIds: [7],
    milestones: [
      { id: 11, title: 'Signed', date: '2022-03-01', reachedAt: null },
      { id: 12, title: 'Opened', date: '2022-06-01', reachedAt: '2022-06-02T10:00:00.000Z' },
    ],
  });
  it('is for the responsible person while the activity is open, on a milestone not yet reached', () => {
    expect(decideActivityReport(mine, 7)).toEqual({ ok: true });
    expect(decideActivityReport(mine, 7, 11)).toEqual({ ok: true });
    expect(decideActivityReport(mine, 8)).toEqual({ ok: false, error: 'NotResponsible' });
    expect(decideActivityReport({ ...mine, status: 'done' }, 7)).toEqual({
      ok: false,
      error: 'ActivityClosed',
    });
    expect(decideActivityReport(mine, 7, 12)).toEqual({ ok: false, error: 'MilestoneReached' });
    expect(decideActivityReport(mine, 7, 99)).toEqual({ ok: false, error: 'MilestoneUnknown' });
  });
  it('reads its buttons back, and refuses forged ones', () => {
    for (const action of [
      { kind: 'activity-progress-ask', activityId: 3 } as const,
      { kind: 'activity-progress', activityId: 3, progress: 75 } as const,
      { kind: 'milestone-reached', activityId: 3, milestoneId: 9 } as const,
    ])
      expect(decodeActivityCallback(encodeActivityCallback(action))).toEqual(action);
    for (const data of ['a:3:p101', 'a:0:p', 'a:3:m0', 'a:3:x', 't:3:d'])
      expect(decodeActivityCallback(data)).toBeNull();
  });
});

describe('progress reported from chat', () => {
  it('marks an activity done at 100 %, starts a planned one, and leaves a delayed one delayed', () => {
    expect(statusAfterProgress('in-progress', 100)).toBe('done');
    expect(statusAfterProgress('planned', 10)).toBe('in-progress');
    expect(statusAfterProgress('planned', 0)).toBe('planned');
    expect(statusAfterProgress('delayed', 50)).toBe('delayed');
  });
});

describe('a program’s dates as the API takes them', () => {
  it('refuses a date that is not one, rather than throwing', () => {
    const activity = { title: 'A', directionId: 1, leadState: 'RU', end: '2027-12-31' };
    for (const start of ['2027-13-01', '2027-02-30', 'soon', '01.02.2027'])
      expect(activityInputSchema.safeParse({ ...activity, start }).success, start).toBe(false);
    expect(activityInputSchema.safeParse({ ...activity, start: '2027-02-28' }).success).toBe(true);
  });
});
