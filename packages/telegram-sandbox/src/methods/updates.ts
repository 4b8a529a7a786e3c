import type { SandboxContext } from '../context';
import { badRequest } from '../errors';
import { optionalBoolean, optionalInteger, optionalJson, optionalString } from '../params';
import type { Params } from '../request-params';
import type { BotApiMethod } from './method';

export const getUpdates: BotApiMethod = (ctx, params, signal) => {
  const limit = Math.min(100, Math.max(1, optionalInteger(params, 'limit') ?? 100));
  const offset = optionalInteger(params, 'offset');
  const allowedUpdates = readAllowedUpdates(params);
  return ctx.updates.poll({
    limit,
    timeoutSeconds: optionalInteger(params, 'timeout') ?? 0,
    signal,
    ...(offset === undefined ? {} : { offset }),
    ...(allowedUpdates === undefined ? {} : { allowedUpdates }),
  });
};

/** Any http(s) URL works here (Telegram wants HTTPS on a public host); an empty URL removes the webhook. */
export const setWebhook: BotApiMethod = (ctx, params) => {
  const url = optionalString(params, 'url') ?? '';
  if (url === '') return removeWebhook(ctx, params);
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw badRequest('bad webhook: An HTTP(S) URL must be provided for webhook');
  }
  const secretToken = optionalString(params, 'secret_token');
  if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
    throw badRequest('secret token contains unallowed characters');
  }
  if (optionalBoolean(params, 'drop_pending_updates')) ctx.updates.clear();
  const allowedUpdates = readAllowedUpdates(params);
  if (allowedUpdates !== undefined) ctx.updates.setAllowedUpdates(allowedUpdates);
  ctx.webhook.set({
    url,
    maxConnections: optionalInteger(params, 'max_connections') ?? 40,
    ...(secretToken === undefined ? {} : { secretToken }),
  });
  return true;
};

export const deleteWebhook: BotApiMethod = (ctx, params) => removeWebhook(ctx, params);

export const getWebhookInfo: BotApiMethod = (ctx) => {
  const config = ctx.webhook.current;
  const lastError = ctx.webhook.lastError;
  return {
    url: config?.url ?? '',
    has_custom_certificate: false,
    pending_update_count: ctx.updates.size,
    ...(lastError === undefined
      ? {}
      : { last_error_date: lastError.date, last_error_message: lastError.message }),
    ...(config === undefined ? {} : { max_connections: config.maxConnections }),
  };
};

function removeWebhook(ctx: SandboxContext, params: Params): true {
  if (optionalBoolean(params, 'drop_pending_updates')) ctx.updates.clear();
  ctx.webhook.delete();
  return true;
}

function readAllowedUpdates(params: Params): string[] | undefined {
  const value = optionalJson(params, 'allowed_updates');
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((type) => typeof type === 'string')) {
    throw badRequest("can't parse allowed_updates JSON object");
  }
  return value;
}
