import {
  createInvite,
  findPersonById,
  latestInvites,
  listPeople,
  listRepresentations,
  recordAudit,
} from '@accord/db';
import { addMilliseconds, INVITE_TTL_MS, idParamSchema, isRepresentationActive } from '@accord/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';
import { validate } from '../validate';

export const peopleRoutes = new Hono<AppEnv>()
  .get('/', authorize('people.read'), async (c) => {
    const { db, clock } = c.var.deps;
    const now = clock().toISOString();
    const [people, representations, invites] = await Promise.all([
      listPeople(db),
      listRepresentations(db),
      latestInvites(db),
    ]);
    return c.json(
      {
        people: people.map((p) => {
          const rep = representations.find((r) => r.personId === p.id && isRepresentationActive(r, now));
          const invite = invites.find((i) => i.person_id === p.id);
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
  .post('/:id/invites', authorize('people.invite'), validate('param', idParamSchema), async (c) => {
    const { db, clock, botUsername } = c.var.deps;
    const now = clock().toISOString();
    const person = await findPersonById(db, c.req.valid('param').id);
    if (!person) return c.json(errorBody('NotFound', 'No such person'), 404);
    if (!person.active) return c.json(errorBody('PersonInactive', 'This person has been deactivated'), 409);
    const expiresAt = addMilliseconds(now, INVITE_TTL_MS);
    const invite = await db.transaction().execute(async (trx) => {
      const created = await createInvite(trx, {
        personId: person.id,
        createdBy: signedIn(c).id,
        now,
        expiresAt,
      });
      // The token itself never enters the audit log: it is a credential.
      await recordAudit(trx, {
        at: now,
        actorPersonId: signedIn(c).id,
        actorKind: 'person',
        action: 'person.invite',
        recordType: 'person',
        recordId: person.id,
        after: { inviteId: created.id, expiresAt },
      });
      return created;
    });
    return c.json(
      {
        link: `https://t.me/${botUsername}?start=${invite.token}`,
        startCommand: `/start ${invite.token}`,
        expiresAt,
      },
      201,
    );
  });
