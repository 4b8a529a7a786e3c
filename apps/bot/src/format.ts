import type { Language } from '@accord/domain';
import { DateTime } from 'luxon';

const dayAndTime = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
} as const;
const timeOnly = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
/** British English: day before month and a 24-hour clock, as the commission's papers write them. */
const locales: Record<Language, string> = { ru: 'ru', en: 'en-GB' };

/** "Monday, 15 March 2027, 10:00–13:00" in the reader's zone and language; the end date only when it differs. */
export function formatSpan(startsAt: string, endsAt: string, zone: string, language: Language): string {
  const start = DateTime.fromISO(startsAt, { zone: 'utc' }).setZone(zone).setLocale(locales[language]);
  const end = DateTime.fromISO(endsAt, { zone: 'utc' }).setZone(zone).setLocale(locales[language]);
  const endText = start.hasSame(end, 'day') ? end.toLocaleString(timeOnly) : end.toLocaleString(dayAndTime);
  return `${start.toLocaleString(dayAndTime)} – ${endText}`;
}

/** The reader's zone as they would recognise it: "Asia/Almaty, UTC+5". */
export function formatZone(zone: string, at: string): string {
  const offset = DateTime.fromISO(at, { zone: 'utc' }).setZone(zone).toFormat('ZZ');
  const hours = offset.replace(/^([+-])0?(\d+):00$/, '$1$2').replace(/^([+-]\d+):(\d\d)$/, '$1$2');
  return `${zone}, UTC${offset === '+00:00' ? '' : hours}`;
}

/** A calendar date ("2027-04-01") as the reader writes it: "1 April 2027", "1 апреля 2027" (no "г." to clash with a full stop). */
export const formatDate = (date: string, language: Language): string =>
  DateTime.fromISO(date, { zone: 'utc' }).setLocale(locales[language]).toFormat('d MMMM yyyy');

/** An instant as the reader writes it in their zone: "5 March 2027, 15:00", "5 марта 2027, 15:00". */
export const formatInstant = (instant: string, zone: string, language: Language): string =>
  DateTime.fromISO(instant, { zone: 'utc' })
    .setZone(zone)
    .setLocale(locales[language])
    .toFormat('d MMMM yyyy, HH:mm');
