import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env';

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export const errorBody = (code: string, message: string, details?: unknown): ApiErrorBody => ({
  error: { code, message, ...(details === undefined ? {} : { details }) },
});

/** Every error leaves as `{ error: { code, message, details } }`; only a real fault is a 500. */
export function handleError(error: Error, c: Context<AppEnv>) {
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthenticated' : 'bad_request';
    return c.json(errorBody(code, error.message || 'The request was refused'), status);
  }
  if (error instanceof SyntaxError)
    return c.json(errorBody('malformed_json', 'The body is not valid JSON'), 400);
  c.get('deps')?.logger.error({ err: error, path: c.req.path }, 'request failed');
  return c.json(errorBody('internal', 'Something went wrong on our side'), 500);
}

export const notFound = (c: Context) =>
  c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}`), 404);
