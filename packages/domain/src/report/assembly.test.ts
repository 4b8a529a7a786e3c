import { describe, expect, it } from 'vitest';
import { assembleReport, type ReportRecords } from './assembly';

const all6 = ['AM', 'BY', 'KZ', 'KG', 'RU', 'TJ'] as const;
const consensus = { kind: 'consensus' } as const;
const twoThirds = { numerator: 2, denominator: 3 };

/** A commission's 2027, as the records hold it, assembled on 20 January 2028. */
const year2027: ReportRecords = {
  year: 2027,
  minimumMeetings: 2,
  timeZone: 'Europe/Moscow',
  representation: [
    { personId: 1, stateCode: 'RU' },
    { personId: 2, stateCode: 'KZ' },
    { personId: 3, stateCode: 'BY' },
    { personId: 4, stateCode: 'AM' },
    { personId: 5, stateCode: 'KG' },
  ],
  meetings: [
    {
      id: 1,
      kind: 'regular',
      title: 'Spring session',
      startsAt: '2027-03-15T07:00:00.000Z',
      timeZone: 'Europe/Moscow',
      status: 'notified',
      heldAt: '2027-03-15T10:00:00.000Z',
      attendance: [
        { personId: 1, present: true },
        { personId: 2, present: true },
        { personId: 3, present: false },
        { personId: 4, present: true },
      ],
    },
    {
      id: 2,
      kind: 'extraordinary',
      title: 'On the exhibition',
      startsAt: '2027-09-10T06:00:00.000Z',
      timeZone: 'Asia/Almaty',
      status: 'notified',
      heldAt: '2027-09-10T09:00:00.000Z',
      attendance: [
        { personId: 1, present: true },
        { personId: 2, present: true },
        { personId: 3, present: true },
        { personId: 4, present: false },
      ],
    },
    {
      id: 3,
      kind: 'regular',
      title: 'Autumn session',
      startsAt: '2027-11-20T07:00:00.000Z',
      timeZone: 'Europe/Moscow',
      status: 'cancelled',
      heldAt: null,
      attendance: [],
    },
    {
      id: 4,
      kind: 'working_group',
      title: 'Standards group',
      startsAt: '2027-06-01T07:00:00.000Z',
      timeZone: 'Europe/Moscow',
      status: 'notified',
      heldAt: '2027-06-01T09:00:00.000Z',
      attendance: [{ personId: 5, present: true }],
    },
    {
      // Held in 2026 (23:00 in Moscow): not this year's.
      id: 5,
      kind: 'regular',
      title: 'Year-end session',
      startsAt: '2026-12-31T20:00:00.000Z',
      timeZone: 'Europe/Moscow',
      status: 'notified',
      heldAt: '2026-12-31T21:00:00.000Z',
      attendance: [{ personId: 1, present: true }],
    },
    {
      // Announced but never marked held.
      id: 6,
      kind: 'regular',
      title: 'December session',
      startsAt: '2027-12-01T07:00:00.000Z',
      timeZone: 'Europe/Moscow',
      status: 'notified',
      heldAt: null,
      attendance: [],
    },
  ],
  decisions: [
    {
      id: 10,
      number: 1,
      year: 2027,
      kind: 'recommendation',
      title: 'On joint repair centres',
      adoptedAt: '2027-03-20T12:00:00.000Z',
      ballot: { id: 100, rule: consensus, quorum: twoThirds, eligibleStates: all6 },
      votes: [
        { id: 1001, stateCode: 'RU', choice: 'for' },
        { id: 1002, stateCode: 'KZ', choice: 'for' },
        { id: 1003, stateCode: 'BY', choice: 'abstain' },
        { id: 1004, stateCode: 'AM', choice: 'for' },
        { id: 1005, stateCode: 'KG', choice: 'for' },
      ],
      responses: [
        { id: 1, stateCode: 'RU', status: 'sent', date: '2027-03-25' },
        { id: 2, stateCode: 'RU', status: 'accepted', date: '2027-05-01' },
        { id: 3, stateCode: 'KZ', status: 'implemented', date: '2027-06-01' },
        { id: 4, stateCode: 'BY', status: 'under-consideration', date: '2027-04-01' },
      ],
    },
    {
      id: 11,
      number: 2,
      year: 2027,
      kind: 'decision',
      title: 'On the exhibition calendar',
      adoptedAt: '2027-09-15T12:00:00.000Z',
      ballot: {
        id: 101,
        rule: { kind: 'majority', threshold: twoThirds },
        quorum: twoThirds,
        eligibleStates: all6,
      },
      votes: [
        { id: 1101, stateCode: 'RU', choice: 'for' },
        { id: 1102, stateCode: 'KZ', choice: 'for' },
        { id: 1103, stateCode: 'BY', choice: 'for' },
        { id: 1104, stateCode: 'AM', choice: 'for' },
        { id: 1105, stateCode: 'KG', choice: 'against' },
        { id: 1106, stateCode: 'TJ', choice: 'for' },
      ],
      responses: [],
    },
    {
      id: 12,
      number: 5,
      year: 2026,
      kind: 'decision',
      title: 'Last year’s',
      adoptedAt: '2026-10-01T12:00:00.000Z',
      ballot: { id: 99, rule: consensus, quorum: twoThirds, eligibleStates: all6 },
      votes: [],
      responses: [],
    },
  ],
  programs: [
    {
      id: 1,
      titleRu: 'Программа до 2030 года',
      titleEn: 'Program until 2030',
      periodStart: '2021-01-01',
      periodEnd: '2030-12-31',
      directions: [
        { id: 1, titleRu: 'Совместные предприятия', titleEn: 'Joint ventures' },
        { id: 2, titleRu: 'Нормативная база', titleEn: 'Regulatory framework' },
      ],
      activities: [
        {
          id: 1,
          title: 'Repair centre in Minsk',
          directionId: 1,
          leadState: 'RU',
          participatingStates: ['KZ'],
          start: '2027-01-01',
          end: '2027-06-30',
          status: 'done',
          progress: 100,
        },
        {
          id: 2,
          title: 'Joint venture register',
          directionId: 1,
          leadState: 'KZ',
          participatingStates: ['RU', 'BY'],
          start: '2027-03-01',
          end: '2027-12-31',
          status: 'in-progress',
          progress: 40,
        },
        {
          id: 3,
          title: 'Uniform certification rules',
          directionId: 2,
          leadState: 'BY',
          participatingStates: [],
          start: '2027-07-01',
          end: '2028-06-30',
          status: 'in-progress',
          progress: 20,
        },
        {
          id: 4,
          title: 'Cancelled study',
          directionId: 2,
          leadState: 'AM',
          participatingStates: [],
          start: '2027-02-01',
          end: '2027-04-30',
          status: 'cancelled',
          progress: 0,
        },
        {
          id: 5,
          title: 'Finished before the year',
          directionId: 1,
          leadState: 'RU',
          participatingStates: [],
          start: '2025-01-01',
          end: '2026-06-30',
          status: 'done',
          progress: 100,
        },
      ],
    },
  ],
  workingGroups: [
    {
      id: 1,
      name: 'Standardization',
      mandate: 'Unify standards',
      active: true,
      tasks: [
        { id: 1, title: 'Survey', dueDate: '2027-05-01', status: 'done', doneAt: '2027-04-28T10:00:00.000Z' },
        { id: 2, title: 'Draft the rules', dueDate: '2027-10-01', status: 'open', doneAt: null },
        { id: 3, title: 'Next year’s plan', dueDate: '2028-03-01', status: 'open', doneAt: null },
        { id: 4, title: 'Dropped', dueDate: '2027-08-01', status: 'cancelled', doneAt: null },
      ],
    },
    { id: 2, name: 'Exhibitions', mandate: 'One exhibition field', active: true, tasks: [] },
  ],
};

const now = '2028-01-20T09:00:00.000Z';

describe('assembling the annual report from a year of records', () => {
  const report = assembleReport(year2027, now);

  it('counts the sittings held in the year against the minimum of two, each traced to its meeting', () => {
    const m = report.meetings;
    expect(m.held).toEqual({ value: 2, source: 'meeting', ids: [1, 2] });
    expect(m.minimum).toBe(2);
    expect(m.minimumMet).toBe(true);
    expect(m.cancelled).toEqual({ value: 1, source: 'meeting', ids: [3] });
    // A working group's meeting is listed but is not a sitting of the commission.
    expect(m.otherHeld).toEqual({ value: 1, source: 'meeting', ids: [4] });
    expect(m.empty).toBe(false);
  });

  it('gives each held meeting its attendance, by person and by state', () => {
    const spring = report.meetings.meetings.find((x) => x.meetingId === 1);
    expect(spring?.present).toEqual({ value: 3, source: 'person', ids: [1, 2, 4] });
    expect(spring?.absent).toEqual({ value: 1, source: 'person', ids: [3] });
    expect(spring?.statesPresent).toEqual(['AM', 'KZ', 'RU']);
    expect(spring?.date).toBe('2027-03-15');
    const extraordinary = report.meetings.meetings.find((x) => x.meetingId === 2);
    expect(extraordinary?.present.ids).toEqual([1, 2, 3]);
    expect(report.meetings.meetings.map((x) => x.meetingId)).toEqual([1, 2, 4]);
  });

  it('says the minimum is not met when fewer sittings were held', () => {
    const fewer = assembleReport({ ...year2027, meetings: year2027.meetings.filter((x) => x.id !== 2) }, now);
    expect(fewer.meetings.held.value).toBe(1);
    expect(fewer.meetings.minimumMet).toBe(false);
  });

  it('lists the year’s adopted recommendations and decisions with their register numbers and votes', () => {
    const d = report.decisions;
    expect(d.recommendations).toEqual({ value: 1, source: 'decision', ids: [10] });
    expect(d.decisions).toEqual({ value: 1, source: 'decision', ids: [11] });
    const first = d.items[0];
    expect(first?.registerNumber).toBe('1/2027');
    expect(first?.tally).toMatchObject({ eligible: 6, for: 4, against: 0, abstain: 1, silent: 1 });
    expect(first?.votes.for).toEqual({ value: 4, source: 'vote', ids: [1004, 1002, 1005, 1001] });
    expect(first?.votes.abstain.ids).toEqual([1003]);
    const second = d.items[1];
    expect(second?.tally).toMatchObject({ for: 5, against: 1, silent: 0, quorumMet: true });
    expect(second?.votes.against.ids).toEqual([1105]);
    expect(d.items.map((i) => i.decisionId)).toEqual([10, 11]);
  });

  it('gives the governments’ current responses, the latest per state, and counts those still awaited', () => {
    const d = report.decisions;
    expect(d.responsesByStatus.accepted).toEqual({ value: 1, source: 'response', ids: [2] });
    expect(d.responsesByStatus.implemented.ids).toEqual([3]);
    expect(d.responsesByStatus['under-consideration'].ids).toEqual([4]);
    // Russia's "sent" was followed by "accepted": it is history, not its current response.
    expect(d.responsesByStatus.sent.value).toBe(0);
    // 3 states on the recommendation and all 6 on the decision have not answered.
    expect(d.awaitingResponse).toEqual({ value: 9, source: 'decision', ids: [10, 11] });
    const ru = d.items[0]?.responses.find((r) => r.stateCode === 'RU');
    expect(ru).toEqual({ stateCode: 'RU', status: 'accepted', date: '2027-05-01', responseId: 2 });
  });

  it('rolls up program progress by direction, weighted by duration, over the activities running in the year', () => {
    const program = report.programs.programs[0];
    // 1: 181 days at 100 %, 2: 306 days at 40 %, 3: 366 days at 20 %; 4 is cancelled, 5 ended in 2026.
    expect(program?.progress.ids).toEqual([1, 2, 3]);
    expect(program?.progress.value).toBe(Math.round(((181 * 100 + 306 * 40 + 366 * 20) / 853) * 10) / 10);
    const jv = program?.directions.find((d) => d.directionId === 1);
    expect(jv?.progress.value).toBe(Math.round(((181 * 100 + 306 * 40) / 487) * 10) / 10);
    expect(jv?.activities.ids).toEqual([1, 2]);
    expect(jv?.done.ids).toEqual([1]);
    expect(jv?.overdue.ids).toEqual([2]);
    const rules = program?.directions.find((d) => d.directionId === 2);
    expect(rules?.activities.ids).toEqual([3, 4]);
    expect(rules?.progress).toMatchObject({ value: 20, ids: [3] });
  });

  it('gives each state what it leads, takes part in, and has overdue', () => {
    const states = report.programs.programs[0]?.states ?? [];
    const ru = states.find((s) => s.stateCode === 'RU');
    expect(ru?.leads.ids).toEqual([1]);
    expect(ru?.takesPart.ids).toEqual([2]);
    expect(ru?.overdue.ids).toEqual([2]);
    expect(ru?.leadProgress.value).toBe(100);
    const kz = states.find((s) => s.stateCode === 'KZ');
    expect(kz?.leads.ids).toEqual([2]);
    expect(kz?.takesPart.ids).toEqual([1]);
    const tj = states.find((s) => s.stateCode === 'TJ');
    expect((tj?.leads.value ?? 0) + (tj?.takesPart.value ?? 0)).toBe(0);
    expect(tj?.leadProgress.progress).toBeNull();
  });

  it('reports each working group’s tasks of the year: done, open, overdue, cancelled', () => {
    const wg = report['working-groups'];
    expect(wg.groups).toEqual({ value: 2, source: 'working-group', ids: [1, 2] });
    const standards = wg.items[0];
    expect(standards?.tasks.ids).toEqual([1, 2, 4]);
    expect(standards?.doneInYear.ids).toEqual([1]);
    expect(standards?.open.ids).toEqual([2]);
    expect(standards?.overdue.ids).toEqual([2]);
    expect(standards?.cancelled.ids).toEqual([4]);
    expect(wg.items[1]?.tasks.value).toBe(0);
  });

  it('lists what is overdue on the day of assembly, oldest first, with the days it is late', () => {
    const o = report.overdue;
    expect(o.asOf).toBe('2028-01-20');
    expect(o.activities).toEqual({ value: 1, source: 'activity', ids: [2] });
    expect(o.tasks).toEqual({ value: 1, source: 'task', ids: [2] });
    expect(o.items).toEqual([
      { source: 'task', id: 2, title: 'Draft the rules', due: '2027-10-01', daysOverdue: 111 },
      { source: 'activity', id: 2, title: 'Joint venture register', due: '2027-12-31', daysOverdue: 20 },
    ]);
  });

  it('renders every section empty, without failing, for a year with no records yet', () => {
    const empty = assembleReport(
      {
        year: 2029,
        minimumMeetings: 2,
        timeZone: 'UTC',
        meetings: [],
        representation: [],
        decisions: [],
        programs: [],
        workingGroups: [],
      },
      now,
    );
    for (const section of Object.values(empty)) expect(section.empty, section.key).toBe(true);
    expect(empty.meetings.held.value).toBe(0);
    expect(empty.meetings.minimumMet).toBe(false);
    expect(empty.decisions.awaitingResponse.value).toBe(0);
    expect(empty.programs.programs).toEqual([]);
  });

  it('takes a meeting’s year in its own time zone', () => {
    const newYearsNight = assembleReport(
      {
        ...year2027,
        meetings: [
          {
            ...year2027.meetings[0],
            id: 7,
            // 00:30 on 1 January 2027 in Moscow, still 2026 in UTC.
            startsAt: '2026-12-31T21:30:00.000Z',
          } as ReportRecords['meetings'][number],
        ],
      },
      now,
    );
    expect(newYearsNight.meetings.held.ids).toEqual([7]);
  });
});
