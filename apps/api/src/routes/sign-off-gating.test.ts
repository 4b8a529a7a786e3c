import { answerSignOff, findPersonById } from '@accord/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, meetingBody } from '../test-app';

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

interface SignOffView {
  item: { version: number; contentHash: string };
  standing: string;
  signOffs: Array<{ id: number; version: number; state: string; shownAs: string; comment: string | null }>;
}
const switchOn = async (on: { agenda: boolean; draft: boolean }) =>
  expect((await t.call(chairman, 'PUT', '/api/commission/sign-offs', on)).status).toBe(200);
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

/** The chairman's answer as the bot records it (the prompt's buttons are tested in the bot). */
async function answer(signOffId: number, version: number, kind: 'approve' | 'request-changes' = 'approve') {
  const person = await findPersonById(t.db, await t.personId('RU-head'));
  if (!person) throw new Error('no chairman');
  const result = await t.db
    .transaction()
    .execute((trx) =>
      answerSignOff(
        trx,
        signOffId,
        kind === 'approve' ? { kind, version } : { kind, comment: 'Add the budget item', version },
        { person, kind: 'telegram' },
        t.now,
      ),
    );
  expect(result.ok).toBe(true);
}

describe('a meeting’s agenda and the chairman’s sign-off', () => {
  const createMeeting = async () =>
    (
      (await (await t.call(secretary, 'POST', '/api/meetings', meetingBody)).json()) as {
        meeting: { id: number };
      }
    ).meeting.id;
  const notify = (id: number) => t.call(secretary, 'POST', `/api/meetings/${id}/notify`);
  const sendAgenda = async (id: number) => {
    const res = await t.call(secretary, 'POST', `/api/sign-offs/agenda/${id}`);
    expect(res.status).toBe(201);
    return json<SignOffView>(res);
  };
  const agendaView = async (id: number) =>
    json<SignOffView>(await t.call(secretary, 'GET', `/api/sign-offs/agenda/${id}`));

  it('is not asked for while the setting is off: the notices go as before, a request is refused', async () => {
    const id = await createMeeting();
    const refused = await t.call(secretary, 'POST', `/api/sign-offs/agenda/${id}`);
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toBe('NotSupported');
    expect((await notify(id)).status).toBe(200);
  });

  it('holds the notices until the chairman approves the agenda as it is, then they go', async () => {
    await switchOn({ agenda: true, draft: false });
    const id = await createMeeting();
    const held = await notify(id);
    expect(held.status).toBe(409);
    expect(await errorOf(held)).toBe('SignOffRequired');
    const sent = await sendAgenda(id);
    expect(sent.standing).toBe('awaiting');
    expect(sent.item.version).toBe(1);
    expect(await errorOf(await notify(id))).toBe('SignOffRequired');
    await answer(sent.signOffs[0]?.id ?? 0, 1);
    expect((await agendaView(id)).standing).toBe('approved');
    const notified = await notify(id);
    expect(notified.status).toBe(200);
    expect(((await notified.json()) as { queued: number }).queued).toBeGreaterThan(0);
  });

  it('treats an agenda changed after its approval as stale: the approval reads superseded, a new one is needed', async () => {
    await switchOn({ agenda: true, draft: false });
    const id = await createMeeting();
    const first = await sendAgenda(id);
    await answer(first.signOffs[0]?.id ?? 0, 1);
    const edited = await t.call(secretary, 'PUT', `/api/meetings/${id}`, {
      ...meetingBody,
      agenda: [...meetingBody.agenda, 'Budget'],
    });
    expect(edited.status).toBe(200);
    const stale = await agendaView(id);
    expect(stale.standing).toBe('stale');
    expect(stale.item.version).toBe(2);
    expect(stale.signOffs.map((s) => [s.version, s.shownAs])).toEqual([[1, 'superseded']]);
    const held = await notify(id);
    expect(held.status).toBe(409);
    expect(await errorOf(held)).toBe('SignOffStale');
    const second = await sendAgenda(id);
    expect(second.signOffs.map((s) => [s.version, s.state])).toEqual([
      [1, 'superseded'],
      [2, 'requested'],
    ]);
    await answer(second.signOffs[1]?.id ?? 0, 2);
    expect((await notify(id)).status).toBe(200);
  });

  it('keeps the meeting as it is when the chairman returns the agenda, with the comment for the secretary', async () => {
    await switchOn({ agenda: true, draft: false });
    const id = await createMeeting();
    const sent = await sendAgenda(id);
    await answer(sent.signOffs[0]?.id ?? 0, 1, 'request-changes');
    const view = await agendaView(id);
    expect(view.standing).toBe('changes-requested');
    expect(view.signOffs[0]?.comment).toBe('Add the budget item');
    expect(await errorOf(await notify(id))).toBe('SignOffRequired');
    const kinds = await t.db
      .selectFrom('outbox')
      .select('kind')
      .where('subject_type', '=', 'sign-off')
      .orderBy('id')
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual(['sign-off-requested', 'sign-off-decided']);
  });

  it('is sent by the secretary only', async () => {
    await switchOn({ agenda: true, draft: false });
    const id = await createMeeting();
    expect((await t.call(chairman, 'POST', `/api/sign-offs/agenda/${id}`)).status).toBe(403);
    expect((await t.call(await t.signIn('observer'), 'GET', `/api/sign-offs/agenda/${id}`)).status).toBe(200);
  });
});

describe('a draft’s version and the chairman’s sign-off before its ballot', () => {
  const ballot = { rule: { kind: 'consensus' }, closesLocal: '2027-03-01T18:00', timeZone: 'Europe/Moscow' };
  let draftId: number;
  beforeEach(async () => {
    const res = await t.call(secretary, 'POST', '/api/drafts', {
      kind: 'decision',
      title: 'On joint ventures',
      text: 'Article 1.\n',
    });
    draftId = ((await res.json()) as { draft: { id: number } }).draft.id;
  });
  const open = () => t.call(secretary, 'POST', `/api/drafts/${draftId}/ballots`, ballot);
  const sendDraft = async () => {
    const res = await t.call(secretary, 'POST', `/api/sign-offs/draft/${draftId}`);
    expect(res.status).toBe(201);
    return json<SignOffView>(res);
  };

  it('opens ballots as before while the setting is off', async () => {
    expect((await open()).status).toBe(201);
  });

  it('refuses a ballot on a version not approved, and opens it once that version is', async () => {
    await switchOn({ agenda: false, draft: true });
    const held = await open();
    expect(held.status).toBe(409);
    expect(await errorOf(held)).toBe('SignOffRequired');
    const sent = await sendDraft();
    await answer(sent.signOffs[0]?.id ?? 0, 1);
    expect((await open()).status).toBe(201);
  });

  it('needs a new approval for a new version: the earlier one is superseded and the ballot refused meanwhile', async () => {
    await switchOn({ agenda: false, draft: true });
    const first = await sendDraft();
    await answer(first.signOffs[0]?.id ?? 0, 1);
    const saved = await t.call(secretary, 'PUT', `/api/drafts/${draftId}`, {
      title: 'On joint ventures',
      text: 'Article 1 amended.\n',
    });
    expect(saved.status).toBe(200);
    const held = await open();
    expect(await errorOf(held)).toBe('SignOffStale');
    const view = json<SignOffView>(await t.call(secretary, 'GET', `/api/sign-offs/draft/${draftId}`));
    expect((await view).signOffs.map((s) => [s.version, s.shownAs])).toEqual([[1, 'superseded']]);
    const second = await sendDraft();
    expect(second.item.version).toBe(2);
    await answer(second.signOffs[1]?.id ?? 0, 2);
    expect((await open()).status).toBe(201);
    const bound = await t.db.selectFrom('ballots').select('draft_version').executeTakeFirstOrThrow();
    expect(bound.draft_version).toBe(2);
  });

  it('supersedes a request still waiting when the draft is saved again: the chairman can no longer answer it', async () => {
    await switchOn({ agenda: false, draft: true });
    await sendDraft();
    await t.call(secretary, 'PUT', `/api/drafts/${draftId}`, {
      title: 'On joint ventures',
      text: 'Changed.\n',
    });
    const view = await json<SignOffView>(await t.call(secretary, 'GET', `/api/sign-offs/draft/${draftId}`));
    expect(view.signOffs.map((s) => s.state)).toEqual(['superseded']);
    expect(view.standing).toBe('stale');
  });
});
