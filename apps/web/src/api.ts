import type { AppType } from '@accord/api';
import type { ClientResponse } from 'hono/client';
import { hc } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import { fetchTakingFirstLoad } from './first-page/responses';

/** The API, typed from its routes. Only types come from `@accord/api`: no server code is bundled. */
export const client = hc<AppType>('/', { fetch: fetchTakingFirstLoad });

/**
 * One problem with one field of a request, as the API's validators report it (`path` is e.g.
 * "title" or "agenda.2"): the English `message`, and for a schema's check its `code` (`too_big`…)
 * with the `limit` and the kind of value (`origin`: string, number, array) of a length or a range.
 */
export interface FieldIssue {
  path: string;
  message: string;
  code?: string;
  origin?: string;
  limit?: number;
}

/** A refused or failed API call, carrying the API's own code and message (status 0: the server was not reached). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const toIssues = (details: unknown): FieldIssue[] =>
  Array.isArray(details)
    ? details.flatMap((d) =>
        isRecord(d) && typeof d.path === 'string' && typeof d.message === 'string'
          ? [
              {
                path: d.path,
                message: d.message,
                ...(typeof d.code === 'string' ? { code: d.code } : {}),
                ...(typeof d.origin === 'string' ? { origin: d.origin } : {}),
                ...(typeof d.limit === 'number' ? { limit: d.limit } : {}),
              },
            ]
          : [],
      )
    : [];

/** Reads the API's `{ error: { code, message, details } }`, or makes a plain one from the status when the body is not that. */
export const toApiError = (status: number, body: unknown): ApiError => {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(status, error.code, error.message, toIssues(error.details));
  }
  return new ApiError(status, status >= 500 ? 'internal' : 'http_error', `The server answered ${status}`);
};

/** The JSON body of a response's successful statuses. */
export type OkBody<R> =
  R extends ClientResponse<infer T, infer S, infer F>
    ? S extends SuccessStatusCode
      ? F extends 'json'
        ? T
        : never
      : never
    : never;

/**
 * Awaits a typed client call and returns its successful body; anything else becomes a thrown
 * `ApiError` with the API's code and message (and field details for a 400). A route's bodiless 304
 * (an ETag matched) never reaches here: the browser's cache answers it with the stored 200.
 */
export async function unwrap<R extends ClientResponse<unknown, number, 'json' | 'text' | 'body'>>(
  call: Promise<R>,
): Promise<OkBody<R>> {
  let response: R;
  try {
    response = await call;
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, body);
  // The client's own type for this status: the API's routes declare it.
  return body as OkBody<R>;
}
