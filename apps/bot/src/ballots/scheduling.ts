import { closeBallotNow, findBallot } from '@accord/db';
import type { TaskHandler } from '../scheduler/scheduler';

/**
 * The scheduler's ballot work: close a ballot at its time. The close is a guarded update in one
 * transaction, so two schedulers racing the moment, or a restart across it, close it once; a
 * task that finds the close moved later (an extension raced it) leaves it for the rescheduled run.
 */
export const ballotHandlers: Record<string, TaskHandler> = {
  'close-ballot': async (task, { db, now }) => {
    const { ballotId } = JSON.parse(task.payload) as { ballotId: number };
    await db.transaction().execute(async (trx) => {
      const ballot = await findBallot(trx, ballotId);
      if (ballot?.status !== 'open' || Date.parse(ballot.closesAt) > Date.parse(now)) return;
      await closeBallotNow(trx, ballotId, { personId: null, kind: 'system' }, now);
    });
  },
};
