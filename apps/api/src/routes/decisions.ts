import { idParamSchema, responseChangeSchema, responseParamSchema } from '@accord/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';
import { type ResponseServiceError, recordResponse, registerEntries } from '../services/decisions';
import { validate } from '../validate';

const failures: Record<ResponseServiceError, [string, 400 | 404 | 409]> = {
  NotFound: ['No such decision in the register', 404],
  NothingChanged: ['That is already the recorded response', 409],
  StatusGoesBack: [
    'That status comes before the recorded one; to correct a mistake, mark it as a correction and say why in the note',
    409,
  ],
  DateBeforePrevious: [
    'That date is before the recorded one; to correct a mistake, mark it as a correction and say why in the note',
    409,
  ],
  CorrectionNeedsNote: ['A correction needs a note saying what was wrong', 400],
  DateBeforeAdoption: ['The date is before the decision was adopted', 400],
  DateInFuture: ['The date is in the future', 400],
};
const failure = (error: ResponseServiceError) =>
  [errorBody(error, failures[error][0]), failures[error][1]] as const;

/** The register of adopted recommendations and decisions, and the governments' responses to them. */
export const decisionsRoutes = new Hono<AppEnv>()
  .get('/', authorize('decisions.read'), async (c) =>
    c.json({ decisions: await registerEntries(c.get('deps').db) }, 200),
  )
  .get('/:id', authorize('decisions.read'), validate('param', idParamSchema), async (c) => {
    const [decision] = await registerEntries(c.get('deps').db, c.req.valid('param').id);
    if (!decision) return c.json(...failure('NotFound'));
    return c.json({ decision }, 200);
  })
  .put(
    '/:id/responses/:stateCode',
    authorize('decisions.track'),
    validate('param', responseParamSchema),
    validate('json', responseChangeSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
      const { id, stateCode } = c.req.valid('param');
      const result = await recordResponse(
        db,
        id,
        stateCode,
        c.req.valid('json'),
        signedIn(c),
        clock().toISOString(),
      );
      if (!result.ok) return c.json(...failure(result.error));
      return c.json({ response: result.value }, 200);
    },
  );
