import { z } from 'zod';
import { CALLBACK_DATA_MAX_BYTES } from './callback-data';
import type { SignOffKind } from './sign-offs';

/**
 * The buttons under a sign-off prompt, bound to one request and the version it asks about:
 * `so:<signOffId>:<version>:a` asks to approve (the bot then asks to confirm), `y` confirms the
 * approval, `x` cancels the confirmation, `c` requests changes (the bot then asks for the comment).
 * The version is carried so that a press names what the chairman saw; the request binds the hash.
 */
export type SignOffButton = {
  kind: 'approve' | 'confirm' | 'cancel' | 'changes';
  signOffId: number;
  version: number;
};

const CODES: Record<SignOffButton['kind'], string> = {
  approve: 'a',
  confirm: 'y',
  cancel: 'x',
  changes: 'c',
};

export const encodeSignOffButton = (button: SignOffButton): string => {
  const data = `so:${button.signOffId}:${button.version}:${CODES[button.kind]}`;
  if (new TextEncoder().encode(data).length > CALLBACK_DATA_MAX_BYTES)
    throw new RangeError('callback data too long');
  return data;
};

/** Parses a sign-off button's payload; anything malformed or forged is null. */
export const decodeSignOffButton = (data: string | undefined): SignOffButton | null => {
  const match = data === undefined ? null : /^so:([1-9]\d{0,15}):([1-9]\d{0,8}):([a-z])$/.exec(data);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  const signOffId = Number(match[1]);
  const version = Number(match[2]);
  if (!Number.isSafeInteger(signOffId)) return null;
  const kind = (Object.keys(CODES) as SignOffButton['kind'][]).find((k) => CODES[k] === match[3]);
  return kind ? { kind, signOffId, version } : null;
};

/** How long the bot waits for the comment it asked for when the chairman requests changes. */
export const SIGN_OFF_COMMENT_PROMPT_MS = 24 * 3_600_000;

/** The chat prompt's purpose when the bot waits for a request-changes comment. */
export const SIGN_OFF_COMMENT_PURPOSE = 'sign-off-comment';

/** The API's path parameters for one item's sign-offs. */
export const signOffItemParamSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'must be an id')
    .transform(Number),
});

/** The chairman's choice of which optional kinds need the chairman's sign-off (the API's body). */
export const signOffSettingsSchema = z.object({ agenda: z.boolean(), draft: z.boolean() }).strict();

/** Which kinds the API and the bot know how to ask about (agendas and drafts only once switched on). */
export const SIGN_OFF_KINDS_SUPPORTED: readonly SignOffKind[] = ['report', 'agenda', 'draft'];
