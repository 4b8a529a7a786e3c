import { describe, expect, it, vi } from 'vitest';
import { isLoginToken, loginErrorCode, signInOnce } from './login';

describe('a sign-in link’s token', () => {
  it('is sent only when it has the shape the API accepts', () => {
    expect(isLoginToken('abcdefghijklmnop_-12')).toBe(true);
    expect(isLoginToken('short')).toBe(false);
    expect(isLoginToken('has spaces in it, sixteen+')).toBe(false);
    expect(isLoginToken(undefined)).toBe(false);
    expect(isLoginToken(['abcdefghijklmnop'])).toBe(false);
  });
});

describe('why a sign-in link failed', () => {
  it('is one of the API’s reasons, or null for anything else', () => {
    expect(loginErrorCode('LoginExpired')).toBe('LoginExpired');
    expect(loginErrorCode('PersonInactive')).toBe('PersonInactive');
    expect(loginErrorCode('rate_limited')).toBeNull();
    expect(loginErrorCode(undefined)).toBeNull();
  });
});

describe('signing in with a link', () => {
  it('posts a token once, however often the page asks', async () => {
    const post = vi.fn(async (token: string) => ({ token }));
    const first = signInOnce('token-once-aaaaaaaa', post);
    const second = signInOnce('token-once-aaaaaaaa', post);
    expect(second).toBe(first);
    await expect(second).resolves.toEqual({ token: 'token-once-aaaaaaaa' });
    expect(post).toHaveBeenCalledTimes(1);
  });

  it('posts again only when asked to retry', async () => {
    const post = vi.fn(async () => {
      throw new Error('offline');
    });
    await expect(signInOnce('token-retry-aaaaaaa', post)).rejects.toThrow('offline');
    await expect(signInOnce('token-retry-aaaaaaa', post)).rejects.toThrow('offline');
    expect(post).toHaveBeenCalledTimes(1);
    await expect(signInOnce('token-retry-aaaaaaa', post, true)).rejects.toThrow('offline');
    expect(post).toHaveBeenCalledTimes(2);
  });
});
