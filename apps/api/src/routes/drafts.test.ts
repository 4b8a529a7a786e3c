import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, meetingBody } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let secretary: string;
beforeEach(async () => {
  t = await createTestApp();
  secretary = await t.signIn('secretary');
});
afterEach(() => t.db.destroy());

const body = {
  kind: 'recommendation',
  title: 'On unified standards',
  text: 'Article 1.\nArticle 2.\n',
  directionIds: [3],
};
const create = async () =>
  ((await (await t.call(secretary, 'POST', '/api/drafts', body)).json()) as { draft: { id: number } }).draft
    .id;

describe('drafts', () => {
  it('keep every saved edit as a version and show what changed between any two', async () => {
    const id = await create();
    expect(
      (
        await t.call(secretary, 'PUT', `/api/drafts/${id}`, {
          title: body.title,
          text: 'Article 1.\nArticle 2 amended.\n',
        })
      ).status,
    ).toBe(200);
    const detail = (await (await t.call(await t.signIn('observer'), 'GET', `/api/drafts/${id}`)).json()) as {
      draft: { currentVersion: number };
      versions: Array<{ version: number }>;
    };
    expect(detail.draft.currentVersion).toBe(2);
    expect(detail.versions.map((v) => v.version)).toEqual([1, 2]);
    const diff = (await (await t.call(secretary, 'GET', `/api/drafts/${id}/diff?from=1&to=2`)).json()) as {
      parts: Array<{ kind: string; text: string }>;
    };
    expect(diff.parts).toEqual([
      { kind: 'same', text: 'Article 1.\n' },
      { kind: 'removed', text: 'Article 2.\n' },
      { kind: 'added', text: 'Article 2 amended.\n' },
    ]);
    expect(
      (
        await t.call(secretary, 'PUT', `/api/drafts/${id}`, {
          title: body.title,
          text: 'Article 1.\nArticle 2 amended.\n',
        })
      ).status,
    ).toBe(409);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_type', '=', 'draft')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['draft.create', 'draft.version']);
  });

  it('refuse editing the text once the draft is in a ballot, and withdraw until decided', async () => {
    const id = await create();
    await t.db.updateTable('drafts').set({ status: 'voting' }).where('id', '=', id).execute();
    const locked = await t.call(secretary, 'PUT', `/api/drafts/${id}`, { title: 'X', text: 'Y' });
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('DraftLocked');
    expect((await t.call(secretary, 'POST', `/api/drafts/${id}/withdraw`)).status).toBe(200);
    expect((await t.call(secretary, 'POST', `/api/drafts/${id}/withdraw`)).status).toBe(409);
  });

  it('are written by the secretary only; anyone reads them', async () => {
    const member = await t.signIn('AM-head');
    expect((await t.call(member, 'POST', '/api/drafts', body)).status).toBe(403);
    expect((await t.call(member, 'GET', '/api/drafts')).status).toBe(200);
    expect((await t.call(secretary, 'GET', '/api/drafts/1/diff?from=1&to=9')).status).toBe(404);
  });

  it('offer the program directions and the agenda items of meetings not cancelled to tie a draft to', async () => {
    const meeting = (await (await t.call(secretary, 'POST', '/api/meetings', meetingBody)).json()) as {
      meeting: { id: number };
    };
    const choices = (await (
      await t.call(await t.signIn('observer'), 'GET', '/api/drafts/choices')
    ).json()) as {
      directions: Array<{ id: number; titleEn: string }>;
      agendaItems: Array<{ id: number; title: string; meetingId: number }>;
    };
    expect(choices.directions.length).toBeGreaterThanOrEqual(5);
    expect(choices.directions[0]?.titleEn).toMatch(/joint ventures/i);
    expect(choices.agendaItems.map((a) => [a.meetingId, a.title])).toEqual([
      [meeting.meeting.id, 'Opening'],
      [meeting.meeting.id, 'Program progress'],
    ]);
    await t.call(secretary, 'POST', `/api/meetings/${meeting.meeting.id}/cancel`);
    const after = (await (await t.call(secretary, 'GET', '/api/drafts/choices')).json()) as {
      agendaItems: unknown[];
    };
    expect(after.agendaItems).toEqual([]);
  });
});
