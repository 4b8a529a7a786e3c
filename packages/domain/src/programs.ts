import type { MemberStateCode } from './states';

/** A long-term program's activity moves through these; `delayed` is set by the secretary, not computed. */
export const ACTIVITY_STATUSES = ['planned', 'in-progress', 'done', 'delayed', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Dates are calendar dates ("2027-03-15"): they sort as they compare. */
export interface ProgramPeriod {
  periodStart: string;
  periodEnd: string;
}

export interface Milestone {
  id?: number;
  title: string;
  date: string;
  reachedAt?: string | null;
}

export interface Activity {
  id: number;
  title: string;
  directionId: number;
  leadState: MemberStateCode;
  participatingStates: readonly MemberStateCode[];
  responsiblePersonIds: readonly number[];
  start: string;
  end: string;
  status: ActivityStatus;
  /** Per cent done, 0–100. */
  progress: number;
  milestones: readonly Milestone[];
  /** The activities this one waits for. */
  dependsOn: readonly number[];
}

export type ActivityIssue =
  | { code: 'EndBeforeStart'; field: 'end' }
  | { code: 'OutsideProgram'; field: 'start' | 'end' }
  | { code: 'MilestoneOutsideActivity'; field: 'milestones'; index: number }
  | { code: 'DependencyCycle'; field: 'dependsOn'; cycle: number[] }
  | { code: 'UnknownDependency'; field: 'dependsOn'; id: number }
  | { code: 'DependsOnItself'; field: 'dependsOn' };

/** Not an error: the secretary sees it and decides (a dependency that ends after this one starts). */
export interface ActivityWarning {
  code: 'DependencyEndsAfterStart';
  dependencyId: number;
  dependencyEnd: string;
}

/**
 * The activities reachable from `from` by following `dependsOn`, as a path back to `target` if
 * there is one: a dependency cycle through `target`.
 */
function cycleThrough(
  target: number,
  from: readonly number[],
  dependsOn: ReadonlyMap<number, readonly number[]>,
): number[] | null {
  const seen = new Set<number>();
  const stack: Array<{ id: number; path: number[] }> = from.map((id) => ({ id, path: [target, id] }));
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) break;
    if (next.id === target) return next.path;
    if (seen.has(next.id)) continue;
    seen.add(next.id);
    for (const dep of dependsOn.get(next.id) ?? []) stack.push({ id: dep, path: [...next.path, dep] });
  }
  return null;
}

/**
 * Checks an activity against its program and the program's other activities: its dates inside
 * the program's period and in order, its milestones inside it, its dependencies known and free
 * of cycles. Warnings say what is allowed but worth a look.
 */
export function checkActivity(
  program: ProgramPeriod,
  activity: Pick<Activity, 'id' | 'start' | 'end' | 'milestones' | 'dependsOn'>,
  others: ReadonlyArray<Pick<Activity, 'id' | 'end' | 'dependsOn'>>,
): { issues: ActivityIssue[]; warnings: ActivityWarning[] } {
  const issues: ActivityIssue[] = [];
  if (activity.end < activity.start) issues.push({ code: 'EndBeforeStart', field: 'end' });
  if (activity.start < program.periodStart || activity.start > program.periodEnd)
    issues.push({ code: 'OutsideProgram', field: 'start' });
  if (activity.end < program.periodStart || activity.end > program.periodEnd)
    issues.push({ code: 'OutsideProgram', field: 'end' });
  activity.milestones.forEach((m, index) => {
    if (m.date < activity.start || m.date > activity.end)
      issues.push({ code: 'MilestoneOutsideActivity', field: 'milestones', index });
  });
  const byId = new Map(others.filter((o) => o.id !== activity.id).map((o) => [o.id, o]));
  const warnings: ActivityWarning[] = [];
  for (const id of activity.dependsOn) {
    if (id === activity.id) {
      issues.push({ code: 'DependsOnItself', field: 'dependsOn' });
      continue;
    }
    const dependency = byId.get(id);
    if (!dependency) {
      issues.push({ code: 'UnknownDependency', field: 'dependsOn', id });
      continue;
    }
    if (dependency.end > activity.start)
      warnings.push({ code: 'DependencyEndsAfterStart', dependencyId: id, dependencyEnd: dependency.end });
  }
  const graph = new Map([...byId.values()].map((o) => [o.id, o.dependsOn]));
  const cycle = cycleThrough(
    activity.id,
    activity.dependsOn.filter((id) => id !== activity.id && byId.has(id)),
    graph,
  );
  if (cycle) issues.push({ code: 'DependencyCycle', field: 'dependsOn', cycle });
  return { issues, warnings };
}

const DAY_MS = 86_400_000;
/** An activity's length in days, counting both ends (a one-day activity weighs one). */
export const durationDays = (a: Pick<Activity, 'start' | 'end'>): number =>
  Math.max(1, Math.round((Date.parse(a.end) - Date.parse(a.start)) / DAY_MS) + 1);

const counts = (a: Pick<Activity, 'status'>) => a.status !== 'cancelled';

/** Progress of a set of activities, weighted by their durations; cancelled ones do not count. Null when none count. */
export function rolledUpProgress(
  activities: ReadonlyArray<Pick<Activity, 'start' | 'end' | 'status' | 'progress'>>,
): number | null {
  const counted = activities.filter(counts);
  const weight = counted.reduce((sum, a) => sum + durationDays(a), 0);
  if (weight === 0) return null;
  const done = counted.reduce(
    (sum, a) => sum + durationDays(a) * (a.status === 'done' ? 100 : a.progress),
    0,
  );
  return Math.round((done / weight) * 10) / 10;
}

/** Open: neither done nor cancelled. */
const open = (a: Pick<Activity, 'status'>) => a.status !== 'done' && a.status !== 'cancelled';

/** Activities past their end and not done (cancelled ones are not overdue). */
export const overdueActivities = <A extends Pick<Activity, 'end' | 'status'>>(
  activities: readonly A[],
  today: string,
): A[] => activities.filter((a) => open(a) && a.end < today);

export const AT_RISK_WINDOW_DAYS = 30;
export const AT_RISK_PROGRESS = 80;

/** Activities ending within 30 days (not yet past) and under 80 % done. */
export const atRiskActivities = <A extends Pick<Activity, 'end' | 'status' | 'progress'>>(
  activities: readonly A[],
  today: string,
): A[] => {
  const horizon = new Date(Date.parse(today) + AT_RISK_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);
  return activities.filter(
    (a) => open(a) && a.end >= today && a.end <= horizon && a.progress < AT_RISK_PROGRESS,
  );
};

/** What a state leads, what it takes part in, and what of either is overdue. */
export function statePart<A extends Pick<Activity, 'leadState' | 'participatingStates' | 'end' | 'status'>>(
  activities: readonly A[],
  state: MemberStateCode,
  today: string,
) {
  const leads = activities.filter((a) => a.leadState === state);
  const takesPart = activities.filter((a) => a.leadState !== state && a.participatingStates.includes(state));
  return { leads, takesPart, overdue: overdueActivities([...leads, ...takesPart], today) };
}

/** The dates first approved against today's, for each activity in the baseline. */
export function planAgainstActual(
  baseline: ReadonlyArray<{ activityId: number; start: string; end: string }>,
  activities: ReadonlyArray<Pick<Activity, 'id' | 'start' | 'end'>>,
) {
  const now = new Map(activities.map((a) => [a.id, a]));
  return baseline.flatMap((b) => {
    const current = now.get(b.activityId);
    if (!current) return [];
    const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
    return [
      {
        activityId: b.activityId,
        planned: { start: b.start, end: b.end },
        actual: { start: current.start, end: current.end },
        startSlipDays: days(b.start, current.start),
        endSlipDays: days(b.end, current.end),
      },
    ];
  });
}

export type ActivityReportError =
  | 'NotResponsible'
  | 'ActivityClosed'
  | 'MilestoneUnknown'
  | 'MilestoneReached';

/** Whether a person may report on an activity from chat: they are responsible for it and it is open. */
export function decideActivityReport(
  activity: Pick<Activity, 'status' | 'responsiblePersonIds' | 'milestones'>,
  personId: number,
  milestoneId?: number,
): { ok: true } | { ok: false; error: ActivityReportError } {
  if (!activity.responsiblePersonIds.includes(personId)) return { ok: false, error: 'NotResponsible' };
  if (!open(activity)) return { ok: false, error: 'ActivityClosed' };
  if (milestoneId !== undefined) {
    const milestone = activity.milestones.find((m) => m.id === milestoneId);
    if (!milestone) return { ok: false, error: 'MilestoneUnknown' };
    if (milestone.reachedAt) return { ok: false, error: 'MilestoneReached' };
  }
  return { ok: true };
}

/** The status reported progress leaves an activity in: 100 % is done; any progress starts a planned one. */
export const statusAfterProgress = (status: ActivityStatus, progress: number): ActivityStatus =>
  progress === 100 ? 'done' : status === 'planned' && progress > 0 ? 'in-progress' : status;
