import {
  createInvite,
  type Database,
  deactivatePersonRow,
  endRepresentationsOf,
  findPersonById,
  handOverTasks,
  insertPerson,
  insertRepresentation,
  type Kysely,
  listRepresentations,
  recordAudit,
  revokeCredentialsOf,
  revokeSessionsOf,
  scheduleTask,
  updatePersonFields,
} from '@accord/db';
import {
  addMilliseconds,
  type DeactivationError,
  err,
  INVITE_TTL_MS,
  ok,
  type Person,
  type PersonInput,
  planDeactivation,
  planRemindersTask,
  type Result,
} from '@accord/domain';

type Db = Kysely<Database>;

export interface IssuedInvite {
  token: string;
  expiresAt: string;
}

/** An invite for a person; the token is returned once and never stored or audited in clear. */
export async function issueInvite(
  db: Db,
  personId: number,
  actor: Person,
  now: string,
): Promise<IssuedInvite> {
  const expiresAt = addMilliseconds(now, INVITE_TTL_MS);
  return db.transaction().execute(async (trx) => {
    const invite = await createInvite(trx, { personId, createdBy: actor.id, now, expiresAt });
    await recordAudit(trx, {
      at: now,
      actorPersonId: actor.id,
      actorKind: 'person',
      action: 'person.invite',
      recordType: 'person',
      recordId: personId,
      after: { inviteId: invite.id, expiresAt },
    });
    return { token: invite.token, expiresAt };
  });
}

/** The admin adds a person (and their seat, if they represent a state) and gets an invite for them. */
export async function createPerson(db: Db, input: PersonInput, actor: Person, now: string) {
  const id = await db.transaction().execute(async (trx) => {
    const personId = await insertPerson(trx, input, now);
    if (input.representation) {
      await insertRepresentation(trx, {
        personId,
        stateCode: input.representation.stateCode,
        kind: input.representation.kind,
        validFrom: now,
      });
    }
    await recordAudit(trx, {
      at: now,
      actorPersonId: actor.id,
      actorKind: 'person',
      action: 'person.create',
      recordType: 'person',
      recordId: personId,
      after: input,
    });
    return personId;
  });
  return { id, invite: await issueInvite(db, id, actor, now) };
}

export type PersonServiceError = 'NotFound' | 'PersonInactive' | 'SuccessorNotFound' | DeactivationError;

export async function updatePerson(
  db: Db,
  id: number,
  patch: Partial<Omit<PersonInput, 'representation'>>,
  actor: Person,
  now: string,
): Promise<Result<Person, PersonServiceError>> {
  const before = await findPersonById(db, id);
  if (!before) return err('NotFound');
  if (!before.active) return err('PersonInactive');
  await db.transaction().execute(async (trx) => {
    await updatePersonFields(trx, id, patch, now);
    const changed = Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof Person]]));
    await recordAudit(trx, {
      at: now,
      actorPersonId: actor.id,
      actorKind: 'person',
      action: 'person.update',
      recordType: 'person',
      recordId: id,
      before: changed,
      after: patch,
    });
  });
  return ok((await findPersonById(db, id)) ?? before);
}

/**
 * Deactivates a person — typically a representative who is replaced. They lose access (Telegram
 * unlinked, sessions, invites and sign-in links revoked); their seats end and pass to the
 * successor; their history (votes, answers, audit events) stays as it was.
 */
export async function deactivatePerson(
  db: Db,
  id: number,
  successorId: number | null,
  actor: Person,
  now: string,
): Promise<Result<{ sessionsEnded: number }, PersonServiceError>> {
  const person = await findPersonById(db, id);
  if (!person) return err('NotFound');
  const successor = successorId === null ? null : await findPersonById(db, successorId);
  if (successorId !== null && !successor) return err('SuccessorNotFound');
  const plan = planDeactivation(person, successor ?? null, await listRepresentations(db), now);
  if (!plan.ok) return plan;
  const sessionsEnded = await db.transaction().execute(async (trx) => {
    if (!(await deactivatePersonRow(trx, id, now))) return null;
    await endRepresentationsOf(trx, id, now);
    // Open tasks, group seats and leads pass to the successor; the reminders follow the new person.
    const handedOver = successor ? await handOverTasks(trx, id, successor.id, now) : [];
    for (const taskId of handedOver) await scheduleTask(trx, planRemindersTask('task', taskId, now));
    for (const seat of plan.value.successorSeats) {
      if (successor)
        await insertRepresentation(trx, {
          personId: successor.id,
          stateCode: seat.stateCode,
          kind: seat.kind,
          validFrom: now,
        });
    }
    const ended = await revokeSessionsOf(trx, id, now);
    await revokeCredentialsOf(trx, id, now);
    await recordAudit(trx, {
      at: now,
      actorPersonId: actor.id,
      actorKind: 'person',
      action: 'person.deactivate',
      recordType: 'person',
      recordId: id,
      before: {
        active: true,
        telegramLinked: person.telegramUserId !== null,
        seats: plan.value.endRepresentations,
      },
      after: {
        active: false,
        successorId,
        seatsHandedOver: plan.value.successorSeats,
        tasksHandedOver: handedOver,
        sessionsEnded: ended,
      },
    });
    return ended;
  });
  if (sessionsEnded === null) return err('AlreadyInactive');
  return ok({ sessionsEnded });
}
