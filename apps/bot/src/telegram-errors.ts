import { GrammyError } from 'grammy';

/**
 * Telegram refuses an edit that would leave the message as it is ("message is not modified"): a
 * button pressed twice, or an edit already shown. The message shows what was asked, so callers
 * take it as done.
 */
export const isMessageNotModified = (error: unknown): boolean =>
  error instanceof GrammyError && error.description.includes('message is not modified');
