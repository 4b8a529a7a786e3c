import { findPersonById, latestInvites, listPeople, listRepresentations } from '@accord/db';
import {
  can,
  deactivationSchema,
  idParamSchema,
  isRepresentationActive,
  personInputSchema,
  personUpdateSchema,
} from '@accord/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';
import {
  createPerson,
  deactivatePerson,
  issueInvite,
  type PersonServiceError,
  updatePerson,
} from '../services/people';
import { validate } from '../validate';

const failures: Record<PersonServiceError, [string, 404 | 409 | 400]> = {
  NotFound: ['No such person', 404],
  SuccessorNotFound: ['No such successor', 404],
  PersonInactive: ['This person has been deactivated', 409],
  AlreadyInactive: ['This person has been deactivated already', 409],
  SuccessorIsSelf: ['A person cannot succeed themself', 400],
  SuccessorInactive: ['The successor has been deactivated', 409],
  SuccessorRepresentsAnotherState: ['The successor represents another state', 409],
};
const failure = (error: PersonServiceError) => {
  const [message, status] = failures[error];
  return [errorBody(error, message), status] as const;
};

export const peopleRoutes = new Hono<AppEnv>()
  .get('/', authorize('people.read'), async (c) => {
    const { db, clock } = c.get('deps');
    const now = clock().toISOString();
    // Invites are the staff's business: others see who is who, not the state of their credentials.
    const showInvites = can(signedIn(c).roles, 'people.invite');
    const [people, representations, invites] = await Promise.all([
      listPeople(db),
      listRepresentations(db),
      latestInvites(db),
    ]);
    return c.json(
      {
        people: people.map((p) => {
          const rep = representations.find((r) => r.personId === p.id && isRepresentationActive(r, now));
          const invite = showInvites ? invites.find((i) => i.person_id === p.id) : undefined;
          return {
            id: p.id,
            name: p.name,
            roles: p.roles,
            language: p.language,
            timeZone: p.timeZone,
            active: p.active,
            linked: p.telegramUserId !== null,
            reachable: p.reachable,
            stateCode: rep?.stateCode ?? null,
            representation: rep?.kind ?? null,
            invite: invite
              ? { createdAt: invite.created_at, expiresAt: invite.expires_at, usedAt: invite.used_at }
              : null,
          };
        }),
      },
      200,
    );
  })
  .post('/', authorize('people.write'), validate('json', personInputSchema), async (c) => {
    const { db, clock, botUsername } = c.get('deps');
    const { id, invite } = await createPerson(db, c.req.valid('json'), signedIn(c), clock().toISOString());
    return c.json(
      {
        id,
        link: `https://t.me/${botUsername}?start=${invite.token}`,
        startCommand: `/start ${invite.token}`,
        expiresAt: invite.expiresAt,
      },
      201,
    );
  })
  .patch(
    '/:id',
    authorize('people.write'),
    validate('param', idParamSchema),
    validate('json', personUpdateSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
      const result = await updatePerson(
        db,
        c.req.valid('param').id,
        c.req.valid('json'),
        signedIn(c),
        clock().toISOString(),
      );
      if (!result.ok) return c.json(...failure(result.error));
      return c.json(
        {
          id: result.value.id,
          name: result.value.name,
          roles: result.value.roles,
          language: result.value.language,
          timeZone: result.value.timeZone,
        },
        200,
      );
    },
  )
  .post(
    '/:id/deactivate',
    authorize('people.write'),
    validate('param', idParamSchema),
    validate('json', deactivationSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
      const { id } = c.req.valid('param');
      const result = await deactivatePerson(
        db,
        id,
        c.req.valid('json').successorId,
        signedIn(c),
        clock().toISOString(),
      );
      if (!result.ok) return c.json(...failure(result.error));
      return c.json({ id, active: false, sessionsEnded: result.value.sessionsEnded }, 200);
    },
  )
  .post('/:id/invites', authorize('people.invite'), validate('param', idParamSchema), async (c) => {
    const { db, clock, botUsername } = c.get('deps');
    const person = await findPersonById(db, c.req.valid('param').id);
    if (!person) return c.json(...failure('NotFound'));
    if (!person.active) return c.json(...failure('PersonInactive'));
    const invite = await issueInvite(db, person.id, signedIn(c), clock().toISOString());
    return c.json(
      {
        link: `https://t.me/${botUsername}?start=${invite.token}`,
        startCommand: `/start ${invite.token}`,
        expiresAt: invite.expiresAt,
      },
      201,
    );
  });
