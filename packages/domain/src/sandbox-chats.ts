import { z } from 'zod';
import { CALLBACK_DATA_MAX_BYTES } from './callback-data';
import { MESSAGE_MAX_LENGTH } from './text';

const positiveId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A Telegram chat id in a path: a private chat's (the user's id) or a group's (negative). */
export const chatParamSchema = z.object({
  chatId: z
    .string()
    .regex(/^-?[1-9]\d{0,15}$/, 'must be a whole number other than 0')
    .transform(Number)
    .refine(Number.isSafeInteger, 'too large'),
});

/** A message of a chat, for its document. */
export const chatMessageParamSchema = chatParamSchema.extend({
  messageId: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'must be a positive whole number')
    .transform(Number)
    .refine(Number.isSafeInteger, 'too large'),
});

/** Who writes in a group chat; in a private chat it is always the chat's own person. */
const asPerson = { asPersonId: positiveId.optional() };

/** What a member types in a sandbox chat: text or a command, as Telegram would take it. */
export const sandboxMessageSchema = z.object({
  text: z
    .string()
    .max(MESSAGE_MAX_LENGTH, `must be at most ${MESSAGE_MAX_LENGTH} characters`)
    .refine((text) => text.trim() !== '', 'must not be empty'),
  ...asPerson,
});

/** A press of an inline button on a message of a sandbox chat. */
export const sandboxPressSchema = z.object({
  messageId: positiveId,
  callbackData: z
    .string()
    .min(1)
    .refine(
      (data) => new TextEncoder().encode(data).length <= CALLBACK_DATA_MAX_BYTES,
      `must be at most ${CALLBACK_DATA_MAX_BYTES} bytes`,
    ),
  ...asPerson,
});

/** The outgoing messages the Chats page can preview, each named by its subject's id. */
export const PREVIEW_KINDS = [
  'meeting-notice',
  'meeting-updated',
  'meeting-cancelled',
  'meeting-minutes',
  'ballot-opened',
  'ballot-nudge',
  'ballot-closed',
  'reminder-digest',
] as const;
export type PreviewKind = (typeof PREVIEW_KINDS)[number];

const queryId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A message to preview, in a query: its kind, its subject (a meeting, a ballot, a reminder) and its reader. */
export const messagePreviewQuerySchema = z.object({
  personId: queryId,
  kind: z.enum(PREVIEW_KINDS),
  subjectId: queryId,
});
export type MessagePreviewQuery = z.infer<typeof messagePreviewQuerySchema>;
