import type { Person } from '@accord/domain';

/** How long a looked-up session is trusted before the database is asked again. */
export const SESSION_CACHE_MS = 10_000;
const MAX_SESSIONS = 10_000;

export interface CachedSession {
  /** The person with their effective roles (a deputy's included). */
  person: Person;
  /** When the session ends unless a request moves it. */
  expiresAt: string;
  cachedAtMs: number;
}

/**
 * Every API request needs its signed-in person, and reading session, person and commission costs
 * more than the rest of a small request. They are kept in memory for a few seconds: who may do
 * what only changes through this process's people, commission and session routes, which empty the
 * cache (see the session middleware), and the time limit bounds anything changed elsewhere.
 */
export class SessionCache {
  readonly #sessions = new Map<string, CachedSession>();

  get(token: string, nowMs: number): CachedSession | undefined {
    const cached = this.#sessions.get(token);
    if (cached && nowMs - cached.cachedAtMs < SESSION_CACHE_MS && nowMs >= cached.cachedAtMs) return cached;
    if (cached) this.#sessions.delete(token);
    return undefined;
  }

  set(token: string, session: CachedSession): void {
    // Oldest first out: Maps keep insertion order.
    if (this.#sessions.size >= MAX_SESSIONS)
      this.#sessions.delete(this.#sessions.keys().next().value as string);
    this.#sessions.set(token, session);
  }

  clear(): void {
    this.#sessions.clear();
  }
}
