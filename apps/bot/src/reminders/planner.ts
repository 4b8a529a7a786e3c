import {
  ballotAudience,
  currentResponses,
  type Database,
  type DeliveryPreferences,
  findBallot,
  findDecision,
  findDeliveryPreferences,
  findMeetingAudience,
  findMeetingById,
  findReportByYear,
  findSignOff,
  getCommissionOrThrow,
  type Kysely,
  listBallots,
  listMemberStates,
  listPeople,
  listReportSubmissions,
  listRepresentations,
  listResponseHistory,
  listRsvps,
  listVotes,
  liveChoices,
  meetingRhythm,
  signOffSecretaries,
  signOffSigners,
  syncReminders,
} from '@accord/db';
import {
  ballotReminders,
  DEFAULT_LADDER,
  deadlineReminders,
  isRepresentationActive,
  isResponseSettled,
  ladderSchema,
  meetingMinimumReminders,
  meetingReminders,
  type Person,
  type ReminderPlan,
  type ReminderRecipient,
  reportDueReminders,
  responseReminders,
  responsibleForResponse,
  signOffReminders,
  unansweredReminders,
  weeklyDigestReminders,
} from '@accord/domain';

type Db = Kysely<Database>;

const recipient = (personId: number, prefs: DeliveryPreferences | undefined): ReminderRecipient | null =>
  prefs
    ? {
        personId,
        hours: {
          timeZone: prefs.timeZone,
          workStart: prefs.workStart,
          workEnd: prefs.workEnd,
          quietStart: prefs.quietStart,
          quietEnd: prefs.quietEnd,
        },
        optedOut: prefs.optedOut,
      }
    : null;

const reachable = (p: Person) => p.active && p.telegramUserId !== null;

/** A meeting's reminders: everyone invited and linked, except those who said they cannot attend. */
async function planMeeting(db: Db, meetingId: number, now: string): Promise<ReminderPlan[]> {
  const meeting = await findMeetingById(db, meetingId);
  if (!meeting) return [];
  const declined = new Set(
    (await listRsvps(db, meetingId)).filter((r) => r.answer === 'no').map((r) => r.personId),
  );
  const invitees = (await findMeetingAudience(db, meeting)).invitees.filter(
    (p) => reachable(p) && !declined.has(p.id),
  );
  const prefs = await findDeliveryPreferences(
    db,
    invitees.map((p) => p.id),
  );
  const recipients = invitees
    .map((p) => recipient(p.id, prefs.get(p.id)))
    .filter((r): r is ReminderRecipient => r !== null);
  const { notified_at } = await db
    .selectFrom('meetings')
    .select('notified_at')
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  const remindable = { ...meeting, notifiedAt: notified_at };
  return [
    ...meetingReminders(remindable, recipients, now),
    ...(await planUnanswered(
      db,
      remindable,
      invitees.map((p) => p.id),
      now,
    )),
  ];
}

/** Who has not answered a notice, and the head of each one's delegation. */
export async function unansweredInvitees(
  db: Db,
  meetingId: number,
  inviteeIds: readonly number[],
  now: string,
) {
  const answered = new Set((await listRsvps(db, meetingId)).map((r) => r.personId));
  const representations = (await listRepresentations(db)).filter((r) => isRepresentationActive(r, now));
  return inviteeIds
    .filter((id) => !answered.has(id))
    .map((personId) => {
      const state = representations.find((r) => r.personId === personId)?.stateCode;
      const head = representations.find((r) => r.stateCode === state && r.kind === 'head');
      return { personId, headId: head?.personId ?? null };
    });
}

async function planUnanswered(
  db: Db,
  meeting: { id: number; startsAt: string; notifiedAt: string | null; kind: string; status: string },
  inviteeIds: readonly number[],
  now: string,
): Promise<ReminderPlan[]> {
  if (meeting.status !== 'notified' || Date.parse(meeting.startsAt) <= Date.parse(now)) return [];
  const unanswered = await unansweredInvitees(db, meeting.id, inviteeIds, now);
  const headIds = [...new Set(unanswered.map((u) => u.headId).filter((id): id is number => id !== null))];
  const prefs = await findDeliveryPreferences(db, headIds);
  const heads = new Map(
    headIds
      .map((id) => [id, recipient(id, prefs.get(id))])
      .filter((e): e is [number, ReminderRecipient] => e[1] !== null),
  );
  const { secretaries, chairman } = await staff(db);
  const statute = meeting.kind === 'regular' || meeting.kind === 'extraordinary';
  return unansweredReminders({ ...meeting, statute }, unanswered, { heads, secretaries, chairman });
}

/** A working-group task's reminders: the responsible person, then the ladder above them. */
async function planTask(db: Db, taskId: number, now: string): Promise<ReminderPlan[]> {
  const task = await db.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirst();
  if (!task) return [];
  const people = await listPeople(db);
  const representations = (await listRepresentations(db)).filter((r) => isRepresentationActive(r, now));
  const state = representations.find((r) => r.personId === task.responsible_person_id)?.stateCode;
  const head = representations.find(
    (r) => r.stateCode === state && r.kind === 'head' && r.personId !== task.responsible_person_id,
  );
  const secretaries = people.filter((p) => reachable(p) && p.roles.includes('secretary'));
  const chairman = people.find((p) => reachable(p) && p.roles.includes('chairman'));
  const ids = [
    task.responsible_person_id,
    ...(head ? [head.personId] : []),
    ...secretaries.map((p) => p.id),
    ...(chairman ? [chairman.id] : []),
  ];
  const prefs = await findDeliveryPreferences(db, ids);
  const responsible = recipient(task.responsible_person_id, prefs.get(task.responsible_person_id));
  if (!responsible) return [];
  const { escalation_ladder } = await getCommissionOrThrow(db);
  const steps = ladderSchema.safeParse(JSON.parse(escalation_ladder));
  return deadlineReminders(
    {
      subjectType: 'task',
      id: task.id,
      dueDate: task.due_date,
      done: task.status !== 'open',
      createdAt: task.created_at,
      statute: false,
    },
    responsible,
    {
      head: head ? recipient(head.personId, prefs.get(head.personId)) : null,
      secretaries: secretaries
        .map((p) => recipient(p.id, prefs.get(p.id)))
        .filter((r): r is ReminderRecipient => r !== null),
      chairman: chairman ? recipient(chairman.id, prefs.get(chairman.id)) : null,
    },
    now,
    steps.success ? steps.data : DEFAULT_LADDER,
  );
}

/** The secretaries and the chairman, as reminder recipients. */
async function staff(db: Db) {
  const people = (await listPeople(db)).filter(reachable);
  const secretaries = people.filter((p) => p.roles.includes('secretary'));
  const chairman = people.find((p) => p.roles.includes('chairman'));
  const prefs = await findDeliveryPreferences(db, [
    ...secretaries.map((p) => p.id),
    ...(chairman ? [chairman.id] : []),
  ]);
  return {
    secretaries: secretaries
      .map((p) => recipient(p.id, prefs.get(p.id)))
      .filter((r): r is ReminderRecipient => r !== null),
    chairman: chairman ? recipient(chairman.id, prefs.get(chairman.id)) : null,
  };
}

async function planCommissionYear(db: Db, year: number): Promise<ReminderPlan[]> {
  const { count, minimum } = await meetingRhythm(db, year);
  const { secretaries, chairman } = await staff(db);
  return meetingMinimumReminders(year, count, minimum, secretaries, chairman);
}

async function planAnnualReport(db: Db, year: number): Promise<ReminderPlan[]> {
  const { report_due_month_day } = await getCommissionOrThrow(db);
  const { secretaries, chairman } = await staff(db);
  // Due until its submission to the Secretary General is recorded; re-planned with everything else.
  const report = await findReportByYear(db, year);
  const submitted = report !== undefined && (await listReportSubmissions(db, report.id)).length > 0;
  return reportDueReminders(year, `${year}-${report_due_month_day}`, submitted, secretaries, chairman);
}

async function planWeeklyDigest(db: Db, secretaryId: number, now: string): Promise<ReminderPlan[]> {
  const { secretaries } = await staff(db);
  return weeklyDigestReminders(
    secretaries.filter((s) => s.personId === secretaryId),
    now,
  );
}

/** A ballot's reminders: the representatives of each state that has not voted, and the secretaries. */
async function planBallot(db: Db, ballotId: number, now: string): Promise<ReminderPlan[]> {
  const ballot = await findBallot(db, ballotId);
  if (!ballot) return [];
  const voted = liveChoices(await listVotes(db, ballotId));
  const { voters } = await ballotAudience(db, ballot, now);
  const unvoted = voters
    .filter((v) => !voted.has(v.stateCode) && reachable(v.person))
    .map((v) => v.person.id);
  const prefs = await findDeliveryPreferences(db, unvoted);
  const { secretaries } = await staff(db);
  return ballotReminders(
    ballot,
    unvoted.map((id) => recipient(id, prefs.get(id))).filter((r): r is ReminderRecipient => r !== null),
    secretaries,
    ballot.reminderLeadMs,
  );
}

/** An adopted decision's outstanding responses: each state's responsible representative, until its government accepts it. */
async function planDecisionResponses(db: Db, decisionId: number, now: string): Promise<ReminderPlan[]> {
  const decision = await findDecision(db, decisionId);
  if (!decision) return [];
  const current = currentResponses(await listResponseHistory(db, [decisionId]), decisionId);
  const [states, representations, people] = await Promise.all([
    listMemberStates(db),
    listRepresentations(db),
    listPeople(db),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const plans: ReminderPlan[] = [];
  for (const state of states) {
    const response = current.get(state.code);
    const ids = responsibleForResponse(representations, state.code, now).filter((id) => {
      const person = byId.get(id);
      return person !== undefined && reachable(person);
    });
    const prefs = await findDeliveryPreferences(db, ids);
    const recipients = ids
      .map((id) => recipient(id, prefs.get(id)))
      .filter((r): r is ReminderRecipient => r !== null);
    plans.push(
      ...responseReminders(
        {
          decisionId,
          stateCode: state.code,
          adoptedAt: decision.adoptedAt,
          status: response?.status ?? null,
          statusDate: response?.date ?? null,
        },
        recipients,
        now,
      ),
    );
  }
  return plans;
}

/**
 * An unanswered sign-off request: the chairman and the named deputy are reminded, then the
 * secretaries hear it is still waiting; nothing once it is answered or superseded.
 */
async function planSignOff(db: Db, signOffId: number): Promise<ReminderPlan[]> {
  const signOff = await findSignOff(db, signOffId);
  if (!signOff) return [];
  const signers = (await signOffSigners(db)).filter(reachable);
  const secretaries = (await signOffSecretaries(db)).filter(reachable);
  const prefs = await findDeliveryPreferences(
    db,
    [...signers, ...secretaries].map((p) => p.id),
  );
  const asRecipients = (people: readonly Person[]) =>
    people.map((p) => recipient(p.id, prefs.get(p.id))).filter((r): r is ReminderRecipient => r !== null);
  const [first, ...others] = asRecipients(signers);
  return [
    ...signOffReminders(signOff, first ?? null, asRecipients(secretaries)),
    ...others.flatMap((signer) => signOffReminders(signOff, signer, [])),
  ];
}

const planners: Record<string, (db: Db, id: number, now: string) => Promise<ReminderPlan[]>> = {
  ballot: planBallot,
  meeting: planMeeting,
  task: planTask,
  'commission-year': planCommissionYear,
  'annual-report': planAnnualReport,
  'weekly-digest': planWeeklyDigest,
  'decision-response': planDecisionResponses,
  'sign-off': planSignOff,
};

/** Plans one item's reminders again from the records as they are now. */
export async function planReminders(
  db: Db,
  subjectType: string,
  subjectId: number,
  now: string,
): Promise<void> {
  const planner = planners[subjectType];
  if (!planner) throw new Error(`no reminder planner for ${subjectType}`);
  const plans = await planner(db, subjectId, now);
  await db
    .transaction()
    .execute((trx) => syncReminders(trx, { type: subjectType, id: subjectId }, plans, now));
}

/** Decisions some member state's government has not yet accepted or implemented. */
async function outstandingDecisionIds(db: Db): Promise<number[]> {
  const ids = (await db.selectFrom('decisions').select('id').execute()).map((d) => d.id);
  const history = await listResponseHistory(db, ids);
  const states = await listMemberStates(db);
  return ids.filter((id) => {
    const current = currentResponses(history, id);
    return states.some((s) => !isResponseSettled(current.get(s.code)?.status ?? null));
  });
}

/** Plans every open item again: upcoming announced meetings, open tasks and outstanding responses. */
export async function planAllReminders(db: Db, now: string): Promise<number> {
  const meetings = await db
    .selectFrom('meetings')
    .select('id')
    .where('status', '=', 'notified')
    .where('starts_at', '>', now)
    .execute();
  const tasks = await db.selectFrom('tasks').select('id').where('status', '=', 'open').execute();
  const ballots = await listBallots(db, { status: 'open' });
  const signOffs = await db.selectFrom('sign_offs').select('id').where('state', '=', 'requested').execute();
  for (const s of signOffs) await planReminders(db, 'sign-off', s.id, now);
  for (const m of meetings) await planReminders(db, 'meeting', m.id, now);
  for (const b of ballots) await planReminders(db, 'ballot', b.id, now);
  for (const t of tasks) await planReminders(db, 'task', t.id, now);
  const decisions = await outstandingDecisionIds(db);
  for (const id of decisions) await planReminders(db, 'decision-response', id, now);
  const year = Number(now.slice(0, 4));
  await planReminders(db, 'commission-year', year, now);
  await planReminders(db, 'annual-report', year, now);
  const { secretaries } = await staff(db);
  for (const s of secretaries) await planReminders(db, 'weekly-digest', s.personId, now);
  return (
    meetings.length +
    tasks.length +
    ballots.length +
    signOffs.length +
    decisions.length +
    2 +
    secretaries.length
  );
}
