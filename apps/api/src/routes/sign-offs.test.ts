import { answerSignOff, findPersonById } from '@accord/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let secretary: string;
let reportId: number;
beforeEach(async () => {
  t = await createTestApp(); // the clock stands at 2027-02-01 09:00 UTC
  secretary = await t.signIn('secretary');
  const created = (await (await t.call(secretary, 'POST', '/api/reports', { year: 2027 })).json()) as {
    report: { id: number };
  };
  reportId = created.report.id;
});
afterEach(() => t.db.destroy());

interface SignOffBody {
  item: { version: number; contentHash: string };
  standing: string;
  signOffs: Array<{
    id: number;
    version: number;
    contentHash: string;
    state: string;
    requestedByName: string | null;
    decidedByName: string | null;
    onBehalfOfDeputy: boolean;
  }>;
}
const json = async <T>(res: Response) => (await res.json()) as T;
const send = (cookie = secretary, id = reportId) => t.call(cookie, 'POST', `/api/sign-offs/report/${id}`);
const history = async () =>
  json<SignOffBody>(await t.call(secretary, 'GET', `/api/sign-offs/report/${reportId}`));
const reportStatus = async () =>
  (await t.db.selectFrom('reports').select('status').where('id', '=', reportId).executeTakeFirstOrThrow())
    .status;
const outboxKinds = async () =>
  (
    await t.db
      .selectFrom('outbox')
      .select(['kind', 'recipient_person_id'])
      .where('subject_type', '=', 'sign-off')
      .orderBy('id')
      .execute()
  ).map((r) => [r.kind, r.recipient_person_id]);

describe('sending the report for the chairman’s sign-off', () => {
  it('asks the chairman about the exact version: the report awaits approval, the prompt is queued, it is audited', async () => {
    const res = await send();
    expect(res.status).toBe(201);
    const body = await json<SignOffBody>(res);
    expect(body.standing).toBe('awaiting');
    expect(body.signOffs).toEqual([
      expect.objectContaining({
        version: 1,
        contentHash: body.item.contentHash,
        state: 'requested',
        requestedByName: 'Ирина Соколова',
        decidedByName: null,
      }),
    ]);
    expect(await reportStatus()).toBe('awaiting-approval');
    const chairman = await t.personId('RU-head');
    expect(await outboxKinds()).toEqual([['sign-off-requested', chairman]]);
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'sign-off.request')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({ version: 1, status: 'awaiting-approval' });
    expect(
      await t.db
        .selectFrom('scheduled_tasks')
        .select('task_key')
        .where('kind', '=', 'plan-reminders')
        .execute(),
    ).toContainEqual({ task_key: `plan-reminders:sign-off:${body.signOffs[0]?.id}` });
  });

  it('sends the prompt to the deputy the chairman named as well', async () => {
    const deputy = await t.personId('RU-alternate');
    await t.db.updateTable('commission').set({ deputy_person_id: deputy }).execute();
    await send();
    expect((await outboxKinds()).filter(([kind]) => kind === 'sign-off-requested').map(([, p]) => p)).toEqual(
      [await t.personId('RU-head'), deputy],
    );
  });

  it('lets only the secretary send it', async () => {
    for (const seed of ['RU-head', 'KZ-head', 'observer']) {
      const res = await send(await t.signIn(seed));
      expect(res.status, seed).toBe(403);
    }
    expect((await send(null as unknown as string)).status).toBe(401);
    expect(await history()).toMatchObject({ standing: 'none', signOffs: [] });
  });

  it('refuses asking twice about the same content, and a report that does not exist', async () => {
    expect((await send()).status).toBe(201);
    const again = await send();
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ error: { code: 'AlreadyAwaiting' } });
    expect((await send(secretary, 999_999)).status).toBe(404);
    expect((await history()).signOffs).toHaveLength(1);
  });

  it('supersedes the request when the report is edited, and shows it as such once sent again', async () => {
    const first = await json<SignOffBody>(await send());
    const edit = await t.call(secretary, 'PUT', '/api/reports/2027/sections/meetings', {
      text: '<p>Two sittings.</p>',
      baseVersion: 1,
    });
    expect(edit.status).toBe(200);
    expect(await reportStatus()).toBe('draft');
    expect((await history()).standing).toBe('stale');
    const second = await json<SignOffBody>(await send());
    expect(second.signOffs.map((s) => [s.version, s.state])).toEqual([
      [1, 'superseded'],
      [2, 'requested'],
    ]);
    expect(second.signOffs[1]?.contentHash).not.toBe(first.signOffs[0]?.contentHash);
  });

  it('refuses a new request once the version is approved', async () => {
    const sent = await json<SignOffBody>(await send());
    const chairman = await findPersonById(t.db, await t.personId('RU-head'));
    if (!chairman) throw new Error('no chairman');
    const answered = await t.db
      .transaction()
      .execute((trx) =>
        answerSignOff(
          trx,
          sent.signOffs[0]?.id ?? 0,
          { kind: 'approve', version: 1 },
          { person: chairman, kind: 'telegram' },
          t.now,
        ),
      );
    expect(answered.ok).toBe(true);
    expect(await reportStatus()).toBe('approved');
    const again = await send();
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ error: { code: 'AlreadyApproved' } });
    expect((await history()).signOffs[0]).toMatchObject({
      state: 'approved',
      decidedByName: 'Андрей Воронцов',
    });
  });
});
