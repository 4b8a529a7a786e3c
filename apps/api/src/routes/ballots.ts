import {
  ballotFingerprint,
  findBallot,
  findLiveSession,
  listBallotSummaries,
  listMemberStates,
} from '@accord/db';
import { ballotExtensionSchema, ballotInputSchema, idParamSchema, recordedVoteSchema } from '@accord/domain';
import { type Context, Hono } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';
import { csvDocument } from '../csv';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';
import {
  type BallotServiceError,
  ballotView,
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
  SignOffRequired: [
    'This version of the draft needs the chairman’s approval before it is put to the vote',
    409,
  ],
  SignOffStale: ['The draft changed after the chairman saw it: send it for approval again', 409],
};
/** How often the live view looks at the database for a change, and how long it stays silent at most. */
const POLL_MS = 1_000;
const KEEP_ALIVE_MS = 15_000;

const failure = (error: BallotServiceError) =>
  [errorBody(error, failures[error][0]), failures[error][1]] as const;

/**
 * Pushes the ballot as `c`'s reader may see it, at once and whenever it changes, until the client
 * goes away or the reader's session ends (signed out everywhere, expired).
 */
async function pushSnapshots(stream: SSEStreamingApi, c: Context<AppEnv>, id: number) {
  const { db, clock } = c.get('deps');
  const viewer = signedIn(c);
  const token = c.get('sessionToken') ?? '';
  let seen: string | undefined;
  let quietFor = 0;
  // Votes also arrive from the bot, another process on the same database: look, compare, push.
  while (!stream.aborted && !c.req.raw.signal.aborted) {
    if (!(await findLiveSession(db, token, clock().toISOString()))) return;
    const fingerprint = await ballotFingerprint(db, id);
    const ballot = fingerprint === seen ? undefined : await findBallot(db, id);
    if (ballot) {
      seen = fingerprint;
      quietFor = 0;
      await stream.writeSSE({
        event: 'snapshot',
        data: JSON.stringify(await ballotView(db, ballot, viewer)),
      });
    } else {
      quietFor += POLL_MS;
      if (quietFor >= KEEP_ALIVE_MS) {
        quietFor = 0;
        // A comment line: keeps proxies from dropping an idle stream; EventSource ignores it.
        await stream.write(': still here\n\n');
      }
    }
    await stream.sleep(POLL_MS);
  }
}

/** Opening a ballot on a draft's version, recording votes given outside the chat, and closing it once. */
export const ballotsRoutes = new Hono<AppEnv>()
  .get('/', authorize('ballots.read'), async (c) =>
    c.json({ ballots: await listBallotSummaries(c.get('deps').db) }, 200),
  )
  .get('/:id', authorize('ballots.read'), validate('param', idParamSchema), async (c) => {
    const ballot = await findBallot(c.get('deps').db, c.req.valid('param').id);
    if (!ballot) return c.json(...failure('NotFound'));
    return c.json(await ballotView(c.get('deps').db, ballot, signedIn(c)), 200);
  })
  .get('/:id/events', authorize('ballots.read'), validate('param', idParamSchema), async (c) => {
    const { db } = c.get('deps');
    const id = c.req.valid('param').id;
    if (!(await findBallot(db, id))) return c.json(...failure('NotFound'));
    return streamSSE(c, (stream) => pushSnapshots(stream, c, id));
  })
  .get('/:id/results.csv', authorize('ballots.read'), validate('param', idParamSchema), async (c) => {
    const { db } = c.get('deps');
    const ballot = await findBallot(db, c.req.valid('param').id);
    if (!ballot) return c.json(...failure('NotFound'));
    const view = await ballotView(db, ballot, signedIn(c));
    if (view.resultsWithheld)
      return c.json(errorBody('ResultsHidden', 'The results are hidden until voting closes'), 403);
    const states = new Map((await listMemberStates(db)).map((s) => [s.code, s] as const));
    const rows = ballot.eligibleStates.map((code) => {
      const vote = view.votes.find((v) => v.live && v.stateCode === code);
      return [
        code,
        states.get(code)?.nameEn ?? code,
        vote?.choice ?? 'not voted',
        vote?.channel,
        vote?.castBy,
        vote?.castAt,
        vote?.reference,
        vote?.comment,
      ];
    });
    const document = csvDocument([
      ['state', 'state name', 'choice', 'channel', 'cast by', 'cast at', 'reference', 'comment'],
      ...rows,
      [],
      ['ballot', ballot.id],
      ['draft', view.draft.title],
      ['version', ballot.draftVersion],
      ['rule', ballot.rule.kind],
      ['status', ballot.status],
      ['closes at', ballot.closedAt ?? ballot.closesAt],
      ['outcome', ballot.outcome ?? 'not yet decided'],
    ]);
    return c.body(document, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="accord-ballot-${ballot.id}.csv"`,
    });
  })
  .post(
    '/:id/votes',
    authorize('ballots.run'),
    validate('param', idParamSchema),
    validate('json', recordedVoteSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
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
    const { db, clock } = c.get('deps');
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
      const { db, clock } = c.get('deps');
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
    const { db, clock } = c.get('deps');
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
    const { db, clock } = c.get('deps');
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
