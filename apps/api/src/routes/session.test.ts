import { Writable } from 'node:stream';
import { createLoginToken } from '@accord/db';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_CACHE_MS } from '../middleware/session-cache';
import { createTestApp } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
afterEach(() => t.db.destroy());

const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

describe('signing in with the link the bot sent', () => {
  it('opens a session once, with an httpOnly SameSite cookie, and audits the sign-in', async () => {
    t = await createTestApp({ sandboxMode: false });
    const id = await t.personId('KZ-head');
    const token = await createLoginToken(t.db, {
      personId: id,
      now: t.now,
      expiresAt: '2027-02-01T09:10:00.000Z',
    });
    const res = await t.call(null, 'POST', '/api/session/login', { token });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const me = await t.call(cookieOf(res), 'GET', '/api/session');
    expect(((await me.json()) as { person: { id: number } }).person.id).toBe(id);
    const again = await t.call(null, 'POST', '/api/session/login', { token });
    expect(again.status).toBe(401);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('LoginUsed');
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'session.sign-in')
      .execute();
    expect(audit.map((a) => a.after)).toEqual([JSON.stringify({ method: 'telegram-link' })]);
  });

  it('refuses an expired link and an unknown one', async () => {
    t = await createTestApp();
    const id = await t.personId('KZ-head');
    const expired = await createLoginToken(t.db, {
      personId: id,
      now: '2027-02-01T08:00:00.000Z',
      expiresAt: '2027-02-01T08:10:00.000Z',
    });
    const res = await t.call(null, 'POST', '/api/session/login', { token: expired });
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('LoginExpired');
    const unknown = await t.call(null, 'POST', '/api/session/login', { token: 'A'.repeat(32) });
    expect(unknown.status).toBe(401);
  });

  it('sets the Secure flag when served over HTTPS', async () => {
    t = await createTestApp({ secureCookies: true });
    const res = await t.call(null, 'POST', '/api/session/dev-login', {
      personId: await t.personId('observer'),
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });
});

describe('sessions', () => {
  it('end after eight hours without a request, and last while used', async () => {
    let nowMs = Date.parse('2027-02-01T09:00:00.000Z');
    t = await createTestApp({ clock: () => new Date(nowMs) });
    const cookie = await t.signIn('observer');
    nowMs += 7 * 3600_000;
    expect((await t.call(cookie, 'GET', '/api/meetings')).status).toBe(200);
    nowMs += 7 * 3600_000;
    expect((await t.call(cookie, 'GET', '/api/meetings')).status).toBe(200);
    nowMs += 8 * 3600_000 + 1;
    expect((await t.call(cookie, 'GET', '/api/meetings')).status).toBe(401);
  });

  it('sign out everywhere ends every session of that person, and only theirs', async () => {
    t = await createTestApp();
    const laptop = await t.signIn('secretary');
    const phone = await t.signIn('secretary');
    const other = await t.signIn('observer');
    const res = await t.call(laptop, 'POST', '/api/session/logout-all');
    expect(((await res.json()) as { sessionsEnded: number }).sessionsEnded).toBe(2);
    expect((await t.call(phone, 'GET', '/api/meetings')).status).toBe(401);
    expect((await t.call(other, 'GET', '/api/meetings')).status).toBe(200);
  });
});

describe('doors', () => {
  it('limits sign-in attempts with a 429 in the error shape', async () => {
    t = await createTestApp({ rateLimits: { signInPerMinute: 3 } });
    const attempt = () => t.call(null, 'POST', '/api/session/login', { token: 'B'.repeat(32) });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Said on the refusal, when to come back: within the minute's window.
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  it('limits writes per person', async () => {
    t = await createTestApp({ rateLimits: { signInPerMinute: 100, writesPerMinute: 2 } });
    const cookie = await t.signIn('secretary');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await t.call(cookie, 'POST', '/api/meetings/1/notify')).status);
    expect(statuses).toEqual([404, 404, 429]);
    expect((await t.call(cookie, 'GET', '/api/meetings')).status).toBe(200);
  });

  it('never writes a token, a link or a cookie into the logs', async () => {
    let logged = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    });
    t = await createTestApp({ logger: pino({ level: 'trace' }, sink) });
    const cookie = await t.signIn('secretary');
    const invite = await t.call(cookie, 'POST', `/api/people/${await t.personId('TJ-head')}/invites`);
    const { startCommand } = (await invite.json()) as { startCommand: string };
    const token = await createLoginToken(t.db, {
      personId: await t.personId('TJ-head'),
      now: t.now,
      expiresAt: '2027-02-01T09:10:00.000Z',
    });
    await t.call(null, 'POST', '/api/session/login', { token });
    await t.call(cookie, 'POST', '/api/meetings', { nonsense: true });
    for (const secret of [startCommand.slice(7), token, cookie.split('=')[1] ?? 'x'])
      expect(logged).not.toContain(secret);
  });
});

describe('the session cache', () => {
  it('ends a session revoked elsewhere within SESSION_CACHE_MS, and one revoked here at once', async () => {
    let nowMs = Date.parse('2027-02-01T09:00:00.000Z');
    t = await createTestApp({ clock: () => new Date(nowMs) });
    const cookie = await t.signIn('secretary');
    expect((await t.call(cookie, 'GET', '/api/meetings')).status).toBe(200);
    // Another process (or an operator) revokes it straight in the database.
    await t.db
      .updateTable('sessions')
      .set({ revoked_at: new Date(nowMs).toISOString() })
      .execute();
    expect((await t.call(cookie, 'GET', '/api/meetings')).status).toBe(200);
    nowMs += SESSION_CACHE_MS;
    expect((await t.call(cookie, 'GET', '/api/meetings')).status).toBe(401);

    const again = await t.signIn('secretary');
    expect((await t.call(again, 'GET', '/api/meetings')).status).toBe(200);
    expect((await t.call(again, 'POST', '/api/session/logout')).status).toBe(200);
    expect((await t.call(again, 'GET', '/api/meetings')).status).toBe(401);
  });

  it('takes a role changed on the dashboard into account on the next request', async () => {
    t = await createTestApp();
    const observer = await t.signIn('observer');
    expect((await t.call(observer, 'GET', '/api/outbox')).status).toBe(403);
    const secretary = await t.signIn('secretary');
    const id = await t.personId('observer');
    const res = await t.call(secretary, 'PATCH', `/api/people/${id}`, { roles: ['secretary'] });
    expect(res.status).toBe(200);
    expect((await t.call(observer, 'GET', '/api/outbox')).status).toBe(200);
  });
});

describe('a session left idle', () => {
  it('slides while in use (written at most once a minute) and ends after eight idle hours', async () => {
    let nowMs = Date.parse('2027-02-01T09:00:00.000Z');
    t = await createTestApp({ clock: () => new Date(nowMs) });
    const cookie = await t.signIn('KZ-head');
    const expiry = async () =>
      (await t.db.selectFrom('sessions').select('expires_at').executeTakeFirstOrThrow()).expires_at;
    const first = await expiry();
    nowMs += 30_000;
    expect((await t.call(cookie, 'GET', '/api/meetings')).status).toBe(200);
    expect(await expiry()).toBe(first);
    nowMs += 7 * 3_600_000;
    expect((await t.call(cookie, 'GET', '/api/meetings')).status).toBe(200);
    expect(Date.parse(await expiry())).toBe(nowMs + 8 * 3_600_000);
    nowMs += 8 * 3_600_000 + 1;
    expect((await t.call(cookie, 'GET', '/api/meetings')).status).toBe(401);
  });
});
