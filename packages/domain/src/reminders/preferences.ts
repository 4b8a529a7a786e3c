import { isTimeZone } from '../time';
import type { DeliveryHours } from './hours';

/** A wall-clock time as people's hours are stored: "HH:mm", 00:00 to 23:59. */
export const isClockTime = (value: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

/** A daily window of local time, "HH:mm" to "HH:mm"; it may wrap midnight (22:00–07:00). */
export interface HoursWindow {
  start: string;
  end: string;
}

/** A window people can choose: two clock times that differ (an empty or a whole-day window says nothing). */
export const isHoursWindow = (window: HoursWindow): boolean =>
  isClockTime(window.start) && isClockTime(window.end) && window.start !== window.end;

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The minutes of the day a window covers, as half-open spans: one, or two when it wraps midnight. */
const spans = (window: HoursWindow): [number, number][] => {
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === end) return [];
  return start < end
    ? [[start, end]]
    : [
        [start, 24 * 60],
        [0, end],
      ];
};

/** Whether two daily windows share a minute; touching ends (work to 20:00, quiet from 20:00) do not. */
export const windowsOverlap = (a: HoursWindow, b: HoursWindow): boolean =>
  spans(a).some(([aStart, aEnd]) => spans(b).some(([bStart, bEnd]) => aStart < bEnd && bStart < aEnd));

/**
 * Working hours must lie outside quiet hours: day reminders arrive at the start of working hours,
 * and a start inside quiet hours would either break the quiet or never arrive.
 */
export const workingHoursClearOfQuiet = (
  hours: Pick<DeliveryHours, 'workStart' | 'workEnd' | 'quietStart' | 'quietEnd'>,
): boolean =>
  !windowsOverlap(
    { start: hours.workStart, end: hours.workEnd },
    { start: hours.quietStart, end: hours.quietEnd },
  );

/** How an IANA zone name is spelled: "UTC", "Europe/Moscow", "America/Argentina/Salta", "Etc/GMT+3". */
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;

/**
 * A time zone someone typed, as an IANA name, or null when it is not one. Offsets ("+03:00") and
 * city names alone are refused. The spelling is kept ("Asia/Kolkata" stays, though the runtime
 * calls it "Asia/Calcutta"); only letter case is put right when the runtime knows the name as it
 * is ("europe/moscow" gives "Europe/Moscow").
 */
export const parseTimeZoneName = (input: string): string | null => {
  const name = input.trim();
  if (name.length > 48 || !IANA_NAME.test(name) || !isTimeZone(name)) return null;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
};
