import { findBallot } from '@accord/db';
import {
  ballotExtensionSchema,
  ballotInputSchema,
  can,
  idParamSchema,
  recordedVoteSchema,
} from '@accord/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';
import {
  type BallotServiceError,
  ballotTally,
  closeBallot,
  extendBallotClose,
  nudgeNonVoters,
  openBallot,
  recordVote,
} from '../services/ballots';
import { validate } from '../validate';

const failures: Record<BallotServiceError, [string, 400 | 404 | 409]> = {
  NotFound: ['Not found', 404],
  AlreadyClosed: ['The ballot is closed already', 409],
  BallotClosed: ['Voting has closed', 409],
  NotOpenYet: ['Voting has not opened yet', 409],
  NotEligible: ['That state does not vote in this ballot', 400],
  ChoiceNotOffered: ['That choice is not offered under this rule', 400],
  DraftNotOpenForVote: ['Only a draft that is not in a ballot and not decided can be put to the vote', 409],
  NotLater: ['The new closing time must come after now and after the current one', 400],
};
const failure = (error: BallotServiceError) =>
  [errorBody(error, failures[error][0]), failures[error][1]] as const;

/** Opening a ballot on a draft's version, recording votes given outside the chat, and closing it once. */
export const ballotsRoutes = new Hono<AppEnv>()
  .get('/:id', authorize('ballots.read'), validate('param', idParamSchema), async (c) => {
    const ballot = await findBallot(c.var.deps.db, c.req.valid('param').id);
    if (!ballot) return c.json(...failure('NotFound'));
    const { votes, tally } = await ballotTally(c.var.deps.db, ballot);
    // Hidden results stay hidden until the close, except from those who run the ballot.
    const hide = ballot.resultsHidden && ballot.status === 'open' && !can(signedIn(c).roles, 'ballots.run');
    return c.json(
      {
        ballot,
        tally: hide
          ? { participating: tally.participating, eligible: tally.eligible, quorumMet: tally.quorumMet }
          : tally,
        votes: hide ? [] : votes,
      },
      200,
    );
  })
  .post(
    '/:id/votes',
    authorize('ballots.run'),
    validate('param', idParamSchema),
    validate('json', recordedVoteSchema),
    async (c) => {
      const { db, clock } = c.var.deps;
      const result = await recordVote(
        db,
        c.req.valid('param').id,
        c.req.valid('json'),
        signedIn(c),
        clock().toISOString(),
      );
      if (!result.ok) return c.json(...failure(result.error));
      return c.json({ recorded: true }, 201);
    },
  )
  .post('/:id/close', authorize('ballots.run'), validate('param', idParamSchema), async (c) => {
    const { db, clock } = c.var.deps;
    const result = await closeBallot(db, c.req.valid('param').id, signedIn(c), clock().toISOString());
    if (!result.ok) return c.json(...failure(result.error));
    return c.json({ outcome: result.value }, 200);
  })
  .post(
    '/:id/extend',
    authorize('ballots.run'),
    validate('param', idParamSchema),
    validate('json', ballotExtensionSchema),
    async (c) => {
      const { db, clock } = c.var.deps;
      const result = await extendBallotClose(
        db,
        c.req.valid('param').id,
        c.req.valid('json').closesAt,
        signedIn(c),
        clock().toISOString(),
      );
      if (!result.ok) return c.json(...failure(result.error));
      return c.json({ closesAt: result.value }, 200);
    },
  )
  .post('/:id/nudge', authorize('ballots.run'), validate('param', idParamSchema), async (c) => {
    const { db, clock } = c.var.deps;
    const result = await nudgeNonVoters(db, c.req.valid('param').id, signedIn(c), clock().toISOString());
    if (!result.ok) return c.json(...failure(result.error));
    return c.json({ nudged: result.value }, 200);
  });

/** `POST /api/drafts/:id/ballots`: put the draft's current version to the vote. */
export const draftBallotsRoutes = new Hono<AppEnv>().post(
  '/:id/ballots',
  authorize('ballots.run'),
  validate('param', idParamSchema),
  validate('json', ballotInputSchema),
  async (c) => {
    const { db, clock } = c.var.deps;
    const result = await openBallot(
      db,
      c.req.valid('param').id,
      c.req.valid('json'),
      signedIn(c),
      clock().toISOString(),
    );
    if (!result.ok) return c.json(...failure(result.error));
    return c.json({ id: result.value }, 201);
  },
);
