/** The shape of a sign-in token in the bot's link (the API's `loginSchema`); anything else is not worth sending. */
export const isLoginToken = (token: unknown): token is string =>
  typeof token === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(token);

/** The reasons the API gives for refusing a sign-in link. */
export const LOGIN_ERRORS = [
  'LoginUnknown',
  'LoginUsed',
  'LoginExpired',
  'LoginRevoked',
  'PersonInactive',
] as const;
export type LoginErrorCode = (typeof LOGIN_ERRORS)[number];

/** The reason a sign-in link failed, from the API's error code; anything the API did not name becomes null. */
export const loginErrorCode = (code: string | undefined): LoginErrorCode | null =>
  LOGIN_ERRORS.find((known) => known === code) ?? null;

const attempts = new Map<string, Promise<unknown>>();

/**
 * Runs `signIn` for a token at most once while the page is open: a link is valid once, so a page
 * shown again (a re-render, going back) must wait for the first attempt rather than post again.
 * A failure the server never saw (no connection) may be tried again with `retry`.
 */
export const signInOnce = <T>(
  token: string,
  signIn: (token: string) => Promise<T>,
  retry = false,
): Promise<T> => {
  const previous = attempts.get(token);
  if (previous && !retry) return previous as Promise<T>;
  const attempt = signIn(token);
  attempts.set(token, attempt);
  return attempt;
};
