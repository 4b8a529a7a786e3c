import {
  findMeetingRecord,
  findReportByYear,
  findReportVersion,
  listActivities,
  listBallots,
  listDecisions,
  listDrafts,
  listLiveVotes,
  listMeetings,
  listPrograms,
  listRsvps,
  listTasks,
  listWorkingGroups,
  openTestDatabase,
} from '@accord/db';
import { atRiskActivities, overdueActivities } from '@accord/domain';
import { describe, expect, it } from 'vitest';
import { DEMO_PROGRAM_CODE, fillDemoYear } from './demo-year';
import { seedReference } from './seed';

const now = '2027-05-20T08:30:00.000Z';
const today = now.slice(0, 10);

async function freshCommission() {
  const db = await openTestDatabase();
  await seedReference(db, now);
  return db;
}

describe('the demo year', () => {
  it('fills a fresh commission with meetings, ballots in every state, a program and working groups', async () => {
    const db = await freshCommission();
    const filled = await fillDemoYear(db, now, { sandbox: true, requestedBy: null });
    expect(filled).toEqual({
      ok: true,
      value: {
        meetings: 3,
        drafts: 5,
        ballots: 4,
        decisions: 1,
        activities: 11,
        workingGroups: 2,
        tasks: 6,
        reports: 1,
      },
    });

    const meetings = await listMeetings(db);
    expect(meetings.map((m) => [m.kind, m.status, m.startsAt < now ? 'past' : 'coming'])).toEqual([
      ['regular', 'notified', 'past'],
      ['working_group', 'notified', 'coming'],
      ['regular', 'notified', 'coming'],
    ]);
    const [held, group, next] = meetings;
    const record = await findMeetingRecord(db, held?.id ?? 0);
    expect(record.heldAt).not.toBeNull();
    expect(record.minutesPublishedAt).not.toBeNull();
    expect(record.items).toHaveLength(held?.agenda.length ?? -1);
    expect(record.attendance.filter((a) => a.present).length).toBeGreaterThan(6);
    expect(record.attendance.some((a) => a.source === 'hand')).toBe(true);
    expect(next?.agenda.length).toBeGreaterThan(2);
    expect((await listRsvps(db, next?.id ?? 0)).length).toBeGreaterThan(3);
    expect(group?.workingGroupId).not.toBeNull();
    expect((await listRsvps(db, group?.id ?? 0)).length).toBeGreaterThan(0);

    // The year's report is assembled from these records: the held sitting counts, and names itself.
    const report = await findReportByYear(db, 2027);
    expect(report?.status).toBe('awaiting-approval');
    const version = await findReportVersion(db, report?.id ?? 0, 1);
    const meetingsSection = version?.sections.find((s) => s.key === 'meetings');
    expect(meetingsSection?.figures).toMatchObject({ held: { value: 1, ids: [held?.id] } });

    // Last November's register entry (seeded with the demo people) is the other adopted ballot.
    const ballots = await listBallots(db);
    const states = ballots.map((b) => `${b.rule.kind}:${b.status}:${b.outcome ?? '-'}`).sort();
    expect(states).toEqual([
      'consensus:closed:adopted',
      'consensus:closed:adopted',
      'consensus:open:-',
      'majority:closed:not-adopted',
      'silence:open:-',
    ]);
    for (const ballot of ballots) {
      const voted = (await listLiveVotes(db, ballot.id)).length;
      expect(voted, `${ballot.rule.kind} ${ballot.status}`).toBe(ballot.status === 'closed' ? 6 : voted);
      if (ballot.status === 'open') expect(voted).toBeGreaterThan(1);
    }
    const drafts = await listDrafts(db);
    expect(drafts.map((d) => d.status).sort()).toEqual([
      'adopted',
      'adopted',
      'draft',
      'rejected',
      'voting',
      'voting',
    ]);

    // The register: last November's entry and this year's adoption, with the governments' responses.
    const register = await listDecisions(db);
    expect(register).toHaveLength(2);
    const responses = await db.selectFrom('government_responses').select('id').execute();
    expect(responses.length).toBeGreaterThan(10);

    const program = (await listPrograms(db)).find((p) => p.code === DEMO_PROGRAM_CODE);
    expect((program?.periodStart ?? '') <= today && today <= (program?.periodEnd ?? '')).toBe(true);
    const activities = await listActivities(db, program?.id ?? 0);
    expect(new Set(activities.map((a) => a.directionId)).size).toBe(5);
    expect(new Set(activities.map((a) => a.status))).toEqual(
      new Set(['planned', 'in-progress', 'done', 'delayed']),
    );
    expect(overdueActivities(activities, today).length).toBeGreaterThanOrEqual(2);
    expect(atRiskActivities(activities, today).length).toBeGreaterThanOrEqual(1);
    expect(activities.some((a) => a.milestones.some((m) => m.reachedAt))).toBe(true);

    expect(await listWorkingGroups(db)).toHaveLength(2);
    const open = await listTasks(db, { status: 'open' });
    expect(open.filter((t) => t.dueDate < today).length).toBeGreaterThanOrEqual(2);
    expect((await listTasks(db, { status: 'done' })).length).toBe(2);

    // The present is announced: the coming meetings' notices and the open ballots wait in the outbox.
    const kinds = await db.selectFrom('outbox').select('kind').distinct().execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(
      expect.arrayContaining(['ballot-opened', 'ballot-tally', 'meeting-notice']),
    );
    expect(kinds.map((k) => k.kind)).not.toContain('ballot-closed');
    const closeTasks = await db
      .selectFrom('scheduled_tasks')
      .select('task_key')
      .where('kind', '=', 'close-ballot')
      .execute();
    expect(closeTasks).toHaveLength(2);
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'demo.fill')
      .execute();
    expect(audit).toHaveLength(1);
    await db.destroy();
  });

  it('refuses politely a second time, and refuses to mix with a commission in use', async () => {
    const db = await freshCommission();
    await fillDemoYear(db, now, { sandbox: false, requestedBy: null });
    const meetings = (await listMeetings(db)).length;
    expect(await fillDemoYear(db, now, { sandbox: false, requestedBy: null })).toEqual({
      ok: false,
      error: 'DemoPresent',
    });
    expect(await listMeetings(db)).toHaveLength(meetings);

    const inUse = await freshCommission();
    await inUse
      .insertInto('working_groups')
      .values({ name: 'Real group', mandate: 'Real work', created_at: now, updated_at: now })
      .execute();
    expect(await fillDemoYear(inUse, now, { sandbox: false, requestedBy: null })).toEqual({
      ok: false,
      error: 'CommissionInUse',
    });
    expect(await listMeetings(inUse)).toEqual([]);
    await db.destroy();
    await inUse.destroy();
  });

  it('stays current and valid whatever the day it is filled', async () => {
    for (const day of ['2026-01-01T00:00:00.000Z', '2028-02-29T23:59:00.000Z', '2030-12-31T12:00:00.000Z']) {
      const db = await freshCommission();
      const filled = await fillDemoYear(db, day, { sandbox: true, requestedBy: null });
      expect(filled.ok, day).toBe(true);
      const upcoming = (await listMeetings(db, { from: day })).length;
      expect(upcoming, day).toBe(2);
      await db.destroy();
    }
  });
});
