import { isLanguage, type Language } from './people';
import { isHoursWindow, parseTimeZoneName } from './reminders/preferences';
import { OPTIONAL_REMINDER_KINDS, type OptionalReminderKind } from './reminders/rules';

/**
 * The payloads of inline buttons. Telegram allows 64 bytes, so each is a short code:
 * `r:<meetingId>:y|n` answers a notice, `ics:<meetingId>` asks for the calendar file.
 * The settings panel's buttons start with `s:` and have their own codec below.
 */
export type CallbackAction =
  | { kind: 'rsvp'; meetingId: number; answer: 'yes' | 'no' }
  | { kind: 'ics'; meetingId: number };

export const CALLBACK_DATA_MAX_BYTES = 64;

export const encodeCallback = (action: CallbackAction): string => {
  const data =
    action.kind === 'rsvp'
      ? `r:${action.meetingId}:${action.answer === 'yes' ? 'y' : 'n'}`
      : `ics:${action.meetingId}`;
  if (new TextEncoder().encode(data).length > CALLBACK_DATA_MAX_BYTES)
    throw new RangeError('callback data too long');
  return data;
};

const positiveId = (text: string | undefined): number | null => {
  if (text === undefined || !/^[1-9]\d{0,15}$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
};

/** Parses a button payload; anything malformed or forged that does not fit is null. */
export const decodeCallback = (data: string | undefined): CallbackAction | null => {
  if (data === undefined || data.length > CALLBACK_DATA_MAX_BYTES) return null;
  const [code, first, second, ...rest] = data.split(':');
  if (rest.length > 0) return null;
  const meetingId = positiveId(first);
  if (meetingId === null) return null;
  if (code === 'r' && (second === 'y' || second === 'n')) {
    return { kind: 'rsvp', meetingId, answer: second === 'y' ? 'yes' : 'no' };
  }
  if (code === 'ics' && second === undefined) return { kind: 'ics', meetingId };
  return null;
};

/**
 * The buttons of the `/settings` panel, kept apart from CallbackAction so the notice buttons'
 * handler never sees them: `s:l:<ru|en>` language, `s:z:<IANA zone>` a zone, `s:zo` "other
 * zone" (the person types it), `s:w:HHmm-HHmm` working hours, `s:q:HHmm-HHmm` quiet hours,
 * `s:r:<kind>:1|0` an optional reminder kind on or off (a state, not a flip, so a second
 * press of an old button changes nothing).
 */
export type SettingsAction =
  | { kind: 'language'; language: Language }
  | { kind: 'zone'; zone: string }
  | { kind: 'zone-other' }
  | { kind: 'work-hours'; start: string; end: string }
  | { kind: 'quiet-hours'; start: string; end: string }
  | { kind: 'reminders'; reminder: OptionalReminderKind; on: boolean };

const compactWindow = (start: string, end: string) => `${start.replace(':', '')}-${end.replace(':', '')}`;

const settingsData = (action: SettingsAction): string => {
  switch (action.kind) {
    case 'language':
      return `s:l:${action.language}`;
    case 'zone':
      return `s:z:${action.zone}`;
    case 'zone-other':
      return 's:zo';
    case 'work-hours':
      return `s:w:${compactWindow(action.start, action.end)}`;
    case 'quiet-hours':
      return `s:q:${compactWindow(action.start, action.end)}`;
    case 'reminders':
      return `s:r:${action.reminder}:${action.on ? '1' : '0'}`;
  }
};

export const encodeSettingsCallback = (action: SettingsAction): string => {
  const data = settingsData(action);
  if (new TextEncoder().encode(data).length > CALLBACK_DATA_MAX_BYTES)
    throw new RangeError('callback data too long');
  return data;
};

/** "0900-1800" as a window of two different valid clock times, else null. */
const parseWindow = (text: string | undefined): { start: string; end: string } | null => {
  const match = text === undefined ? null : /^(\d\d)(\d\d)-(\d\d)(\d\d)$/.exec(text);
  if (!match) return null;
  const window = { start: `${match[1]}:${match[2]}`, end: `${match[3]}:${match[4]}` };
  return isHoursWindow(window) ? window : null;
};

const isOptionalReminderKind = (value: string | undefined): value is OptionalReminderKind =>
  (OPTIONAL_REMINDER_KINDS as readonly (string | undefined)[]).includes(value);

/** Parses a settings button's payload; anything malformed, forged or not `s:` is null. */
export const decodeSettingsCallback = (data: string | undefined): SettingsAction | null => {
  if (data === undefined || data.length > CALLBACK_DATA_MAX_BYTES) return null;
  const [code, what, first, second, ...rest] = data.split(':');
  if (code !== 's' || rest.length > 0) return null;
  if (what === 'zo') return first === undefined ? { kind: 'zone-other' } : null;
  if (what === 'r') {
    if (!isOptionalReminderKind(first) || (second !== '1' && second !== '0')) return null;
    return { kind: 'reminders', reminder: first, on: second === '1' };
  }
  if (first === undefined || second !== undefined) return null;
  if (what === 'l') return isLanguage(first) ? { kind: 'language', language: first } : null;
  if (what === 'z') {
    const zone = parseTimeZoneName(first);
    return zone === null || zone !== first ? null : { kind: 'zone', zone };
  }
  if (what === 'w' || what === 'q') {
    const window = parseWindow(first);
    if (!window) return null;
    return { kind: what === 'w' ? 'work-hours' : 'quiet-hours', ...window };
  }
  return null;
};
