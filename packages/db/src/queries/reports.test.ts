import { assembleReport, composeSections, editSection } from '@accord/domain';
import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../schema';
import { openTestDatabase } from '../test-database';
import { insertTestCommission, insertTestSecretary } from '../test-fixtures';
import {
  decideSignOffOnce,
  findReportByYear,
  findReportVersion,
  insertReport,
  insertReportSubmission,
  listReportSubmissions,
  listReportVersions,
  listSignOffs,
  loadReportRecords,
  reportContentHash,
  requestSignOff,
  saveReportVersion,
} from './reports';

const now = '2028-01-10T09:00:00.000Z';
let db: Kysely<Database>;
beforeEach(async () => {
  db = await openTestDatabase();
  await insertTestCommission(db, now, { report_due_month_day: '02-01' });
  await insertTestSecretary(db, now);
});
afterEach(() => db.destroy());

const firstSections = async () =>
  composeSections(assembleReport(await loadReportRecords(db, 2027, 'UTC'), now));

describe('report storage', () => {
  it('loads an empty year without failing and keeps one report a year', async () => {
    const records = await loadReportRecords(db, 2027, 'UTC');
    expect(records).toMatchObject({ year: 2027, minimumMeetings: 2, meetings: [], decisions: [] });
    const sections = await firstSections();
    const id = await db.transaction().execute((trx) => insertReport(trx, 2027, sections, 1, now));
    expect(id).toBeTypeOf('number');
    expect(await db.transaction().execute((trx) => insertReport(trx, 2027, sections, 1, now))).toBeNull();
    const report = await findReportByYear(db, 2027);
    expect(report).toMatchObject({ year: 2027, status: 'draft', currentVersion: 1 });
    const v1 = await findReportVersion(db, report?.id ?? 0, 1);
    expect(v1?.sections).toEqual(sections);
    expect(v1?.contentHash).toBe(reportContentHash(sections));
    expect(v1?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('saves each edit as the next version, refuses a stale one, and nothing once approved', async () => {
    const sections = await firstSections();
    const id = (await db.transaction().execute((trx) => insertReport(trx, 2027, sections, 1, now))) ?? 0;
    const edited = editSection(sections, 'meetings', '<p>Two</p>');
    if (!edited.ok) throw new Error(edited.error);
    const next = {
      sections: edited.value,
      change: 'edit' as const,
      sectionKey: 'meetings' as const,
      status: 'draft' as const,
    };
    expect(await saveReportVersion(db, { id, expectedVersion: 1 }, next, 1, now)).toBe(2);
    expect(await saveReportVersion(db, { id, expectedVersion: 1 }, next, 1, now)).toBeNull();
    const versions = await listReportVersions(db, id);
    expect(versions.map((v) => [v.version, v.change, v.sectionKey, v.createdByName])).toEqual([
      [1, 'assembled', null, 'Secretary'],
      [2, 'edit', 'meetings', 'Secretary'],
    ]);
    expect(versions[0]?.contentHash).not.toBe(versions[1]?.contentHash);
    await db.updateTable('reports').set({ status: 'approved' }).where('id', '=', id).execute();
    expect(await saveReportVersion(db, { id, expectedVersion: 2 }, next, 1, now)).toBeNull();
    await expect(sql`update report_versions set sections = '[]'`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('binds a sign-off to a version: a new request supersedes the open one, and an answer is given once', async () => {
    const first = await requestSignOff(
      db,
      { kind: 'report', itemId: 1, version: 2, contentHash: 'a' },
      1,
      now,
    );
    const second = await requestSignOff(
      db,
      { kind: 'report', itemId: 1, version: 3, contentHash: 'b' },
      1,
      now,
    );
    expect(
      await decideSignOffOnce(
        db,
        first,
        { state: 'approved', by: 1, comment: null, onBehalfOfDeputy: false },
        now,
      ),
    ).toBe(false);
    expect(
      await decideSignOffOnce(
        db,
        second,
        { state: 'approved', by: 1, comment: null, onBehalfOfDeputy: true },
        now,
      ),
    ).toBe(true);
    expect(
      await decideSignOffOnce(
        db,
        second,
        { state: 'changes-requested', by: 1, comment: 'x', onBehalfOfDeputy: false },
        now,
      ),
    ).toBe(false);
    expect(
      (await listSignOffs(db, 'report', 1)).map((s) => [s.version, s.state, s.onBehalfOfDeputy]),
    ).toEqual([
      [2, 'superseded', false],
      [3, 'approved', true],
    ]);
  });

  it('records a submission with its date and reference number', async () => {
    // Loaded before the transaction: inside it only `trx` may be used.
    const sections = await firstSections();
    const id = (await db.transaction().execute((trx) => insertReport(trx, 2027, sections, 1, now))) ?? 0;
    await insertReportSubmission(
      db,
      { reportId: id, reportVersion: 1, submittedOn: '2028-02-01', referenceNumber: 'SG-12/2028' },
      1,
      now,
    );
    expect(await listReportSubmissions(db, id)).toMatchObject([
      { submittedOn: '2028-02-01', referenceNumber: 'SG-12/2028' },
    ]);
  });
});
