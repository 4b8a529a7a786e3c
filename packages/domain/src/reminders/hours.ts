import { DateTime } from 'luxon';

/** When a person may be reminded, in their own zone: working hours, and quiet hours that are never used. */
export interface DeliveryHours {
  timeZone: string;
  /** "HH:mm" local; day reminders arrive at the start of working hours. */
  workStart: string;
  workEnd: string;
  /** Never deliver between these ("HH:mm" local; the window may wrap midnight). */
  quietStart: string;
  quietEnd: string;
}

export const DEFAULT_HOURS = {
  workStart: '09:00',
  workEnd: '20:00',
  quietStart: '22:00',
  quietEnd: '07:00',
} as const;

const minutesOf = (hhmm: string): number => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

const local = (instant: string, zone: string) => DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone);
const minuteOfDay = (dt: DateTime) => dt.hour * 60 + dt.minute;

const inWindow = (minute: number, start: number, end: number) =>
  start <= end ? minute >= start && minute < end : minute >= start || minute < end;

export const isQuietTime = (instant: string, hours: DeliveryHours): boolean =>
  inWindow(
    minuteOfDay(local(instant, hours.timeZone)),
    minutesOf(hours.quietStart),
    minutesOf(hours.quietEnd),
  );

export const isWorkingTime = (instant: string, hours: DeliveryHours): boolean =>
  !isQuietTime(instant, hours) &&
  inWindow(minuteOfDay(local(instant, hours.timeZone)), minutesOf(hours.workStart), minutesOf(hours.workEnd));

/** The local calendar date ("yyyy-MM-dd") of an instant in a zone. */
export const localDate = (instant: string, zone: string): string =>
  local(instant, zone).toFormat('yyyy-MM-dd');

/** The start of working hours on a local date, as a UTC instant (luxon keeps it right across daylight saving). */
export const workStartOn = (date: string, hours: DeliveryHours): string => {
  const start = minutesOf(hours.workStart);
  return DateTime.fromISO(date, { zone: hours.timeZone })
    .set({ hour: Math.floor(start / 60), minute: start % 60 })
    .toUTC()
    .toISO() as string;
};

/** The end of a local date (its last millisecond), as a UTC instant. */
export const endOfLocalDate = (date: string, zone: string): string =>
  DateTime.fromISO(date, { zone }).endOf('day').toUTC().toISO() as string;

export const addDays = (date: string, days: number): string =>
  DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toFormat('yyyy-MM-dd');

/** `instant` itself unless it falls in quiet hours; then the last minute before they began. */
export const outsideQuietHours = (instant: string, hours: DeliveryHours): string => {
  if (!isQuietTime(instant, hours)) return instant;
  let dt = local(instant, hours.timeZone);
  const quietStart = minutesOf(hours.quietStart);
  if (minuteOfDay(dt) < quietStart) dt = dt.minus({ days: 1 });
  return dt
    .set({ hour: Math.floor(quietStart / 60), minute: quietStart % 60, second: 0, millisecond: 0 })
    .minus({ minutes: 1 })
    .toUTC()
    .toISO() as string;
};

/** The next working moment at or after `instant`. */
export const nextWorkingTime = (instant: string, hours: DeliveryHours): string => {
  if (isWorkingTime(instant, hours)) return instant;
  const today = localDate(instant, hours.timeZone);
  const startToday = workStartOn(today, hours);
  return Date.parse(startToday) > Date.parse(instant) ? startToday : workStartOn(addDays(today, 1), hours);
};
