import type { ActivityStatus, MemberStateCode } from '@accord/domain';

/** How far the timeline is zoomed: a year, a quarter or a month fills about the same width. */
export type Zoom = 'year' | 'quarter' | 'month';
export const ZOOMS: readonly Zoom[] = ['year', 'quarter', 'month'];

/** Pixels per day at each zoom. */
export const DAY_WIDTH: Readonly<Record<Zoom, number>> = { year: 1, quarter: 4, month: 16 };

/** Every row (a direction's heading or an activity) is this tall: the window is computed from it. */
export const ROW_HEIGHT = 28;
/** Rows drawn above and below the visible ones, so a small scroll shows no gap. */
export const OVERSCAN_ROWS = 6;

const DAY_MS = 86_400_000;

/** Whole days since 1970-01-01 of a calendar date ("2027-03-15"). */
export const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** The calendar date `days` after `date` (negative: before). */
export const addDays = (date: string, days: number): string =>
  new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);

/** What the timeline needs of an activity. */
export interface TimelineActivity {
  id: number;
  title: string;
  directionId: number;
  leadState: MemberStateCode;
  participatingStates: readonly MemberStateCode[];
  start: string;
  end: string;
  status: ActivityStatus;
  progress: number;
  milestones: ReadonlyArray<{ title: string; date: string }>;
  dependsOn: readonly number[];
}

export interface TimelineFilters {
  directionId: number | null;
  state: MemberStateCode | null;
  status: ActivityStatus | null;
}

export const NO_FILTERS: TimelineFilters = { directionId: null, state: null, status: null };

/** Whether an activity passes the filters (a state passes when it leads or takes part). */
export const matchesFilters = (a: TimelineActivity, f: TimelineFilters): boolean =>
  (f.directionId === null || a.directionId === f.directionId) &&
  (f.status === null || a.status === f.status) &&
  (f.state === null || a.leadState === f.state || a.participatingStates.includes(f.state));

export type TimelineRow<A extends TimelineActivity> =
  | { kind: 'direction'; directionId: number; title: string; count: number }
  | { kind: 'activity'; activity: A };

/**
 * The timeline's rows, top to bottom: each direction's heading followed by its activities that pass
 * the filters (in the order given); a direction with none is left out.
 */
export function timelineRows<A extends TimelineActivity>(
  directions: ReadonlyArray<{ id: number; title: string }>,
  activities: readonly A[],
  filters: TimelineFilters,
): TimelineRow<A>[] {
  const byDirection = new Map<number, A[]>();
  for (const a of activities) {
    if (!matchesFilters(a, filters)) continue;
    const list = byDirection.get(a.directionId);
    if (list) list.push(a);
    else byDirection.set(a.directionId, [a]);
  }
  const rows: TimelineRow<A>[] = [];
  for (const d of directions) {
    const list = byDirection.get(d.id);
    if (!list) continue;
    rows.push({ kind: 'direction', directionId: d.id, title: d.title, count: list.length });
    for (const activity of list) rows.push({ kind: 'activity', activity });
  }
  return rows;
}

/**
 * Where the timeline opens: today, when the program runs now; otherwise its earliest activity among
 * the rows (a finished or a future program); otherwise the program's start.
 */
export function openingDate<A extends TimelineActivity>(
  rows: readonly TimelineRow<A>[],
  today: string,
  periodStart: string,
  periodEnd: string,
): string {
  if (today >= periodStart && today <= periodEnd) return today;
  let earliest: string | undefined;
  for (const row of rows)
    if (row.kind === 'activity' && (earliest === undefined || row.activity.start < earliest))
      earliest = row.activity.start;
  return earliest ?? periodStart;
}

/** The rows to draw for a viewport: `[first, end)` with the overscan, clamped to the list. */
export function visibleRange(scrollTop: number, viewportHeight: number, rowCount: number) {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN_ROWS);
  const end = Math.min(rowCount, Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT) + OVERSCAN_ROWS);
  return { first, end: Math.max(first, end) };
}

/** A bar's left edge and width in pixels; the end date is inclusive, so a one-day activity is one day wide. */
export function barGeometry(start: string, end: string, periodStart: string, zoom: Zoom) {
  const width = DAY_WIDTH[zoom];
  const origin = dayNumber(periodStart);
  return {
    left: (dayNumber(start) - origin) * width,
    width: (dayNumber(end) - dayNumber(start) + 1) * width,
  };
}

/** Whole days a drag of `dx` pixels moves a bar by. */
export const daysDragged = (dx: number, zoom: Zoom): number => Math.round(dx / DAY_WIDTH[zoom]) || 0;

/** The scale's ticks across a period: the first day of each year, quarter or month, with its left edge. */
export function scaleTicks(periodStart: string, periodEnd: string, zoom: Zoom) {
  const ticks: Array<{ date: string; left: number }> = [];
  const step = zoom === 'year' ? 12 : zoom === 'quarter' ? 3 : 1;
  const [y, m] = periodStart.split('-').map(Number);
  let year = y ?? 1970;
  // The first tick at or after the start, on the step's boundary.
  let month = Math.ceil(((m ?? 1) - 1) / step) * step;
  if ((m ?? 1) - 1 === month && !periodStart.endsWith('-01')) month += step;
  for (;;) {
    year += Math.floor(month / 12);
    month %= 12;
    const date = `${year}-${String(month + 1).padStart(2, '0')}-01`;
    if (date > periodEnd) break;
    ticks.push({ date, left: (dayNumber(date) - dayNumber(periodStart)) * DAY_WIDTH[zoom] });
    month += step;
  }
  return ticks;
}
