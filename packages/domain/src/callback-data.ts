/**
 * The payloads of inline buttons. Telegram allows 64 bytes, so each is a short code:
 * `r:<meetingId>:y|n` answers a notice, `ics:<meetingId>` asks for the calendar file.
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
