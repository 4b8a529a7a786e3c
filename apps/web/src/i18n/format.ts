import type { Language } from '@accord/domain';

/** Values a dictionary entry's `{name}` placeholders are filled with. */
export type MessageVars = Readonly<Record<string, string | number>>;

/** British English reads day-month-year with a 24-hour clock, as the commission's papers do. */
const LOCALES: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU' };

/** Fills `{name}` placeholders; an unknown placeholder is left as written so a gap is visible. */
export const interpolate = (template: string, vars?: MessageVars): string =>
  vars
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
    : template;

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (
  language: Language,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat => {
  const key = `${language}|${timeZone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone });
    formatters.set(key, found);
  }
  return found;
};

const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

export const isValidTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** The zone this browser runs in, by its IANA name. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** A zone's offset from UTC at an instant, as "UTC+05:00" (offsets move with daylight saving). */
export const zoneOffset = (iso: string, zone: string): string => {
  const part = formatter('en', zone, { timeZoneName: 'longOffset' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName');
  const offset = (part?.value ?? 'GMT').replace('GMT', 'UTC');
  return offset === 'UTC' ? 'UTC+00:00' : offset;
};

/** A zone named for a reader: its IANA name and its offset at that instant, e.g. "Asia/Yerevan (UTC+04:00)". */
export const zoneLabel = (iso: string, zone: string): string =>
  zone === 'UTC' ? 'UTC' : `${zone} (${zoneOffset(iso, zone)})`;

/**
 * An instant as date and time in a zone, the zone named: "Mon, 15 Mar 2027, 10:00 · Asia/Yerevan (UTC+04:00)".
 * `named: false` leaves the zone out, for tables whose heading names it once.
 */
export const formatDateTime = (iso: string, zone: string, language: Language, named = true): string => {
  const text = formatter(language, zone, DATE_TIME).format(new Date(iso));
  return named ? `${text} · ${zoneLabel(iso, zone)}` : text;
};

/** A span in a zone, the end's date left out when it is the same day: "Mon, 15 Mar 2027, 10:00–12:30 · …". */
export const formatRange = (
  startIso: string,
  endIso: string,
  zone: string,
  language: Language,
  named = true,
): string => {
  const text = formatter(language, zone, DATE_TIME).formatRange(new Date(startIso), new Date(endIso));
  return named ? `${text} · ${zoneLabel(startIso, zone)}` : text;
};

/** A calendar date in a zone, without the time: "15 Mar 2027". */
export const formatDate = (iso: string, zone: string, language: Language): string =>
  formatter(language, zone, DATE).format(new Date(iso));
