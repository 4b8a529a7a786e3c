import { type BallotRule, type Fraction, type Tally, tally, type VoteChoice } from '../ballots';
import type { ResponseStatus } from '../decisions';
import { RESPONSE_STATUSES } from '../decisions';
import type { DraftKind } from '../drafts';
import type { MeetingKind, MeetingStatus } from '../meetings';
import { type ActivityStatus, overdueActivities, rolledUpProgress, statePart } from '../programs';
import { localDate } from '../reminders/hours';
import { MEMBER_STATE_CODES, type MemberStateCode } from '../states';
import type { TaskStatus } from '../working-groups';

/** The kinds of record a figure can be traced to. */
export type SourceType =
  | 'meeting'
  | 'person'
  | 'decision'
  | 'vote'
  | 'response'
  | 'activity'
  | 'task'
  | 'working-group';

/** A number in the report and the records it was counted or computed from. */
export interface Figure {
  value: number;
  source: SourceType;
  ids: number[];
}

/** A count: its value is how many records it names. */
const count = (source: SourceType, ids: readonly number[]): Figure => ({
  value: ids.length,
  source,
  ids: [...ids],
});

/** Kinds of meeting that are the commission's own sittings: only these count toward the statute's minimum. */
export const SITTING_KINDS: readonly MeetingKind[] = ['regular', 'extraordinary'];

export interface ReportMeeting {
  id: number;
  kind: MeetingKind;
  title: string;
  startsAt: string;
  timeZone: string;
  status: MeetingStatus;
  /** From the meeting record; null while it is not marked held. */
  heldAt: string | null;
  attendance: ReadonlyArray<{ personId: number; present: boolean }>;
}

export interface ReportDecision {
  id: number;
  number: number;
  /** The register's year (the ballot zone's calendar year of the adoption). */
  year: number;
  kind: DraftKind;
  title: string;
  adoptedAt: string;
  ballot: {
    id: number;
    rule: BallotRule;
    quorum: Fraction;
    eligibleStates: readonly MemberStateCode[];
  };
  /** The votes that counted (one live vote per state). */
  votes: ReadonlyArray<{ id: number; stateCode: MemberStateCode; choice: VoteChoice }>;
  /** Every recorded change of the governments' responses, oldest first; the last per state is current. */
  responses: ReadonlyArray<{ id: number; stateCode: MemberStateCode; status: ResponseStatus; date: string }>;
}

export interface ReportProgram {
  id: number;
  titleRu: string;
  titleEn: string;
  periodStart: string;
  periodEnd: string;
  directions: ReadonlyArray<{ id: number; titleRu: string; titleEn: string }>;
  activities: ReadonlyArray<{
    id: number;
    title: string;
    directionId: number;
    leadState: MemberStateCode;
    participatingStates: readonly MemberStateCode[];
    start: string;
    end: string;
    status: ActivityStatus;
    progress: number;
  }>;
}

export interface ReportWorkingGroup {
  id: number;
  name: string;
  mandate: string;
  active: boolean;
  tasks: ReadonlyArray<{
    id: number;
    title: string;
    dueDate: string;
    status: TaskStatus;
    doneAt: string | null;
  }>;
}

/** Everything the report is assembled from: the adapters load it, the domain decides nothing else. */
export interface ReportRecords {
  year: number;
  /** The statute's minimum of sittings a year (the commission's setting, 2 by default). */
  minimumMeetings: number;
  /** The zone whose calendar decides "today" for what is overdue. */
  timeZone: string;
  meetings: readonly ReportMeeting[];
  /** Which state each person represented, for counting the states present. */
  representation: ReadonlyArray<{ personId: number; stateCode: MemberStateCode }>;
  decisions: readonly ReportDecision[];
  programs: readonly ReportProgram[];
  workingGroups: readonly ReportWorkingGroup[];
}

export const REPORT_SECTION_KEYS = [
  'meetings',
  'decisions',
  'programs',
  'working-groups',
  'overdue',
] as const;
export type ReportSectionKey = (typeof REPORT_SECTION_KEYS)[number];

export interface MeetingsSection {
  key: 'meetings';
  empty: boolean;
  minimum: number;
  /** Sittings held in the year (regular and extraordinary). */
  held: Figure;
  minimumMet: boolean;
  cancelled: Figure;
  /** Working-group meetings and conferences held: listed, not counted toward the minimum. */
  otherHeld: Figure;
  meetings: Array<{
    meetingId: number;
    title: string;
    kind: MeetingKind;
    date: string;
    countsTowardMinimum: boolean;
    present: Figure;
    absent: Figure;
    statesPresent: MemberStateCode[];
  }>;
}

export interface DecisionsSection {
  key: 'decisions';
  empty: boolean;
  recommendations: Figure;
  decisions: Figure;
  /** How many states' current responses are at each status, across the year's adopted items. */
  responsesByStatus: Record<ResponseStatus, Figure>;
  /** Eligible states with no response recorded yet, counted per adopted item (ids: the adopted items). */
  awaitingResponse: Figure;
  items: Array<{
    decisionId: number;
    registerNumber: string;
    kind: DraftKind;
    title: string;
    adoptedOn: string;
    ballotId: number;
    tally: Tally;
    votes: Record<VoteChoice, Figure>;
    responses: Array<{
      stateCode: MemberStateCode;
      status: ResponseStatus | null;
      date: string | null;
      responseId: number | null;
    }>;
  }>;
}

export interface ProgressFigure extends Figure {
  /** The duration-weighted progress (per cent), null when no activity counts. */
  progress: number | null;
}

export interface ProgramsSection {
  key: 'programs';
  empty: boolean;
  programs: Array<{
    programId: number;
    titleRu: string;
    titleEn: string;
    /** Activities running in the year; `value` is their weighted progress. */
    progress: ProgressFigure;
    directions: Array<{
      directionId: number;
      titleRu: string;
      titleEn: string;
      progress: ProgressFigure;
      activities: Figure;
      done: Figure;
      overdue: Figure;
    }>;
    states: Array<{
      stateCode: MemberStateCode;
      leads: Figure;
      takesPart: Figure;
      leadProgress: ProgressFigure;
      overdue: Figure;
    }>;
  }>;
}

export interface WorkingGroupsSection {
  key: 'working-groups';
  empty: boolean;
  groups: Figure;
  items: Array<{
    groupId: number;
    name: string;
    mandate: string;
    active: boolean;
    /** Tasks due in the year or done in it. */
    tasks: Figure;
    doneInYear: Figure;
    open: Figure;
    overdue: Figure;
    cancelled: Figure;
  }>;
}

export interface OverdueSection {
  key: 'overdue';
  empty: boolean;
  /** The day the overdue items were judged on: the assembly's date (an item done since is no longer overdue). */
  asOf: string;
  activities: Figure;
  tasks: Figure;
  items: Array<{ source: 'activity' | 'task'; id: number; title: string; due: string; daysOverdue: number }>;
}

export type ReportFigures = {
  meetings: MeetingsSection;
  decisions: DecisionsSection;
  programs: ProgramsSection;
  'working-groups': WorkingGroupsSection;
  overdue: OverdueSection;
};

const DAY_MS = 86_400_000;
const yearBounds = (year: number) => ({ first: `${year}-01-01`, last: `${year}-12-31` });

function meetingsSection(records: ReportRecords): MeetingsSection {
  const inYear = records.meetings.filter(
    (m) => Number(localDate(m.startsAt, m.timeZone).slice(0, 4)) === records.year,
  );
  const held = inYear.filter((m) => m.heldAt !== null && m.status !== 'cancelled');
  const sittings = held.filter((m) => SITTING_KINDS.includes(m.kind));
  const stateOf = new Map(records.representation.map((r) => [r.personId, r.stateCode]));
  const heldSittings = count(
    'meeting',
    sittings.map((m) => m.id),
  );
  return {
    key: 'meetings',
    empty: inYear.length === 0,
    minimum: records.minimumMeetings,
    held: heldSittings,
    minimumMet: heldSittings.value >= records.minimumMeetings,
    cancelled: count(
      'meeting',
      inYear.filter((m) => m.status === 'cancelled').map((m) => m.id),
    ),
    otherHeld: count(
      'meeting',
      held.filter((m) => !SITTING_KINDS.includes(m.kind)).map((m) => m.id),
    ),
    meetings: held.map((m) => {
      const present = m.attendance.filter((a) => a.present).map((a) => a.personId);
      const states = new Set(present.flatMap((p) => stateOf.get(p) ?? []));
      return {
        meetingId: m.id,
        title: m.title,
        kind: m.kind,
        date: localDate(m.startsAt, m.timeZone),
        countsTowardMinimum: SITTING_KINDS.includes(m.kind),
        present: count('person', present),
        absent: count(
          'person',
          m.attendance.filter((a) => !a.present).map((a) => a.personId),
        ),
        statesPresent: MEMBER_STATE_CODES.filter((s) => states.has(s)),
      };
    }),
  };
}

function decisionsSection(records: ReportRecords): DecisionsSection {
  const adopted = records.decisions.filter((d) => d.year === records.year);
  const byStatus = Object.fromEntries(RESPONSE_STATUSES.map((s) => [s, [] as number[]])) as Record<
    ResponseStatus,
    number[]
  >;
  const awaiting: number[] = [];
  const items = adopted.map((d) => {
    const live = new Map(d.votes.map((v) => [v.stateCode, v]));
    const counted = tally(
      d.ballot.eligibleStates,
      new Map(d.votes.map((v) => [v.stateCode, v.choice])),
      d.ballot.quorum,
    );
    const votesOf = (choice: VoteChoice) =>
      count(
        'vote',
        d.ballot.eligibleStates.flatMap((s) => {
          const v = live.get(s);
          return v && v.choice === choice ? [v.id] : [];
        }),
      );
    // The last recorded change per state is its current response.
    const current = new Map(d.responses.map((r) => [r.stateCode, r]));
    const responses = d.ballot.eligibleStates.map((stateCode) => {
      const r = current.get(stateCode);
      if (r) byStatus[r.status].push(r.id);
      else awaiting.push(d.id);
      return { stateCode, status: r?.status ?? null, date: r?.date ?? null, responseId: r?.id ?? null };
    });
    return {
      decisionId: d.id,
      registerNumber: `${d.number}/${d.year}`,
      kind: d.kind,
      title: d.title,
      adoptedOn: d.adoptedAt.slice(0, 10),
      ballotId: d.ballot.id,
      tally: counted,
      votes: { for: votesOf('for'), against: votesOf('against'), abstain: votesOf('abstain') },
      responses,
    };
  });
  return {
    key: 'decisions',
    empty: adopted.length === 0,
    recommendations: count(
      'decision',
      adopted.filter((d) => d.kind === 'recommendation').map((d) => d.id),
    ),
    decisions: count(
      'decision',
      adopted.filter((d) => d.kind === 'decision').map((d) => d.id),
    ),
    responsesByStatus: Object.fromEntries(
      RESPONSE_STATUSES.map((s) => [s, count('response', byStatus[s])]),
    ) as Record<ResponseStatus, Figure>,
    awaitingResponse: { value: awaiting.length, source: 'decision', ids: [...new Set(awaiting)] },
    items,
  };
}

const progressOf = <
  A extends { id: number; start: string; end: string; status: ActivityStatus; progress: number },
>(
  activities: readonly A[],
): ProgressFigure => ({
  ...count(
    'activity',
    activities.filter((a) => a.status !== 'cancelled').map((a) => a.id),
  ),
  value: rolledUpProgress(activities) ?? 0,
  progress: rolledUpProgress(activities),
});

/** Activities that run at some point of the year. */
const runningIn = <A extends { start: string; end: string }>(activities: readonly A[], year: number): A[] => {
  const { first, last } = yearBounds(year);
  return activities.filter((a) => a.start <= last && a.end >= first);
};

function programsSection(records: ReportRecords, today: string): ProgramsSection {
  const { first, last } = yearBounds(records.year);
  const programs = records.programs.filter((p) => p.periodStart <= last && p.periodEnd >= first);
  const ids = (list: ReadonlyArray<{ id: number }>) => list.map((a) => a.id);
  const items = programs.map((p) => {
    const activities = runningIn(p.activities, records.year);
    return {
      programId: p.id,
      titleRu: p.titleRu,
      titleEn: p.titleEn,
      progress: progressOf(activities),
      directions: p.directions.map((d) => {
        const mine = activities.filter((a) => a.directionId === d.id);
        return {
          directionId: d.id,
          titleRu: d.titleRu,
          titleEn: d.titleEn,
          progress: progressOf(mine),
          activities: count('activity', ids(mine)),
          done: count('activity', ids(mine.filter((a) => a.status === 'done'))),
          overdue: count('activity', ids(overdueActivities(mine, today))),
        };
      }),
      states: MEMBER_STATE_CODES.map((stateCode) => {
        const part = statePart(activities, stateCode, today);
        return {
          stateCode,
          leads: count('activity', ids(part.leads)),
          takesPart: count('activity', ids(part.takesPart)),
          leadProgress: progressOf(part.leads),
          overdue: count('activity', ids(part.overdue)),
        };
      }),
    };
  });
  return { key: 'programs', empty: items.every((p) => p.progress.ids.length === 0), programs: items };
}

/** An open task past its last day (the day itself is still in time). */
const isTaskOverdue = (t: { status: TaskStatus; dueDate: string }, today: string) =>
  t.status === 'open' && t.dueDate < today;

function workingGroupsSection(records: ReportRecords, today: string): WorkingGroupsSection {
  const { first, last } = yearBounds(records.year);
  const inYear = (date: string | null) => date !== null && date >= first && date <= last;
  const items = records.workingGroups.map((g) => {
    const tasks = g.tasks.filter((t) => inYear(t.dueDate) || inYear(t.doneAt?.slice(0, 10) ?? null));
    const ids = (pick: (t: (typeof tasks)[number]) => boolean) => tasks.filter(pick).map((t) => t.id);
    return {
      groupId: g.id,
      name: g.name,
      mandate: g.mandate,
      active: g.active,
      tasks: count(
        'task',
        ids(() => true),
      ),
      doneInYear: count(
        'task',
        ids((t) => t.status === 'done' && inYear(t.doneAt?.slice(0, 10) ?? null)),
      ),
      open: count(
        'task',
        ids((t) => t.status === 'open'),
      ),
      overdue: count(
        'task',
        ids((t) => isTaskOverdue(t, today)),
      ),
      cancelled: count(
        'task',
        ids((t) => t.status === 'cancelled'),
      ),
    };
  });
  return {
    key: 'working-groups',
    empty: items.length === 0,
    groups: count(
      'working-group',
      items.map((g) => g.groupId),
    ),
    items,
  };
}

function overdueSection(records: ReportRecords, today: string): OverdueSection {
  const { last } = yearBounds(records.year);
  const days = (due: string) => Math.round((Date.parse(today) - Date.parse(due)) / DAY_MS);
  // Judged today (what is still not done), among the items that fell due by the year's end.
  const activities = records.programs.flatMap((p) =>
    overdueActivities(
      p.activities.filter((a) => a.end <= last),
      today,
    ),
  );
  const tasks = records.workingGroups.flatMap((g) =>
    g.tasks.filter((t) => t.dueDate <= last && isTaskOverdue(t, today)),
  );
  return {
    key: 'overdue',
    empty: activities.length === 0 && tasks.length === 0,
    asOf: today,
    activities: count(
      'activity',
      activities.map((a) => a.id),
    ),
    tasks: count(
      'task',
      tasks.map((t) => t.id),
    ),
    items: [
      ...activities.map((a) => ({
        source: 'activity' as const,
        id: a.id,
        title: a.title,
        due: a.end,
        daysOverdue: days(a.end),
      })),
      ...tasks.map((t) => ({
        source: 'task' as const,
        id: t.id,
        title: t.title,
        due: t.dueDate,
        daysOverdue: days(t.dueDate),
      })),
    ].sort((a, b) => a.due.localeCompare(b.due) || a.id - b.id),
  };
}

/**
 * The report's figures for a year, section by section, from the year's records and the clock.
 * Each figure names the records it came from; a section with nothing to report says it is empty.
 */
export function assembleReport(records: ReportRecords, now: string): ReportFigures {
  const today = localDate(now, records.timeZone);
  return {
    meetings: meetingsSection(records),
    decisions: decisionsSection(records),
    programs: programsSection(records, today),
    'working-groups': workingGroupsSection(records, today),
    overdue: overdueSection(records, today),
  };
}
