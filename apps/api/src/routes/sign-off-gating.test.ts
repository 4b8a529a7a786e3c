import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let secretary: string;
let chairman: string;
beforeEach(async () => {
  t = await createTestApp();
  secretary = await t.signIn('secretary');
  chairman = await t.signIn('RU-head');
});
afterEach(() => t.db.destroy());

const json = async <T>(res: Response) => (await res.json()) as T;
const settings = async () =>
  (
    await json<{ signOffs: { agenda: boolean; draft: boolean } }>(
      await t.call(secretary, 'GET', '/api/commission'),
    )
  ).signOffs;

describe('which items need the chairman’s sign-off', () => {
  it('is off for agendas and drafts until the chairman switches it on; the change is audited', async () => {
    expect(await settings()).toEqual({ agenda: false, draft: false });
    const res = await t.call(chairman, 'PUT', '/api/commission/sign-offs', { agenda: true, draft: false });
    expect(res.status).toBe(200);
    expect(await settings()).toEqual({ agenda: true, draft: false });
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'commission.sign-offs')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before ?? '{}')).toEqual({ agenda: false, draft: false });
    expect(JSON.parse(audit.after ?? '{}')).toEqual({ agenda: true, draft: false });
  });

  it('is the chairman’s call: the secretary (the admin too) is refused, a malformed body is rejected', async () => {
    for (const cookie of [secretary, await t.signIn('RU-alternate')])
      expect(
        (await t.call(cookie, 'PUT', '/api/commission/sign-offs', { agenda: true, draft: true })).status,
      ).toBe(403);
    expect((await t.call(chairman, 'PUT', '/api/commission/sign-offs', { agenda: 'yes' })).status).toBe(400);
    expect(await settings()).toEqual({ agenda: false, draft: false });
  });
});
