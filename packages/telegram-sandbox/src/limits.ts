import { tooManyRequests } from './errors';
import type { SandboxLimits } from './types';

export const DEFAULT_LIMITS: SandboxLimits = {
  global: { perSecond: 30, burst: 30 },
  privateChat: { perSecond: 1, burst: 3 },
  group: { perMinute: 20 },
};

const NO_LIMITS: SandboxLimits = { global: false, privateChat: false, group: false };

const WINDOW_MS = 60_000;

/** Fills the missing limits from the defaults; `false` switches every limit off. */
export function resolveLimits(limits: Partial<SandboxLimits> | false | undefined): SandboxLimits {
  if (limits === false) return NO_LIMITS;
  const resolved = { ...DEFAULT_LIMITS, ...limits };
  for (const bucket of [resolved.global, resolved.privateChat]) {
    if (bucket !== false && !(bucket.perSecond > 0 && bucket.burst >= 1)) {
      throw new Error(
        `telegram-sandbox: a limit needs perSecond > 0 and burst >= 1, got ${JSON.stringify(bucket)}`,
      );
    }
  }
  if (resolved.group !== false && !(resolved.group.perMinute >= 1)) {
    throw new Error(
      `telegram-sandbox: the group limit needs perMinute >= 1, got ${resolved.group.perMinute}`,
    );
  }
  return resolved;
}

interface Limiter {
  /** Milliseconds until one more call fits; 0 when it fits now. */
  waitMs(now: number): number;
  take(now: number): void;
}

/** Refills continuously up to `burst` tokens. */
class TokenBucket implements Limiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) * 1000) / this.perSecond;
  }

  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perSecond) / 1000);
    this.last = now;
  }
}

/** At most `capacity` calls in any 60 s; a ring of the last calls' times keeps each check O(1). */
class SlidingWindow implements Limiter {
  private readonly stamps: number[] = [];
  private oldest = 0;

  constructor(private readonly capacity: number) {}

  waitMs(now: number): number {
    const oldest = this.stamps[this.oldest];
    if (this.stamps.length < this.capacity || oldest === undefined) return 0;
    return Math.max(0, oldest + WINDOW_MS - now);
  }

  take(now: number): void {
    if (this.stamps.length < this.capacity) {
      this.stamps.push(now);
      return;
    }
    this.stamps[this.oldest] = now;
    this.oldest = (this.oldest + 1) % this.capacity;
  }
}

export type LimitedAction = 'send' | 'edit';

interface Scope {
  key: string;
  limiter: Limiter;
}

/**
 * Telegram's flood limits: sends count toward `global` and their chat's bucket (private) or
 * window (group); edits count toward a group's window only. Counts its 429s and the calls that
 * came back before the retry_after it gave for their scope had passed.
 */
export class RateLimiter {
  private limits: SandboxLimits;
  private global: TokenBucket | undefined;
  private readonly privateChats = new Map<number, TokenBucket>();
  private readonly groups = new Map<number, SlidingWindow>();
  /** Per scope, the instant the last retry_after given for it ends. */
  private readonly retryDeadlines = new Map<string, number>();
  rejected = 0;
  early = 0;

  constructor(limits: SandboxLimits) {
    this.limits = limits;
  }

  setLimits(limits: SandboxLimits): void {
    this.limits = limits;
    this.global = undefined;
    this.privateChats.clear();
    this.groups.clear();
  }

  /** Throws Telegram's 429 when the call does not fit; otherwise counts it. */
  admit(action: LimitedAction, chat: { id: number; type: 'private' | 'group' }, now = Date.now()): void {
    const scopes = this.scopesFor(action, chat, now);
    if (scopes.length === 0) return;
    if (scopes.some((scope) => this.isEarly(scope.key, now))) this.early++;

    const blocking = scopes.filter((scope) => scope.limiter.waitMs(now) > 0);
    if (blocking.length > 0) {
      const waitMs = Math.max(...blocking.map((scope) => scope.limiter.waitMs(now)));
      const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
      for (const scope of blocking) this.retryDeadlines.set(scope.key, now + retryAfter * 1000);
      this.rejected++;
      throw tooManyRequests(retryAfter);
    }
    for (const scope of scopes) scope.limiter.take(now);
  }

  reset(): void {
    this.setLimits(this.limits);
    this.retryDeadlines.clear();
    this.rejected = 0;
    this.early = 0;
  }

  private isEarly(key: string, now: number): boolean {
    const deadline = this.retryDeadlines.get(key);
    if (deadline === undefined) return false;
    if (deadline > now) return true;
    this.retryDeadlines.delete(key);
    return false;
  }

  private scopesFor(
    action: LimitedAction,
    chat: { id: number; type: 'private' | 'group' },
    now: number,
  ): Scope[] {
    const scopes: Scope[] = [];
    const { global, privateChat, group } = this.limits;
    if (action === 'send' && global !== false) {
      this.global ??= new TokenBucket(global.perSecond, global.burst, now);
      scopes.push({ key: 'global', limiter: this.global });
    }
    const key = `chat:${chat.id}`;
    if (chat.type === 'private' && action === 'send' && privateChat !== false) {
      scopes.push({
        key,
        limiter: getOrCreate(
          this.privateChats,
          chat.id,
          () => new TokenBucket(privateChat.perSecond, privateChat.burst, now),
        ),
      });
    }
    if (chat.type === 'group' && group !== false) {
      scopes.push({
        key,
        limiter: getOrCreate(this.groups, chat.id, () => new SlidingWindow(Math.floor(group.perMinute))),
      });
    }
    return scopes;
  }
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  const existing = map.get(key);
  if (existing !== undefined) return existing;
  const created = create();
  map.set(key, created);
  return created;
}
