import { createHash } from 'node:crypto';
import {
  canonicalJson,
  decideSignOff,
  decideSignOffRequest,
  effectiveRoles,
  err,
  isReportReadOnly,
  type MessageIntent,
  ok,
  outboxDrafts,
  type Person,
  PRIORITY,
  planRemindersTask,
  type Recipient,
  type ReportStatus,
  type Result,
  type SignerCapacity,
  type SignOffAnswer,
  type SignOffError,
  type SignOffGateError,
  type SignOffKind,
  type SignOffSettings,
  signOffGate,
  signOffRequired,
} from '@accord/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { recordAudit } from './audit';
import { findDraft } from './drafts';
import { findMeetingById } from './meetings';
import { enqueueMessages } from './outbox';
import { listPeople } from './people';
import {
  decideSignOffOnce,
  findSignOff,
  listSignOffs,
  requestSignOff,
  type SignOffRecord,
  supersedeSignOffs,
} from './reports';
import { scheduleTask } from './scheduled-tasks';
import { getCommissionOrThrow } from './states';

type Db = Kysely<Database>;

/** Who acted, for the audit log: a person on the dashboard or in chat. */
export interface SignOffActor {
  personId: number;
  kind: 'person' | 'telegram';
}

/** An item as the sign-off mechanism sees it: its version now and that version's content hash. */
export interface SignOffSubject {
  kind: SignOffKind;
  itemId: number;
  version: number;
  contentHash: string;
  /** The item's own status, where it has one (the report's). */
  status: string;
}

/**
 * Each kind of item plugs into the one mechanism with where it stands now and what its own status
 * becomes when asked about or answered: the report, a meeting's agenda, a draft's version (the last
 * two needed only where the commission's settings switch them on; see `signOffGateFor`).
 */
interface SignOffItemKind {
  /** The item as it is now, or null if it does not exist. */
  current(db: Db, itemId: number): Promise<SignOffSubject | null>;
  /** Whether the item can no longer change (nothing to ask about). */
  readOnly(subject: SignOffSubject): boolean;
  /** The item's status follows the request or the answer; false if the item moved on meanwhile. */
  follow(
    trx: Db,
    subject: SignOffSubject,
    state: 'requested' | 'approved' | 'changes-requested',
    now: string,
  ): Promise<boolean>;
}

const REPORT_STATUS_AFTER: Record<'requested' | 'approved' | 'changes-requested', ReportStatus> = {
  requested: 'awaiting-approval',
  approved: 'approved',
  'changes-requested': 'changes-requested',
};

const reportKind: SignOffItemKind = {
  async current(db, itemId) {
    const row = await db
      .selectFrom('reports')
      .innerJoin('report_versions', (j) =>
        j
          .onRef('report_versions.report_id', '=', 'reports.id')
          .onRef('report_versions.version', '=', 'reports.current_version'),
      )
      .select(['reports.id', 'reports.status', 'reports.current_version', 'report_versions.content_hash'])
      .where('reports.id', '=', itemId)
      .executeTakeFirst();
    return row
      ? {
          kind: 'report',
          itemId: row.id,
          version: row.current_version,
          contentHash: row.content_hash,
          status: row.status,
        }
      : null;
  },
  readOnly: (subject) => isReportReadOnly(subject.status as ReportStatus),
  async follow(trx, subject, state, now) {
    // Guarded by the version asked about: a save in between wins, and the answer changes nothing.
    const updated = await trx
      .updateTable('reports')
      .set({ status: REPORT_STATUS_AFTER[state], updated_at: now })
      .where('id', '=', subject.itemId)
      .where('current_version', '=', subject.version)
      .where('status', 'in', state === 'requested' ? ['draft', 'changes-requested'] : ['awaiting-approval'])
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n;
  },
};

/** SHA-256 (hex) of content's canonical JSON: the same content always has the same hash. */
const contentHash = (content: unknown) => createHash('sha256').update(canonicalJson(content)).digest('hex');

/**
 * A meeting's agenda as the chairman approves it: what the notice says (title, kind, when, where,
 * the items). The meeting's own `version` moves only with changes members were told about, so it
 * cannot number what the chairman saw before any notice: the hash binds the approval, and the
 * version shown is the agenda's revision as sent to the chairman — the version of an earlier
 * request with the same content, else one past the last one sent.
 */
const agendaKind: SignOffItemKind = {
  async current(db, itemId) {
    const meeting = await findMeetingById(db, itemId);
    if (!meeting) return null;
    const hash = contentHash({
      title: meeting.title,
      kind: meeting.kind,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      timeZone: meeting.timeZone,
      place: meeting.place,
      link: meeting.link,
      agenda: meeting.agenda.map((a) => a.title),
    });
    const sent = await listSignOffs(db, 'agenda', itemId);
    const same = sent.find((s) => s.contentHash === hash);
    const version = same?.version ?? Math.max(0, ...sent.map((s) => s.version)) + 1;
    return { kind: 'agenda', itemId, version, contentHash: hash, status: meeting.status };
  },
  // Once the notices went out (or the meeting was cancelled) there is nothing left to approve.
  readOnly: (subject) => subject.status !== 'draft',
  // Approval only lets the notices go; a return leaves the meeting as it is (the secretary is told).
  follow: async () => true,
};

/** A draft's version as the chairman approves it before its ballot: its title and text. */
const draftKind: SignOffItemKind = {
  async current(db, itemId) {
    const draft = await findDraft(db, itemId);
    return draft
      ? {
          kind: 'draft',
          itemId,
          version: draft.currentVersion,
          contentHash: contentHash({ title: draft.title, text: draft.text }),
          status: draft.status,
        }
      : null;
  },
  // In a ballot or decided: its text is locked.
  readOnly: (subject) => subject.status !== 'draft',
  follow: async () => true,
};

const ITEM_KINDS: Record<SignOffKind, SignOffItemKind> = {
  report: reportKind,
  agenda: agendaKind,
  draft: draftKind,
};

/** An item's current version and hash, for any kind the mechanism serves. */
export const currentSignOffSubject = (db: Db, kind: SignOffKind, itemId: number) =>
  ITEM_KINDS[kind].current(db, itemId);

/** Which optional kinds need the chairman's sign-off, as the commission's settings say now. */
export async function readSignOffSettings(db: Db): Promise<SignOffSettings> {
  const row = await getCommissionOrThrow(db);
  return { agenda: row.sign_off_agendas === 1, draft: row.sign_off_drafts === 1 };
}

/** Saves which optional kinds need the chairman's sign-off (the caller audits). */
export async function writeSignOffSettings(trx: Db, settings: SignOffSettings, now: string): Promise<void> {
  await trx
    .updateTable('commission')
    .set({
      sign_off_agendas: settings.agenda ? 1 : 0,
      sign_off_drafts: settings.draft ? 1 : 0,
      updated_at: now,
    })
    .where('id', '=', 1)
    .execute();
}

/**
 * Whether an item may go on (an agenda's notices, a draft's ballot), decided in the caller's
 * transaction against the settings and the item's content now: approved content passes; anything
 * else is refused while the setting is on.
 */
export async function signOffGateFor(
  trx: Db,
  kind: Exclude<SignOffKind, 'report'>,
  itemId: number,
): Promise<Result<null, SignOffGateError | 'NotFound'>> {
  const settings = await readSignOffSettings(trx);
  if (!settings[kind]) return ok(null);
  const subject = await ITEM_KINDS[kind].current(trx, itemId);
  if (!subject) return err('NotFound');
  return signOffGate(kind, settings, await listSignOffs(trx, kind, itemId), subject.contentHash);
}

/**
 * After an item's content changed, supersedes its open request for other content (the chairman can
 * no longer answer it) and drops that request's reminders; how many were superseded.
 */
export async function supersedeChangedSignOff(trx: Db, kind: SignOffKind, itemId: number, now: string) {
  const subject = await ITEM_KINDS[kind].current(trx, itemId);
  const open = (await listSignOffs(trx, kind, itemId))
    .filter((s) => s.state === 'requested' && s.contentHash !== subject?.contentHash)
    .map((s) => s.id);
  if (open.length === 0) return 0;
  const count = await supersedeSignOffs(trx, open, now);
  for (const id of open) await scheduleTask(trx, planRemindersTask('sign-off', id, now));
  return count;
}

/** Who signs: every active chairman and the deputy the chairman named, with their roles in force. */
export async function signOffSigners(db: Db): Promise<Person[]> {
  const [people, { deputy_person_id }] = await Promise.all([listPeople(db), getCommissionOrThrow(db)]);
  return people
    .filter((p) => p.active)
    .map((p) => ({ ...p, roles: effectiveRoles(p.id, p.roles, deputy_person_id) }))
    .filter((p) => p.roles.includes('chairman') || p.roles.includes('deputy'));
}

/** The people who hear the chairman's answer: the active secretaries. */
export async function signOffSecretaries(db: Db): Promise<Person[]> {
  return (await listPeople(db)).filter((p) => p.active && p.roles.includes('secretary'));
}

/** A person's roles in force: their own, plus `deputy` while the chairman names them. */
export async function rolesInForce(db: Db, person: Person): Promise<Person['roles']> {
  const { deputy_person_id } = await getCommissionOrThrow(db);
  return effectiveRoles(person.id, person.roles, deputy_person_id);
}

const linked = (people: readonly Person[]): Recipient[] =>
  people.filter((p) => p.telegramUserId !== null).map((p) => ({ personId: p.id }));

const enqueue = (
  trx: Db,
  intent: MessageIntent & { signOffId: number },
  to: readonly Recipient[],
  now: string,
) =>
  enqueueMessages(
    trx,
    outboxDrafts(intent, to, now, PRIORITY.notice),
    { type: 'sign-off', id: intent.signOffId },
    now,
  );

export type SignOffRequestError =
  | 'NotFound'
  | 'NotSupported'
  | 'ReadOnly'
  | 'AlreadyAwaiting'
  | 'AlreadyApproved';

/**
 * Sends an item's current version for the chairman's sign-off, in the caller's transaction:
 * asking twice for the same content is refused; earlier requests and approvals of other content
 * are superseded; the item's status follows; the chairman and the named deputy get the prompt
 * through the outbox; the reminders are planned; the step is audited.
 */
export async function sendForSignOff(
  trx: Db,
  kind: SignOffKind,
  itemId: number,
  actor: SignOffActor,
  now: string,
): Promise<Result<{ signOffId: number; version: number; superseded: number[] }, SignOffRequestError>> {
  const item = ITEM_KINDS[kind];
  if (!signOffRequired(kind, await readSignOffSettings(trx))) return err('NotSupported');
  const subject = await item.current(trx, itemId);
  if (!subject) return err('NotFound');
  const signOffs = await listSignOffs(trx, kind, itemId);
  const decision = decideSignOffRequest(signOffs, subject.contentHash);
  if (!decision.ok) return decision;
  if (item.readOnly(subject)) return err('ReadOnly');
  const open = signOffs.filter((s) => s.state === 'requested').map((s) => s.id);
  await supersedeSignOffs(trx, decision.value.supersedes, now);
  const signOffId = await requestSignOff(trx, subject, actor.personId, now);
  await item.follow(trx, subject, 'requested', now);
  const superseded = [...new Set([...decision.value.supersedes, ...open])];
  await recordAudit(trx, {
    at: now,
    actorPersonId: actor.personId,
    actorKind: actor.kind,
    action: 'sign-off.request',
    recordType: kind,
    recordId: itemId,
    before: { status: subject.status },
    after: {
      signOffId,
      version: subject.version,
      contentHash: subject.contentHash,
      status: kind === 'report' ? REPORT_STATUS_AFTER.requested : subject.status,
      ...(superseded.length > 0 ? { superseded } : {}),
    },
  });
  // One message each: the document with the summary as its caption and the buttons under it, so
  // the prompt and the content it asks about can never arrive apart or out of order.
  await enqueue(trx, { kind: 'sign-off-requested', signOffId }, linked(await signOffSigners(trx)), now);
  await scheduleTask(trx, planRemindersTask('sign-off', signOffId, now));
  for (const id of superseded) await scheduleTask(trx, planRemindersTask('sign-off', id, now));
  return ok({ signOffId, version: subject.version, superseded });
}

/**
 * Supersedes an item's open request because its content changed (a save while awaiting the
 * chairman), dropping that request's reminders; how many were superseded.
 */
export async function supersedeOpenSignOff(trx: Db, kind: SignOffKind, itemId: number, now: string) {
  const open = (await listSignOffs(trx, kind, itemId))
    .filter((s) => s.state === 'requested')
    .map((s) => s.id);
  const count = await supersedeSignOffs(trx, open, now);
  for (const id of open) await scheduleTask(trx, planRemindersTask('sign-off', id, now));
  return count;
}

export type SignOffAnswerError = SignOffError | 'NotFound' | 'VersionMismatch';

/**
 * The chairman's (or the named deputy's) answer, in the caller's transaction, decided against the
 * item as it is now: recorded once with who, in what capacity and when; the item's status
 * follows; the secretaries are told through the outbox; the reminders are dropped; audited.
 * `version` is the version the answer was given on (from the button): a different one is refused.
 */
export async function answerSignOff(
  trx: Db,
  signOffId: number,
  answer: SignOffAnswer & { version: number },
  signer: { person: Person; kind: SignOffActor['kind'] },
  now: string,
): Promise<
  Result<
    { signOff: SignOffRecord; state: 'approved' | 'changes-requested'; capacity: SignerCapacity },
    SignOffAnswerError
  >
> {
  const signOff = await findSignOff(trx, signOffId);
  const item = signOff && ITEM_KINDS[signOff.kind];
  const subject = signOff && item ? await item.current(trx, signOff.itemId) : null;
  if (!signOff || !item || !subject) return err('NotFound');
  const roles = await rolesInForce(trx, signer.person);
  if (signOff.version !== answer.version && roles.some((r) => r === 'chairman' || r === 'deputy'))
    return err('VersionMismatch');
  const decision = decideSignOff(signOff, answer, { roles }, subject.contentHash);
  if (!decision.ok) return decision;
  const { state, capacity, comment } = decision.value;
  const recorded = await decideSignOffOnce(
    trx,
    signOffId,
    { state, by: signer.person.id, comment, onBehalfOfDeputy: capacity === 'deputy' },
    now,
  );
  if (!recorded) return err('NotAwaiting');
  await item.follow(trx, { ...subject, version: signOff.version }, state, now);
  await recordAudit(trx, {
    at: now,
    actorPersonId: signer.person.id,
    actorKind: signer.kind,
    action: state === 'approved' ? 'sign-off.approve' : 'sign-off.request-changes',
    recordType: signOff.kind,
    recordId: signOff.itemId,
    before: { signOffId, state: 'requested', status: subject.status },
    after: {
      signOffId,
      state,
      version: signOff.version,
      contentHash: signOff.contentHash,
      capacity,
      ...(comment === null ? {} : { comment }),
    },
  });
  await enqueue(trx, { kind: 'sign-off-decided', signOffId }, linked(await signOffSecretaries(trx)), now);
  await scheduleTask(trx, planRemindersTask('sign-off', signOffId, now));
  const after = (await findSignOff(trx, signOffId)) ?? signOff;
  return ok({ signOff: after, state, capacity });
}

/** Records a refused press (someone other than the chairman, or a stale prompt): nothing changes but the log. */
export async function auditRefusedSignOff(
  db: Db,
  signOffId: number,
  actor: SignOffActor,
  reason: string,
  now: string,
): Promise<void> {
  const signOff = await findSignOff(db, signOffId);
  await recordAudit(db, {
    at: now,
    actorPersonId: actor.personId,
    actorKind: actor.kind,
    action: 'sign-off.refused',
    recordType: signOff?.kind ?? 'sign-off',
    recordId: signOff?.itemId ?? signOffId,
    after: { signOffId, reason },
  });
}
