import { badRequest } from '../errors';
import { optionalBoolean, optionalString } from '../params';
import type { BotApiMethod } from './method';

/** Each callback query takes one answer, within the timeout; answers are not rate-limited. */
export const answerCallbackQuery: BotApiMethod = (ctx, params) => {
  const id = optionalString(params, 'callback_query_id') ?? '';
  const query = ctx.state.callbacks.get(id);
  const expired = query === undefined || Date.now() - query.createdAt > ctx.callbackAnswerTimeoutMs;
  if (expired || query.answered) {
    throw badRequest('query is too old and response timeout expired or query ID is invalid');
  }
  const text = optionalString(params, 'text');
  query.answered = true;
  query.answer = {
    ...(text === undefined ? {} : { text }),
    ...(params.show_alert === undefined ? {} : { show_alert: optionalBoolean(params, 'show_alert') }),
  };
  return true;
};
