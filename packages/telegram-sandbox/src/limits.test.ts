import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { RateLimiter, resolveLimits } from './limits';

const PRIVATE = { id: 1, type: 'private' } as const;
const OTHER = { id: 2, type: 'private' } as const;
const GROUP = { id: -1, type: 'group' } as const;

function retryAfterOf(action: () => void): number | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    if (error instanceof ApiError && error.errorCode === 429) return error.retryAfter;
    throw error;
  }
}

describe('RateLimiter', () => {
  it('lets a private chat burst, then refills one send per second, continuously', () => {
    const limiter = new RateLimiter(resolveLimits({ global: false }));
    for (let i = 0; i < 3; i++) limiter.admit('send', PRIVATE, 0);
    expect(retryAfterOf(() => limiter.admit('send', PRIVATE, 0))).toBe(1);
    expect(retryAfterOf(() => limiter.admit('send', PRIVATE, 999))).toBe(1);
    expect(retryAfterOf(() => limiter.admit('send', PRIVATE, 1000))).toBeUndefined();
    expect(retryAfterOf(() => limiter.admit('send', OTHER, 1000))).toBeUndefined();
  });

  it('rounds retry_after up to whole seconds of the real wait', () => {
    const limiter = new RateLimiter(
      resolveLimits({ global: false, privateChat: { perSecond: 0.25, burst: 1 } }),
    );
    limiter.admit('send', PRIVATE, 0);
    expect(retryAfterOf(() => limiter.admit('send', PRIVATE, 0))).toBe(4);
    expect(retryAfterOf(() => limiter.admit('send', PRIVATE, 2500))).toBe(2);
  });

  it('counts all sends toward the global bucket but edits only in groups', () => {
    const limiter = new RateLimiter(
      resolveLimits({ global: { perSecond: 1, burst: 2 }, privateChat: false }),
    );
    limiter.admit('send', PRIVATE, 0);
    limiter.admit('send', OTHER, 0);
    for (let i = 0; i < 10; i++) limiter.admit('edit', PRIVATE, 0);
    expect(retryAfterOf(() => limiter.admit('send', { id: 3, type: 'private' }, 0))).toBe(1);
  });

  it("budgets a group's sends and edits together over a sliding minute", () => {
    const limiter = new RateLimiter(resolveLimits({ global: false, group: { perMinute: 2 } }));
    limiter.admit('send', GROUP, 0);
    limiter.admit('edit', GROUP, 10_000);
    expect(retryAfterOf(() => limiter.admit('edit', GROUP, 30_000))).toBe(30);
    limiter.admit('send', GROUP, 60_000);
    expect(retryAfterOf(() => limiter.admit('send', GROUP, 60_000))).toBe(10);
  });

  it('counts 429s and calls that come back before their retry_after has passed', () => {
    const limiter = new RateLimiter(
      resolveLimits({ global: false, privateChat: { perSecond: 2, burst: 1 } }),
    );
    limiter.admit('send', PRIVATE, 0);
    expect(retryAfterOf(() => limiter.admit('send', PRIVATE, 0))).toBe(1);
    // A token is back after 500 ms, but the client was told to wait a whole second.
    limiter.admit('send', PRIVATE, 600);
    limiter.admit('send', OTHER, 700);
    limiter.admit('send', PRIVATE, 1600);
    expect({ rejected: limiter.rejected, early: limiter.early }).toEqual({ rejected: 1, early: 1 });
  });

  it('admits everything when limits are off', () => {
    const limiter = new RateLimiter(resolveLimits(false));
    for (let i = 0; i < 1000; i++) limiter.admit('send', GROUP, 0);
    expect(limiter.rejected).toBe(0);
  });
});
