/** A Bot API failure, answered as `{ ok: false, error_code, description, parameters? }`. */
export class ApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
    this.name = 'ApiError';
  }

  toJSON(): {
    ok: false;
    error_code: number;
    description: string;
    parameters?: { retry_after: number };
  } {
    return {
      ok: false,
      error_code: this.errorCode,
      description: this.description,
      ...(this.retryAfter === undefined ? {} : { parameters: { retry_after: this.retryAfter } }),
    };
  }
}

export const badRequest = (reason: string): ApiError => new ApiError(400, `Bad Request: ${reason}`);

export const tooManyRequests = (retryAfter: number): ApiError =>
  new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, retryAfter);

export const botBlocked = (): ApiError => new ApiError(403, 'Forbidden: bot was blocked by the user');

export const unauthorized = (): ApiError => new ApiError(401, 'Unauthorized');

export const notFound = (): ApiError => new ApiError(404, 'Not Found');

export const conflictWithPoller = (): ApiError =>
  new ApiError(
    409,
    'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
  );

export const conflictWithWebhook = (): ApiError =>
  new ApiError(
    409,
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
  );
