import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let secretary: string;
beforeEach(async () => {
  t = await createTestApp(); // the clock stands at 2027-02-01 09:00 UTC
  secretary = await t.signIn('secretary');
});
afterEach(() => t.db.destroy());

interface Section {
  key: string;
  text: string;
  figures: Record<string, unknown>;
}
interface ReportBody {
  report: { id: number; year: number; status: string; currentVersion: number; readOnly: boolean };
  version: { version: number; contentHash: string; sections: Section[] };
}
const json = async <T>(res: Response) => (await res.json()) as T;
const create = (year = 2027, cookie = secretary) => t.call(cookie, 'POST', '/api/reports', { year });
const section = (body: ReportBody, key: string) => body.version.sections.find((s) => s.key === key);

/** A recommendation put to the vote by letter and closed (adopted: nobody against). */
async function adoptRecommendation(title: string) {
  const draft = await json<{ draft: { id: number } }>(
    await t.call(secretary, 'POST', '/api/drafts', { kind: 'recommendation', title, text: 'Article 1.\n' }),
  );
  const ballot = await json<{ id: number }>(
    await t.call(secretary, 'POST', `/api/drafts/${draft.draft.id}/ballots`, {
      rule: { kind: 'consensus' },
      closesLocal: '2027-03-01T18:00',
      timeZone: 'Europe/Moscow',
    }),
  );
  for (const stateCode of ['AM', 'BY', 'KZ', 'KG', 'RU'])
    await t.call(secretary, 'POST', `/api/ballots/${ballot.id}/votes`, {
      stateCode,
      choice: stateCode === 'BY' ? 'abstain' : 'for',
      channel: 'letter',
      reference: `No. ${stateCode}-1`,
    });
  await t.call(secretary, 'POST', `/api/ballots/${ballot.id}/close`);
  return ballot.id;
}

describe('the annual report over the API', () => {
  it('assembles a year’s report from its records, each figure naming the records it came from', async () => {
    const ballotId = await adoptRecommendation('On joint repair centres');
    const [decision] = (await t.db.selectFrom('decisions').select(['id', 'year']).execute()) ?? [];
    const res = await create();
    expect(res.status).toBe(201);
    const body = await json<ReportBody>(res);
    expect(body.report).toMatchObject({ year: 2027, status: 'draft', currentVersion: 1, readOnly: false });
    expect(body.version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.version.sections.map((s) => s.key)).toEqual([
      'meetings',
      'decisions',
      'programs',
      'working-groups',
      'overdue',
    ]);
    const decisions = section(body, 'decisions')?.figures as {
      recommendations: { value: number; ids: number[] };
      items: Array<{ ballotId: number; tally: { for: number; abstain: number; silent: number } }>;
      awaitingResponse: { value: number };
    };
    expect(decisions.recommendations).toMatchObject({ value: 1, ids: [decision?.id] });
    expect(decisions.items[0]).toMatchObject({ ballotId, tally: { for: 4, abstain: 1, silent: 1 } });
    expect(decisions.awaitingResponse.value).toBe(6);
    // No meeting was held yet: the section is there, empty, and says the minimum is not met.
    expect(section(body, 'meetings')?.figures).toMatchObject({
      empty: true,
      held: { value: 0 },
      minimumMet: false,
    });
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'report.create')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('keeps one report a year', async () => {
    await create();
    const again = await create();
    expect(again.status).toBe(409);
    expect((await json<{ error: { code: string } }>(again)).error.code).toBe('ReportExists');
    expect(
      (await json<{ reports: unknown[] }>(await t.call(secretary, 'GET', '/api/reports'))).reports,
    ).toHaveLength(1);
  });

  it('saves a section edit as a new version, sanitized, and a refresh keeps the text', async () => {
    await create();
    const edit = await t.call(secretary, 'PUT', '/api/reports/2027/sections/meetings', {
      text: '<p>Two <b>sittings</b><script>alert(1)</script></p><a href="javascript:alert(1)">x</a>',
      baseVersion: 1,
    });
    expect(edit.status).toBe(200);
    const edited = await json<ReportBody>(edit);
    expect(edited.report.currentVersion).toBe(2);
    expect(section(edited, 'meetings')?.text).toBe('<p>Two <b>sittings</b></p>x');

    const refresh = await t.call(secretary, 'POST', '/api/reports/2027/refresh');
    expect(refresh.status).toBe(200);
    const refreshed = await json<ReportBody>(refresh);
    expect(refreshed.report.currentVersion).toBe(3);
    expect(section(refreshed, 'meetings')?.text).toBe('<p>Two <b>sittings</b></p>x');

    const versions = await json<{
      versions: Array<{ version: number; change: string; sectionKey: string | null }>;
    }>(await t.call(secretary, 'GET', '/api/reports/2027/versions'));
    expect(versions.versions.map((v) => [v.version, v.change, v.sectionKey])).toEqual([
      [1, 'assembled', null],
      [2, 'edit', 'meetings'],
      [3, 'refresh', null],
    ]);
    const v2 = await json<{ version: { sections: Section[] } }>(
      await t.call(secretary, 'GET', '/api/reports/2027/versions/2'),
    );
    expect(v2.version.sections[0]?.text).toBe('<p>Two <b>sittings</b></p>x');
    const actions = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_type', '=', 'report')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['report.create', 'report.edit', 'report.refresh']);
  });

  it('refuses a stale edit and one that changes nothing', async () => {
    await create();
    const body = { text: '<p>First</p>', baseVersion: 1 };
    expect((await t.call(secretary, 'PUT', '/api/reports/2027/sections/overdue', body)).status).toBe(200);
    const stale = await t.call(secretary, 'PUT', '/api/reports/2027/sections/overdue', {
      ...body,
      text: '<p>Other</p>',
    });
    expect(stale.status).toBe(409);
    expect((await json<{ error: { code: string } }>(stale)).error.code).toBe('EditConflict');
    const same = await t.call(secretary, 'PUT', '/api/reports/2027/sections/overdue', {
      ...body,
      baseVersion: 2,
    });
    expect((await json<{ error: { code: string } }>(same)).error.code).toBe('NothingChanged');
  });

  it('shows what changed between any two versions', async () => {
    await create();
    await t.call(secretary, 'PUT', '/api/reports/2027/sections/meetings', {
      text: '<p>One</p>',
      baseVersion: 1,
    });
    await t.call(secretary, 'PUT', '/api/reports/2027/sections/meetings', {
      text: '<p>One</p><p>Two</p>',
      baseVersion: 2,
    });
    const diff = await json<{ sections: Array<{ key: string; textChanged: boolean; parts: unknown[] }> }>(
      await t.call(secretary, 'GET', '/api/reports/2027/diff?from=1&to=3'),
    );
    const meetings = diff.sections.find((s) => s.key === 'meetings');
    expect(meetings?.parts).toEqual([{ kind: 'added', text: 'One\nTwo\n' }]);
    expect(diff.sections.find((s) => s.key === 'decisions')?.textChanged).toBe(false);
    const back = await json<{ sections: Array<{ key: string; parts: unknown[] }> }>(
      await t.call(secretary, 'GET', '/api/reports/2027/diff?from=3&to=2'),
    );
    expect(back.sections[0]?.parts).toEqual([
      { kind: 'same', text: 'One\n' },
      { kind: 'removed', text: 'Two\n' },
    ]);
    expect((await t.call(secretary, 'GET', '/api/reports/2027/diff?from=1&to=9')).status).toBe(404);
  });

  it('is read-only once approved: no edit, no refresh, and the versions stay as they were', async () => {
    await create();
    await t.db.updateTable('reports').set({ status: 'approved' }).where('year', '=', 2027).execute();
    const edit = await t.call(secretary, 'PUT', '/api/reports/2027/sections/meetings', {
      text: '<p>Late</p>',
      baseVersion: 1,
    });
    expect(edit.status).toBe(409);
    expect((await json<{ error: { code: string } }>(edit)).error.code).toBe('ReportReadOnly');
    expect((await t.call(secretary, 'POST', '/api/reports/2027/refresh')).status).toBe(409);
    const body = await json<ReportBody>(await t.call(secretary, 'GET', '/api/reports/2027'));
    expect(body.report).toMatchObject({ status: 'approved', currentVersion: 1, readOnly: true });
    const count = await t.db.selectFrom('report_versions').select('id').execute();
    expect(count).toHaveLength(1);
  });

  it('supersedes an open sign-off request when the report changes while awaiting approval', async () => {
    const created = await json<ReportBody>(await create());
    await t.db
      .insertInto('sign_offs')
      .values({
        item_kind: 'report',
        item_id: created.report.id,
        item_version: 1,
        content_hash: created.version.contentHash,
        requested_at: t.now,
        state: 'requested',
      })
      .execute();
    await t.db.updateTable('reports').set({ status: 'awaiting-approval' }).execute();
    const edit = await json<ReportBody & { signOffs: Array<{ state: string }> }>(
      await t.call(secretary, 'PUT', '/api/reports/2027/sections/programs', {
        text: 'Revised',
        baseVersion: 1,
      }),
    );
    expect(edit.report.status).toBe('draft');
    expect(edit.signOffs.map((s) => s.state)).toEqual(['superseded']);
  });

  it('lets every role read the report and only the secretary change it', async () => {
    await create();
    for (const seed of ['RU-head', 'KZ-head', 'observer']) {
      const cookie = await t.signIn(seed);
      expect((await t.call(cookie, 'GET', '/api/reports/2027')).status, seed).toBe(200);
      expect((await create(2028, cookie)).status, seed).toBe(403);
      expect(
        (await t.call(cookie, 'PUT', '/api/reports/2027/sections/meetings', { text: 'x', baseVersion: 1 }))
          .status,
        seed,
      ).toBe(403);
      expect((await t.call(cookie, 'POST', '/api/reports/2027/refresh')).status, seed).toBe(403);
    }
    expect((await t.call(null, 'GET', '/api/reports')).status).toBe(401);
  });

  it('answers bad input with a 400 in the error shape', async () => {
    await create();
    const cases: Array<[string, string, unknown]> = [
      ['POST', '/api/reports', { year: 1999 }],
      ['POST', '/api/reports', { year: '2027' }],
      ['GET', '/api/reports/27', undefined],
      ['GET', '/api/reports/2027/versions/0', undefined],
      ['GET', '/api/reports/2027/diff?from=a&to=1', undefined],
      ['PUT', '/api/reports/2027/sections/budget', { text: 'x', baseVersion: 1 }],
      ['PUT', '/api/reports/2027/sections/meetings', { text: 'x' }],
      ['PUT', '/api/reports/2027/sections/meetings', { text: 'x'.repeat(50_001), baseVersion: 1 }],
    ];
    for (const [method, path, body] of cases) {
      const res = await t.call(secretary, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(400);
      expect((await json<{ error: { code: string } }>(res)).error.code).toBe('validation_failed');
    }
    expect((await t.call(secretary, 'GET', '/api/reports/2030')).status).toBe(404);
  });
});
