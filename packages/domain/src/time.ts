import { DateTime, IANAZone } from 'luxon';

export const isTimeZone = (zone: string): boolean => IANAZone.isValidZone(zone);

/**
 * A wall-clock time in a zone ("2027-03-15T10:00" in "Asia/Almaty") as a UTC ISO instant.
 * Returns null for a time that does not exist there (skipped by a daylight-saving change).
 */
export const localToUtc = (local: string, zone: string): string | null => {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) return null;
  // Luxon shifts a nonexistent local time forward; refuse it rather than store a surprise.
  if (dt.toFormat("yyyy-MM-dd'T'HH:mm") !== local.slice(0, 16)) return null;
  return dt.toUTC().toISO();
};

/** A UTC instant as wall-clock time in a zone, "yyyy-MM-ddTHH:mm". */
export const utcToLocal = (utc: string, zone: string): string =>
  DateTime.fromISO(utc, { zone: 'utc' }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");

export const addMilliseconds = (iso: string, ms: number): string =>
  new Date(Date.parse(iso) + ms).toISOString();
