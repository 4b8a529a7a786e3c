import {
  type ActivityRecord,
  type Database,
  enqueueMessages,
  type Kysely,
  listPeopleWithRole,
  markMilestoneReached,
  recordAudit,
  setActivityProgress,
} from '@accord/db';
import { outboxDrafts, type Person, PRIORITY } from '@accord/domain';

type Db = Kysely<Database>;

/**
 * A responsible person reports on a program activity from chat — its progress, or a milestone
 * reached: recorded, audited, and the secretaries told, in one transaction. False when a
 * milestone was reached already (a second press).
 */
export async function reportOnActivity(
  db: Db,
  activity: ActivityRecord,
  report: { progress: number } | { milestoneId: number },
  person: Person,
  now: string,
): Promise<boolean> {
  const secretaries = (await listPeopleWithRole(db, 'secretary')).map((s) => ({ personId: s.id }));
  return db.transaction().execute(async (trx) => {
    if ('progress' in report) await setActivityProgress(trx, activity, report.progress, now);
    else if (!(await markMilestoneReached(trx, activity, report.milestoneId, now))) return false;
    await recordAudit(trx, {
      at: now,
      actorPersonId: person.id,
      actorKind: 'telegram',
      action: 'progress' in report ? 'activity.progress' : 'activity.milestone-reached',
      recordType: 'activity',
      recordId: activity.id,
      before:
        'progress' in report ? { progress: activity.progress, status: activity.status } : { reachedAt: null },
      after:
        'progress' in report
          ? { progress: report.progress }
          : { milestoneId: report.milestoneId, reachedAt: now },
    });
    await enqueueMessages(
      trx,
      outboxDrafts(
        {
          kind: 'activity-reported',
          activityId: activity.id,
          personId: person.id,
          progress: 'progress' in report ? report.progress : null,
          milestoneId: 'milestoneId' in report ? report.milestoneId : null,
          at: now,
        },
        secretaries,
        now,
        PRIORITY.notice,
      ),
      { type: 'activity', id: activity.id },
      now,
    );
    return true;
  });
}
