/** The audit page's filters as its address holds them: plain strings, days as YYYY-MM-DD in the viewer's zone. */
export interface AuditFilters {
  action?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const AUDIT_FILTER_FIELDS = ['action', 'recordType', 'recordId', 'actorId', 'from', 'to'] as const;
export type AuditFilterField = (typeof AUDIT_FILTER_FIELDS)[number];

/** What `GET /api/audit` and `/api/audit/export` take: the filters, `from` and `to` as ISO instants with an offset. */
export interface AuditQuery {
  action?: string;
  recordType?: string;
  recordId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

/** The API's own limits on each text filter (its `auditQuerySchema`), checked here so a typo is marked on its field. */
const PATTERNS = {
  action: /^[a-z_.-]{1,60}$/,
  recordType: /^[a-z_-]{1,40}$/,
  recordId: /^[\w:-]{1,40}$/,
  actorId: /^[1-9]\d{0,15}$/,
} as const;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Day {
  year: number;
  month: number;
  day: number;
}

/** A calendar day from "YYYY-MM-DD", or null for anything else (including 2027-02-30). */
export const parseDay = (text: string): Day | null => {
  const match = DAY.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day
    ? { year, month, day }
    : null;
};

const wallFormats = new Map<string, Intl.DateTimeFormat>();
/** The wall clock in `zone` at an instant, to the second. */
const wallClock = (ms: number, zone: string) => {
  let format = wallFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallFormats.set(zone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
};

/** How far `zone`'s clock is ahead of UTC at an instant, in milliseconds. */
const offsetAt = (ms: number, zone: string): number => {
  const w = wallClock(ms, zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
};

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** An instant as `zone`'s wall clock with its offset, e.g. "2027-03-15T00:00:00+04:00". */
export const zonedIso = (ms: number, zone: string): string => {
  const w = wallClock(ms, zone);
  const minutes = Math.round(offsetAt(ms, zone) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
};

/**
 * The first instant of a calendar day in `zone`, as milliseconds. Usually local midnight; where the
 * clocks jump over midnight, the moment they land; where midnight happens twice, the first one.
 */
export const startOfDayMs = (day: Day, zone: string): number => {
  const wall = Date.UTC(day.year, day.month - 1, day.day);
  const dayMs = 86_400_000;
  const candidates = [wall - dayMs, wall, wall + dayMs].map((near) => wall - offsetAt(near, zone));
  const onTheDay = candidates.filter((ms) => {
    const w = wallClock(ms, zone);
    return w.year === day.year && w.month === day.month && w.day === day.day;
  });
  return Math.min(...(onTheDay.length > 0 ? onTheDay : candidates));
};

/** The day after, across months and years. */
export const nextDay = (day: Day): Day => {
  const next = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
};

/**
 * The API query for the page's filters: empty ones left out, text trimmed, `from` the start of that
 * day and `to` the start of the day after (the API's `to` is exclusive), both in the viewer's zone.
 * A filter the API would refuse is named in `invalid` instead (and `to` before `from` is one).
 */
export const auditQuery = (
  filters: AuditFilters,
  zone: string,
): { query: AuditQuery; invalid: AuditFilterField[] } => {
  const query: AuditQuery = {};
  const invalid: AuditFilterField[] = [];
  for (const field of ['action', 'recordType', 'recordId', 'actorId'] as const) {
    const value = filters[field]?.trim() ?? '';
    if (value === '') continue;
    if (PATTERNS[field].test(value)) query[field] = value;
    else invalid.push(field);
  }
  let fromMs: number | undefined;
  const from = filters.from?.trim() ?? '';
  if (from !== '') {
    const day = parseDay(from);
    if (day) {
      fromMs = startOfDayMs(day, zone);
      query.from = zonedIso(fromMs, zone);
    } else invalid.push('from');
  }
  const to = filters.to?.trim() ?? '';
  if (to !== '') {
    const day = parseDay(to);
    const toMs = day && startOfDayMs(nextDay(day), zone);
    if (toMs !== null && (fromMs === undefined || toMs > fromMs)) query.to = zonedIso(toMs, zone);
    else invalid.push('to');
  }
  return { query, invalid };
};

/** The filters that are set, as strings for the page's address (empty ones dropped). */
export const activeFilters = (filters: AuditFilters): Partial<Record<AuditFilterField, string>> => {
  const set: Partial<Record<AuditFilterField, string>> = {};
  for (const field of AUDIT_FILTER_FIELDS) {
    const value = filters[field]?.trim();
    if (value) set[field] = value;
  }
  return set;
};

/** A before/after value as one line of JSON, cut at `max` characters; null when there is nothing. */
export const compactJson = (
  value: unknown,
  max = 160,
): { short: string; full: string; cut: boolean } | null => {
  if (value === null || value === undefined) return null;
  const line = JSON.stringify(value) ?? String(value);
  const cut = line.length > max;
  return {
    short: cut ? `${line.slice(0, max - 1)}…` : line,
    full: cut ? (JSON.stringify(value, null, 2) ?? line) : line,
    cut,
  };
};
