import {
  announceBallot,
  appendResponse,
  applyVote,
  ballotAudience,
  castVote,
  closeBallotOnce,
  correctAttendance,
  type Database,
  enqueueMessages,
  findBallot,
  findMeetingAudience,
  findMeetingByIdOrThrow,
  getCommissionOrThrow,
  insertActivity,
  insertBallot,
  insertDraft,
  insertExtensionRequest,
  insertMeeting,
  insertProgram,
  insertReport,
  insertTask,
  insertWorkingGroup,
  type Kysely,
  listActivities,
  listLiveVotes,
  listRsvps,
  liveChoices,
  loadReportRecords,
  markMeetingHeld,
  publishMinutesOnce,
  recordAudit,
  recordDecision,
  saveDraftVersion,
  saveMinutes,
  scheduleTask,
  sendForSignOff,
  setDraftStatus,
  setMeetingStatus,
  type Transaction,
  updateTask,
  upsertRsvp,
  type VoteInput,
  type VoterSnapshot,
} from '@accord/db';
import {
  type ActivityStatus,
  assembleReport,
  attendanceFromAnswers,
  type BallotRule,
  checkActivity,
  checkResponsibleIsMember,
  composeSections,
  DEFAULT_QUORUM,
  type DraftKind,
  decideMarkHeld,
  decideNotice,
  decideResponseChange,
  decideRsvp,
  decideVote,
  earlyOutcome,
  err,
  MEMBER_STATE_CODES,
  type MeetingDetails,
  type MemberStateCode,
  type Milestone,
  ok,
  outboxDrafts,
  outcomeAtClose,
  planRemindersTask,
  type ResponseStatus,
  type Result,
  type RsvpAnswer,
  TWO_THIRDS,
  tally,
  type VoteChoice,
} from '@accord/domain';
import { seedDemoRegister } from './demo-register';
import { PROGRAM_2020 } from './reference';
import { linkSandboxCommissionGroup, seedDemoPeople } from './seed';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

const DAY_MS = 86_400_000;

/** The demo program's code: its presence says the demo year is already there. */
export const DEMO_PROGRAM_CODE = 'demo-cooperation';

export interface DemoYearOptions {
  /** Sandbox mode: the demo people are linked to sandbox users and the sandbox group is the commission's chat. */
  sandbox: boolean;
  /** Who asked for it (the audit log says so); null for the command line. */
  requestedBy: number | null;
}

/** What the demo year put in, by kind of record. */
export interface DemoYearSummary {
  meetings: number;
  drafts: number;
  ballots: number;
  decisions: number;
  activities: number;
  workingGroups: number;
  tasks: number;
  reports: number;
}

/**
 * Why no demo was filled: it is there already, or the commission has real work in it (meetings,
 * working groups or program activities) that a demo must not mix with.
 */
export type DemoYearError = 'DemoPresent' | 'CommissionInUse';

/**
 * Fills the commission with a plausible year around `now`: the demo people, two regular meetings
 * (one held, with attendance and published minutes; one coming, with its agenda and answers) and a
 * working group's meeting; drafts with ballots adopted, rejected, open and under the silence
 * procedure, votes from the six states; the register with the governments' responses; a program
 * whose activities cover its five directions, some overdue; two working groups with tasks.
 *
 * Everything is written by the db queries and checked by the domain's rules, as the secretary
 * would have done it on the dashboard, and audited at the moment it happened. The past sends
 * nothing; the present (the open ballots, the coming meetings' notices) is announced through the
 * outbox as the dashboard would, so the sandbox chats show it. Only into a commission with no
 * meetings, working groups or activities; otherwise it refuses and says why.
 */
export async function fillDemoYear(
  db: Db,
  now: string,
  options: DemoYearOptions,
): Promise<Result<DemoYearSummary, DemoYearError>> {
  const refusal = await whyNot(db);
  if (refusal) return err(refusal);
  await seedDemoPeople(db, now, { linkSandboxTelegram: options.sandbox });
  if (options.sandbox) await linkSandboxCommissionGroup(db, now);
  await seedDemoRegister(db, now);
  return db.transaction().execute(async (trx) => {
    // Checked again in the transaction: two presses at once fill one demo.
    const late = await whyNot(trx);
    if (late) return err(late);
    const summary = await buildYear(trx, now);
    await recordAudit(trx, {
      at: now,
      actorPersonId: options.requestedBy,
      actorKind: options.requestedBy === null ? 'system' : 'person',
      action: 'demo.fill',
      recordType: 'commission',
      recordId: 1,
      after: summary,
    });
    return ok(summary);
  });
}

async function whyNot(db: Db): Promise<DemoYearError | null> {
  const demo = await db
    .selectFrom('programs')
    .select('id')
    .where('code', '=', DEMO_PROGRAM_CODE)
    .executeTakeFirst();
  if (demo) return 'DemoPresent';
  const [meeting, group, activity] = await Promise.all([
    db.selectFrom('meetings').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('working_groups').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('activities').select('id').limit(1).executeTakeFirst(),
  ]);
  return meeting || group || activity ? 'CommissionInUse' : null;
}

/** Instants and dates relative to now, so the demo always looks current. */
function calendar(now: string) {
  const base = Date.parse(now);
  const dayStart = base - (base % DAY_MS);
  return {
    /** `days` from today at `hour`:`minute` UTC. */
    at: (days: number, hour = 9, minute = 0) =>
      new Date(dayStart + days * DAY_MS + (hour * 60 + minute) * 60_000).toISOString(),
    /** The calendar date `days` from today. */
    day: (days: number) => new Date(dayStart + days * DAY_MS).toISOString().slice(0, 10),
    year: new Date(base).getUTCFullYear(),
  };
}

async function buildYear(trx: Trx, now: string): Promise<DemoYearSummary> {
  const { at, day, year } = calendar(now);
  const people = await trx
    .selectFrom('people')
    .select(['id', 'seed_key'])
    .where('seed_key', 'is not', null)
    .execute();
  const idOf = new Map(people.map((p) => [p.seed_key, p.id]));
  const person = (key: string): number => {
    const id = idOf.get(key);
    if (id === undefined) throw new Error(`demo person ${key} is missing`);
    return id;
  };
  const secretary = person('secretary');
  const head = (state: MemberStateCode) => person(`${state}-head`);
  const alternate = (state: MemberStateCode) => person(`${state}-alternate`);
  const audit = (
    at: string,
    action: string,
    recordType: string,
    recordId: number,
    after: unknown,
    before?: unknown,
  ) =>
    recordAudit(trx, {
      at,
      actorPersonId: secretary,
      actorKind: 'person',
      action,
      recordType,
      recordId,
      before,
      after,
    });

  // The program in force: this year and the next four, on the five directions of the statute's program.
  const programId = await insertProgram(
    trx,
    {
      code: DEMO_PROGRAM_CODE,
      titleRu: `Программа военно-экономического сотрудничества государств — членов ОДКБ на ${year - 1}–${year + 4} годы`,
      titleEn: `Program of military-economic cooperation of the CSTO member states for ${year - 1}–${year + 4}`,
      periodStart: `${year - 1}-01-01`,
      periodEnd: `${year + 4}-12-31`,
      goals:
        'Joint production and repair of equipment, uniform rules, standardization, long-term planning and a single exhibition field.',
    },
    PROGRAM_2020.directions,
  );
  await audit(at(-320), 'program.create', 'program', programId, { code: DEMO_PROGRAM_CODE });
  const directions = await trx
    .selectFrom('program_directions')
    .select('id')
    .where('program_id', '=', programId)
    .orderBy('position')
    .execute();
  const direction = (position: 1 | 2 | 3 | 4 | 5): number => {
    const found = directions[position - 1];
    if (!found) throw new Error(`direction ${position} is missing`);
    return found.id;
  };

  const groups = await workingGroups(trx, { at, day, head, alternate, direction, audit });
  const meetings = await meetingsOfTheYear(trx, {
    at,
    year,
    secretary,
    head,
    alternate,
    audit,
    groupId: groups.standardization,
  });
  const voting = await draftsAndBallots(trx, { at, day, secretary, head, direction, audit, meetings });
  const activities = await programActivities(trx, { programId, at, day, year, head, direction, audit });
  await minutesOfTheFirstSession(trx, {
    at,
    secretary,
    audit,
    meetingId: meetings.held,
    adoptedDraftId: voting.adoptedDraftId,
  });
  // The year's report, assembled from all of the above as the secretary's first step would.
  const sections = composeSections(assembleReport(await loadReportRecords(trx, year, 'Europe/Moscow'), now));
  const reportId = await insertReport(trx, year, sections, secretary, now);
  if (reportId === null) throw new Error('the demo year’s report exists already');
  await audit(now, 'report.create', 'report', reportId, { year, version: 1 });
  // …and sent to the chairman, so the demo shows a report awaiting approval (his prompt included).
  const sent = await sendForSignOff(trx, 'report', reportId, { personId: secretary, kind: 'person' }, now);
  if (!sent.ok) throw new Error(`the demo year’s report could not be sent for approval: ${sent.error}`);
  return {
    meetings: 3,
    drafts: voting.drafts,
    ballots: voting.ballots,
    decisions: voting.decisions,
    activities,
    workingGroups: 2,
    tasks: groups.tasks,
    reports: 1,
  };
}

type At = (days: number, hour?: number, minute?: number) => string;
type Day = (days: number) => string;
type Audit = (
  at: string,
  action: string,
  recordType: string,
  recordId: number,
  after: unknown,
  before?: unknown,
) => Promise<void>;

async function workingGroups(
  trx: Trx,
  c: {
    at: At;
    day: Day;
    head: (s: MemberStateCode) => number;
    alternate: (s: MemberStateCode) => number;
    direction: (p: 1 | 2 | 3 | 4 | 5) => number;
    audit: Audit;
  },
) {
  const plans = [
    {
      name: 'Standardization of weapons and equipment',
      mandate:
        'Prepares the list of equipment to unify, collects the national standards in force and proposes common ones.',
      lead: c.head('KZ'),
      members: [c.head('KZ'), c.head('BY'), c.alternate('RU'), c.alternate('AM')],
      direction: c.direction(3),
      tasks: [
        { title: 'Collect the national standards in force', who: c.head('BY'), due: -60, done: -62 },
        { title: 'Draft the list of equipment for unification', who: c.head('BY'), due: -20 },
        {
          title: 'Review the catalogue of unified components for the session',
          who: c.alternate('RU'),
          due: 25,
        },
      ],
    },
    {
      name: 'Exhibitions and the single advertising field',
      mandate:
        'Agrees the joint exhibition calendar and the commission’s joint stand at the member states’ forums.',
      lead: c.head('AM'),
      members: [c.head('AM'), c.head('KG'), c.alternate('TJ'), c.alternate('RU')],
      direction: c.direction(5),
      tasks: [
        { title: 'Agree the joint exhibition calendar', who: c.head('KG'), due: -5, extendTo: 20 },
        { title: 'Prepare the concept of the joint stand', who: c.alternate('TJ'), due: 40 },
        { title: 'Report on the ARMY forum stand', who: c.head('AM'), due: -110, done: -112 },
      ],
    },
  ];
  const ids: number[] = [];
  let tasks = 0;
  for (const plan of plans) {
    const createdAt = c.at(-300);
    const input = {
      name: plan.name,
      mandate: plan.mandate,
      leadPersonId: plan.lead,
      memberIds: plan.members,
      groupChatId: null,
    };
    const groupId = await insertWorkingGroup(trx, input, createdAt);
    await c.audit(createdAt, 'working-group.create', 'working_group', groupId, input);
    ids.push(groupId);
    for (const task of plan.tasks) {
      const member = checkResponsibleIsMember(task.who, plan.members);
      if (!member.ok) throw new Error(`demo task ${task.title}: ${member.error}`);
      const assignedAt = c.at(Math.min(-90, task.due - 60));
      const taskInput = {
        groupId,
        title: task.title,
        description: '',
        responsiblePersonId: task.who,
        dueDate: c.day(task.due),
        directionId: plan.direction,
      };
      const taskId = await insertTask(trx, taskInput, assignedAt);
      await c.audit(assignedAt, 'task.create', 'task', taskId, taskInput);
      if (task.done !== undefined) await updateTask(trx, taskId, { status: 'done' }, c.at(task.done));
      else await scheduleTask(trx, planRemindersTask('task', taskId, c.at(-1)));
      if (task.extendTo !== undefined)
        await insertExtensionRequest(
          trx,
          {
            taskId,
            requestedBy: task.who,
            currentDueDate: c.day(task.due),
            requestedDueDate: c.day(task.extendTo),
            reason: 'Two states have not yet confirmed their national exhibitions.',
          },
          c.at(-3),
        );
      tasks += 1;
    }
  }
  const [standardization = 0] = ids;
  return { standardization, tasks };
}

const AGENDA_HELD = [
  'Opening of the session and adoption of the agenda',
  'The program’s progress in the first half of the year',
  'Draft recommendation on the joint repair of air defence systems',
  'Reports of the working groups',
  'Date and place of the next session',
];
const AGENDA_NEXT = [
  'Opening of the session and adoption of the agenda',
  'The plan of joint exhibitions for the next year',
  'Uniform rules for certifying repair enterprises',
  'The long-term plan of military-technical cooperation',
  'The commission’s annual report',
];

/** A meeting, written and then notified at `notifiedAt` (the notice goes out only when `announce`). */
async function scheduleMeeting(
  trx: Trx,
  details: MeetingDetails,
  c: { secretary: number; audit: Audit; createdAt: string; notifiedAt: string; announce: boolean },
) {
  const id = await insertMeeting(trx, details, c.secretary, c.createdAt);
  await c.audit(c.createdAt, 'meeting.create', 'meeting', id, details);
  const meeting = await findMeetingByIdOrThrow(trx, id);
  const notice = decideNotice(meeting, c.notifiedAt);
  if (!notice.ok) throw new Error(`demo meeting ${details.title}: ${notice.error}`);
  await setMeetingStatus(trx, id, 'draft', 'notified', notice.value.version, c.notifiedAt);
  await c.audit(
    c.notifiedAt,
    'meeting.notify',
    'meeting',
    id,
    { status: 'notified', version: notice.value.version },
    { status: 'draft' },
  );
  if (c.announce) {
    const { invitees, chatId } = await findMeetingAudience(trx, meeting);
    const recipients = [
      ...invitees.filter((p) => p.telegramUserId !== null).map((p) => ({ personId: p.id })),
      ...(chatId === null ? [] : [{ chatId }]),
    ];
    await scheduleTask(trx, planRemindersTask('meeting', id, c.notifiedAt));
    await enqueueMessages(
      trx,
      outboxDrafts(
        { kind: 'meeting-notice', meetingId: id, version: notice.value.version },
        recipients,
        c.notifiedAt,
      ),
      { type: 'meeting', id },
      c.notifiedAt,
    );
  }
  return id;
}

/** Invitees answer the notice, each checked as the bot checks a press. */
async function answer(trx: Trx, meetingId: number, answers: ReadonlyArray<[number, RsvpAnswer, string]>) {
  const meeting = await findMeetingByIdOrThrow(trx, meetingId);
  for (const [personId, rsvp, when] of answers) {
    const decision = decideRsvp(meeting, when);
    if (!decision.ok) throw new Error(`demo answer to ${meeting.title}: ${decision.error}`);
    await upsertRsvp(trx, meetingId, personId, rsvp, when);
    await recordAudit(trx, {
      at: when,
      actorPersonId: personId,
      actorKind: 'telegram',
      action: 'meeting.rsvp',
      recordType: 'meeting',
      recordId: meetingId,
      before: { personId, answer: null },
      after: { personId, answer: rsvp },
    });
  }
}

async function meetingsOfTheYear(
  trx: Trx,
  c: {
    at: At;
    year: number;
    secretary: number;
    head: (s: MemberStateCode) => number;
    alternate: (s: MemberStateCode) => number;
    audit: Audit;
    groupId: number;
  },
) {
  const agenda = (titles: readonly string[]) => titles.map((title, i) => ({ position: i + 1, title }));
  // 10:00 to 14:00 in Minsk (UTC+3), four months ago.
  const held = await scheduleMeeting(
    trx,
    {
      kind: 'regular',
      title: 'Regular session of the commission',
      startsAt: c.at(-120, 7),
      endsAt: c.at(-120, 11),
      timeZone: 'Europe/Minsk',
      place: 'Minsk, House of Government',
      link: null,
      agenda: agenda(AGENDA_HELD),
    },
    { ...c, createdAt: c.at(-150), notifiedAt: c.at(-140), announce: false },
  );
  const everyone: MemberStateCode[] = [...MEMBER_STATE_CODES];
  await answer(trx, held, [
    ...everyone.map((s, i) => [c.head(s), 'yes', c.at(-139 + i)] as [number, RsvpAnswer, string]),
    [c.alternate('RU'), 'yes', c.at(-138)],
    [c.alternate('BY'), 'yes', c.at(-137)],
    [c.alternate('KZ'), 'no', c.at(-136)],
    [c.alternate('AM'), 'no', c.at(-135)],
    [c.alternate('TJ'), 'yes', c.at(-130)],
  ]);

  // Three weeks ahead in Moscow: notified a week ago, half the invitees have answered.
  const next = await scheduleMeeting(
    trx,
    {
      kind: 'regular',
      title: 'Regular session of the commission',
      startsAt: c.at(21, 7),
      endsAt: c.at(21, 12),
      timeZone: 'Europe/Moscow',
      place: 'Moscow, Ministry of Industry and Trade',
      link: null,
      agenda: agenda(AGENDA_NEXT),
    },
    { ...c, createdAt: c.at(-10), notifiedAt: c.at(-7), announce: true },
  );
  await answer(trx, next, [
    [c.head('RU'), 'yes', c.at(-7, 10)],
    [c.head('BY'), 'yes', c.at(-6)],
    [c.head('KZ'), 'yes', c.at(-6, 11)],
    [c.head('AM'), 'no', c.at(-5)],
    [c.alternate('AM'), 'yes', c.at(-5, 12)],
    [c.head('TJ'), 'yes', c.at(-4)],
    [c.alternate('KG'), 'no', c.at(-2)],
  ]);

  // The standardization group meets online in nine days.
  const group = await scheduleMeeting(
    trx,
    {
      kind: 'working_group',
      title: 'Standardization group: the list of equipment for unification',
      startsAt: c.at(9, 8),
      endsAt: c.at(9, 10),
      timeZone: 'Asia/Almaty',
      place: null,
      link: 'https://meet.example.org/standardization',
      agenda: agenda(['The list of equipment for unification', 'The overdue national submissions']),
      workingGroupId: c.groupId,
    },
    { ...c, createdAt: c.at(-4), notifiedAt: c.at(-3), announce: true },
  );
  await answer(trx, group, [
    [c.head('KZ'), 'yes', c.at(-3, 12)],
    [c.head('BY'), 'yes', c.at(-2, 10)],
  ]);
  const nextItems = await trx
    .selectFrom('agenda_items')
    .select(['id', 'position'])
    .where('meeting_id', '=', next)
    .execute();
  const itemOfNext = (position: number) => nextItems.find((i) => i.position === position)?.id ?? null;
  return { held, next, group, itemOfNext };
}

interface PlannedDraft {
  kind: DraftKind;
  title: string;
  text: string;
  direction: 1 | 2 | 3 | 4 | 5;
  createdAt: number;
  agendaItemId?: number | null;
  /** A second version, written some days later. */
  revised?: { at: number; title: string; text: string };
}

async function draftsAndBallots(
  trx: Trx,
  c: {
    at: At;
    day: Day;
    secretary: number;
    head: (s: MemberStateCode) => number;
    direction: (p: 1 | 2 | 3 | 4 | 5) => number;
    audit: Audit;
    meetings: { itemOfNext: (position: number) => number | null };
  },
) {
  const commission = await getCommissionOrThrow(trx);
  const quorum =
    commission.quorum_denominator > 0
      ? { numerator: commission.quorum_numerator, denominator: commission.quorum_denominator }
      : DEFAULT_QUORUM;

  const writeDraft = async (d: PlannedDraft) => {
    const input = {
      kind: d.kind,
      title: d.title,
      text: d.text,
      directionIds: [c.direction(d.direction)],
      agendaItemId: d.agendaItemId ?? null,
    };
    const id = await insertDraft(trx, input, c.secretary, c.at(d.createdAt));
    await c.audit(c.at(d.createdAt), 'draft.create', 'draft', id, input);
    if (d.revised) {
      await saveDraftVersion(trx, id, 1, d.revised, c.secretary, c.at(d.revised.at));
      await c.audit(
        c.at(d.revised.at),
        'draft.version',
        'draft',
        id,
        { version: 2, title: d.revised.title },
        { version: 1 },
      );
    }
    return { id, version: d.revised ? 2 : 1 };
  };

  const openOn = async (
    draft: { id: number; version: number },
    rule: BallotRule,
    opensAt: string,
    closesAt: string,
    announce: boolean,
  ) => {
    if (!(await setDraftStatus(trx, draft.id, ['draft'], 'voting', opensAt)))
      throw new Error('demo draft not open for vote');
    const ballot = {
      draftId: draft.id,
      draftVersion: draft.version,
      rule,
      quorum,
      eligibleStates: [...MEMBER_STATE_CODES],
      opensAt,
      closesAt,
      timeZone: 'Europe/Moscow',
      resultsHidden: false,
      reminderLeadMs: 24 * 3_600_000,
    };
    const id = await insertBallot(trx, ballot, c.secretary, opensAt);
    await c.audit(opensAt, 'ballot.open', 'ballot', id, ballot);
    if (announce) await announceBallot(trx, id, opensAt);
    return id;
  };

  /** Votes cast in chat (an open ballot: the tally and the closing rules run as for a press). */
  const voteInChat = async (
    ballotId: number,
    votes: ReadonlyArray<[MemberStateCode, VoteChoice, string]>,
  ) => {
    for (const [stateCode, choice, when] of votes) {
      const ballot = await findBallot(trx, ballotId);
      if (!ballot) throw new Error(`demo ballot ${ballotId} is missing`);
      const decision = decideVote(ballot, stateCode, choice, when);
      if (!decision.ok) throw new Error(`demo vote of ${stateCode}: ${decision.error}`);
      const personId = c.head(stateCode);
      const vote: VoteInput = {
        stateCode,
        personId,
        choice,
        channel: 'telegram',
        reference: null,
        comment: null,
      };
      await applyVote(trx, ballot, vote, { personId, kind: 'telegram' }, when);
    }
  };

  /** Votes of the past, recorded from the room or by letter, and the close at its time: nothing is sent for them. */
  const recordPast = async (
    ballotId: number,
    votes: ReadonlyArray<[MemberStateCode, VoteChoice, string]>,
    channel: 'room' | 'letter',
    reference: string,
  ) => {
    for (const [stateCode, choice, when] of votes) {
      const ballot = await findBallot(trx, ballotId);
      if (!ballot) throw new Error(`demo ballot ${ballotId} is missing`);
      const decision = decideVote(ballot, stateCode, choice, when);
      if (!decision.ok) throw new Error(`demo vote of ${stateCode}: ${decision.error}`);
      const vote: VoteInput = { stateCode, personId: null, choice, channel, reference, comment: null };
      await castVote(trx, { ballotId, ...vote }, when);
      await c.audit(when, 'vote.record', 'ballot', ballotId, vote);
    }
    const ballot = await findBallot(trx, ballotId);
    if (!ballot) throw new Error(`demo ballot ${ballotId} is missing`);
    const closedAt = ballot.closesAt;
    const result = tally(
      ballot.eligibleStates,
      liveChoices(await listLiveVotes(trx, ballotId)),
      ballot.quorum,
    );
    const outcome = earlyOutcome(ballot.rule, result) ?? outcomeAtClose(ballot.rule, result);
    const { voters } = await ballotAudience(trx, ballot, closedAt);
    const voterSnapshot: VoterSnapshot = ballot.eligibleStates.map((stateCode) => ({
      stateCode,
      people: voters
        .filter((v) => v.stateCode === stateCode)
        .map((v) => ({ id: v.person.id, name: v.person.name })),
    }));
    await closeBallotOnce(trx, ballotId, { outcome, closedBy: null, voterSnapshot }, closedAt);
    await setDraftStatus(
      trx,
      ballot.draftId,
      ['voting'],
      outcome === 'adopted' ? 'adopted' : 'rejected',
      closedAt,
    );
    const entry =
      outcome === 'adopted'
        ? await recordDecision(trx, { draftId: ballot.draftId, ballotId, adoptedAt: closedAt })
        : null;
    await recordAudit(trx, {
      at: closedAt,
      actorPersonId: null,
      actorKind: 'system',
      action: 'ballot.close',
      recordType: 'ballot',
      recordId: ballotId,
      before: { status: 'open', closesAt: ballot.closesAt },
      after: { status: 'closed', outcome, tally: result },
    });
    return entry;
  };

  // Adopted by consensus in the room at the held session (Kyrgyzstan abstained), then in the register.
  const repair = await writeDraft({
    kind: 'recommendation',
    title: 'On the joint repair of air defence systems',
    text: '1. The member states repair their air defence systems at one another’s enterprises at agreed prices.\n2. The secretariat keeps the list of such enterprises.\n',
    direction: 1,
    createdAt: -150,
    revised: {
      at: -135,
      title: 'On the joint repair of air defence systems at the member states’ enterprises',
      text: '1. The member states repair their air defence systems at one another’s enterprises at agreed prices.\n2. The secretariat keeps the list of such enterprises and publishes it each year.\n3. The working group on standardization proposes the common repair documentation.\n',
    },
  });
  const repairBallot = await openOn(repair, { kind: 'consensus' }, c.at(-120, 8), c.at(-120, 10), false);
  const decision = await recordPast(
    repairBallot,
    MEMBER_STATE_CODES.map(
      (s) => [s, s === 'KG' ? 'abstain' : 'for', c.at(-120, 9)] as [MemberStateCode, VoteChoice, string],
    ),
    'room',
    'Minutes of the regular session, item 3',
  );
  if (decision) await governmentResponses(trx, decision.id, c);

  // Rejected by letter: a two-thirds majority was needed and three states were for.
  const prices = await writeDraft({
    kind: 'decision',
    title: 'On a common price list for the disposal of munitions',
    text: 'The member states apply one price list for the disposal of munitions at the enterprises of the joint ventures.\n',
    direction: 2,
    createdAt: -80,
  });
  const pricesBallot = await openOn(
    prices,
    { kind: 'majority', threshold: TWO_THIRDS },
    c.at(-70),
    c.at(-60, 15),
    false,
  );
  await recordPast(
    pricesBallot,
    [
      ['RU', 'for', c.at(-68)],
      ['BY', 'for', c.at(-67)],
      ['KZ', 'against', c.at(-66)],
      ['AM', 'for', c.at(-65)],
      ['KG', 'abstain', c.at(-63)],
      ['TJ', 'against', c.at(-62)],
    ],
    'letter',
    'Letters of the delegations to the secretariat',
  );

  // Open now, by consensus, on the coming session's agenda: four states have voted in chat.
  const exhibitions = await writeDraft({
    kind: 'decision',
    title: 'On the plan of joint exhibitions for the next year',
    text: '1. The member states take part with one stand at the forums in the plan annexed.\n2. The lead state of each forum organizes the stand.\n',
    direction: 5,
    createdAt: -12,
    agendaItemId: c.meetings.itemOfNext(2),
  });
  const exhibitionsBallot = await openOn(exhibitions, { kind: 'consensus' }, c.at(-3), c.at(4, 15), true);
  await voteInChat(exhibitionsBallot, [
    ['RU', 'for', c.at(-3, 10)],
    ['BY', 'for', c.at(-2, 8)],
    ['KZ', 'abstain', c.at(-2, 11)],
    ['AM', 'for', c.at(-1, 7)],
  ]);

  // Under the silence procedure until next week: three states have said "no objection".
  const certification = await writeDraft({
    kind: 'recommendation',
    title: 'On uniform rules for certifying repair enterprises',
    text: 'The member states recognize one another’s certificates of repair enterprises issued under the uniform rules annexed.\n',
    direction: 2,
    createdAt: -9,
    agendaItemId: c.meetings.itemOfNext(3),
  });
  const silenceBallot = await openOn(certification, { kind: 'silence' }, c.at(-2), c.at(5, 15), true);
  await voteInChat(silenceBallot, [
    ['RU', 'for', c.at(-2, 12)],
    ['BY', 'for', c.at(-1, 9)],
    ['TJ', 'for', c.at(-1, 10)],
  ]);

  // Still being written: no ballot yet.
  await writeDraft({
    kind: 'decision',
    title: 'On the long-term plan of military-technical cooperation',
    text: 'The secretariat prepares, with the member states’ ministries, a long-term plan of military-technical cooperation for the next five years.\n',
    direction: 4,
    createdAt: -6,
    agendaItemId: c.meetings.itemOfNext(4),
  });

  return { drafts: 5, ballots: 4, decisions: decision ? 1 : 0, adoptedDraftId: repair.id };
}

/** How the governments answered the adopted recommendation, each change checked as the dashboard checks it. */
async function governmentResponses(
  trx: Trx,
  decisionId: number,
  c: { at: At; day: Day; secretary: number; audit: Audit },
) {
  const changes: ReadonlyArray<[MemberStateCode, ResponseStatus, number, string]> = [
    ['RU', 'sent', -115, ''],
    ['BY', 'sent', -114, ''],
    ['KZ', 'sent', -114, ''],
    ['AM', 'sent', -113, ''],
    ['KG', 'sent', -112, ''],
    ['RU', 'accepted', -100, 'Letter of the Ministry of Industry and Trade'],
    ['BY', 'under-consideration', -95, 'With the State Authority for Military Industry'],
    ['AM', 'accepted', -80, ''],
    ['RU', 'implemented', -30, 'Two repair plants take orders from the member states'],
    ['KZ', 'under-consideration', -25, 'Interagency approval under way'],
  ];
  const current = new Map<MemberStateCode, { status: ResponseStatus; date: string; note: string }>();
  for (const [stateCode, status, days, note] of changes) {
    const next = { status, date: c.day(days), note, correction: false };
    const decision = decideResponseChange(current.get(stateCode) ?? null, next, {
      adoptedOn: c.day(-120),
      today: c.day(0),
    });
    if (!decision.ok) throw new Error(`demo response of ${stateCode}: ${decision.error}`);
    await appendResponse(trx, { decisionId, stateCode, ...next }, c.secretary, c.at(days, 10));
    await c.audit(
      c.at(days, 10),
      'decision.response',
      'decision',
      decisionId,
      { stateCode, ...decision.value },
      current.get(stateCode) ?? null,
    );
    current.set(stateCode, decision.value);
  }
}

async function minutesOfTheFirstSession(
  trx: Trx,
  c: { at: At; secretary: number; audit: Audit; meetingId: number; adoptedDraftId: number },
) {
  const meeting = await findMeetingByIdOrThrow(trx, c.meetingId);
  const heldAt = c.at(-120, 8);
  const held = decideMarkHeld(meeting, heldAt);
  if (!held.ok) throw new Error(`demo session: ${held.error}`);
  const { invitees } = await findMeetingAudience(trx, meeting);
  const answers = new Map((await listRsvps(trx, c.meetingId)).map((r) => [r.personId, r.answer] as const));
  const attendance = attendanceFromAnswers(
    invitees.map((p) => p.id),
    answers,
  );
  await markMeetingHeld(trx, c.meetingId, attendance, c.secretary, heldAt);
  await c.audit(heldAt, 'meeting.held', 'meeting', c.meetingId, {
    heldAt,
    present: attendance.filter((a) => a.present).length,
  });
  // Kazakhstan's alternate came after all; the secretary corrected it by hand.
  const kzAlternate = await trx
    .selectFrom('people')
    .select('id')
    .where('seed_key', '=', 'KZ-alternate')
    .executeTakeFirstOrThrow();
  await correctAttendance(trx, c.meetingId, [{ personId: kzAlternate.id, present: true }]);
  await c.audit(c.at(-120, 12), 'meeting.attendance', 'meeting', c.meetingId, [
    { personId: kzAlternate.id, present: true },
  ]);
  const minutes = {
    summary: 'The session was held under the chairmanship of the head of the Russian delegation.',
    items: [
      { agendaPosition: 1, outcome: 'The agenda was adopted.', draftIds: [] },
      {
        agendaPosition: 2,
        outcome: 'The secretariat’s report was taken note of; two activities are behind schedule.',
        draftIds: [],
      },
      {
        agendaPosition: 3,
        outcome: 'The recommendation was adopted by consensus; Kyrgyzstan abstained.',
        draftIds: [c.adoptedDraftId],
      },
      {
        agendaPosition: 4,
        outcome: 'The working groups reported; the standardization group is to submit its list.',
        draftIds: [],
      },
      { agendaPosition: 5, outcome: 'The next session is to be held in Moscow.', draftIds: [] },
    ],
  };
  await saveMinutes(trx, c.meetingId, minutes, c.at(-119));
  await c.audit(c.at(-119), 'meeting.minutes', 'meeting', c.meetingId, minutes);
  await publishMinutesOnce(trx, c.meetingId, c.at(-118));
  await c.audit(c.at(-118), 'meeting.minutes-publish', 'meeting', c.meetingId, { publishedAt: c.at(-118) });
}

interface PlannedActivity {
  title: string;
  direction: 1 | 2 | 3 | 4 | 5;
  lead: MemberStateCode;
  with: MemberStateCode[];
  start: number;
  end: number;
  status: ActivityStatus;
  progress: number;
  milestones?: Array<{ title: string; day: number; reached?: number }>;
  /** Titles of earlier activities this one waits for. */
  after?: string[];
}

async function programActivities(
  trx: Trx,
  c: {
    programId: number;
    at: At;
    day: Day;
    year: number;
    head: (s: MemberStateCode) => number;
    direction: (p: 1 | 2 | 3 | 4 | 5) => number;
    audit: Audit;
  },
): Promise<number> {
  const plans: PlannedActivity[] = [
    {
      title: 'Joint venture for the repair of armoured vehicles',
      direction: 1,
      lead: 'BY',
      with: ['RU', 'KZ'],
      start: -200,
      end: 160,
      status: 'in-progress',
      progress: 55,
      milestones: [
        { title: 'Founding agreement signed', day: -150, reached: -152 },
        { title: 'First repaired batch delivered', day: 30 },
      ],
    },
    {
      title: 'Modernization of air defence radars',
      direction: 1,
      lead: 'RU',
      with: ['AM', 'BY', 'KZ'],
      start: -250,
      end: -15,
      status: 'in-progress',
      progress: 80,
      milestones: [{ title: 'Test site acceptance', day: -40 }],
    },
    {
      title: 'Model agreement on mutual supplies of spare parts',
      direction: 2,
      lead: 'KZ',
      with: ['RU', 'BY', 'KG'],
      start: -300,
      end: -90,
      status: 'done',
      progress: 100,
      milestones: [{ title: 'Agreement approved by the governments', day: -95, reached: -96 }],
    },
    {
      title: 'Uniform rules for certifying repair enterprises',
      direction: 2,
      lead: 'RU',
      with: ['AM', 'BY', 'KZ', 'KG', 'TJ'],
      start: -85,
      end: 120,
      status: 'in-progress',
      progress: 40,
      after: ['Model agreement on mutual supplies of spare parts'],
    },
    {
      title: 'Catalogue of unified components',
      direction: 3,
      lead: 'KZ',
      with: ['RU', 'BY'],
      start: -180,
      end: 20,
      status: 'in-progress',
      progress: 60,
      milestones: [{ title: 'Draft catalogue to the working group', day: 10 }],
    },
    {
      title: 'Harmonized standards for small-arms ammunition',
      direction: 3,
      lead: 'BY',
      with: ['RU', 'TJ'],
      start: -220,
      end: -40,
      status: 'delayed',
      progress: 45,
      milestones: [{ title: 'National standards compared', day: -100 }],
    },
    {
      title: `Long-term plan of military-technical cooperation to ${c.year + 4}`,
      direction: 4,
      lead: 'RU',
      with: ['AM', 'BY', 'KZ', 'KG', 'TJ'],
      start: -60,
      end: 300,
      status: 'in-progress',
      progress: 15,
      milestones: [{ title: 'The states’ procurement plans collected', day: 90 }],
    },
    {
      title: 'Survey of the member states’ procurement plans',
      direction: 4,
      lead: 'TJ',
      with: ['KG', 'KZ'],
      start: 30,
      end: 120,
      status: 'planned',
      progress: 0,
    },
    {
      title: 'Joint stand at the ARMY international forum',
      direction: 5,
      lead: 'RU',
      with: ['AM', 'BY', 'KZ', 'KG', 'TJ'],
      start: -160,
      end: -130,
      status: 'done',
      progress: 100,
      milestones: [{ title: 'Stand opened', day: -140, reached: -140 }],
    },
    {
      title: 'Joint exhibition calendar for the next year',
      direction: 5,
      lead: 'AM',
      with: ['KG', 'RU'],
      start: -30,
      end: 60,
      status: 'in-progress',
      progress: 30,
    },
    {
      title: 'Online catalogue of the defence industries’ exhibits',
      direction: 5,
      lead: 'KG',
      with: ['KZ', 'TJ'],
      start: -90,
      end: -10,
      status: 'in-progress',
      progress: 70,
    },
  ];
  const program = {
    periodStart: `${c.year - 1}-01-01`,
    periodEnd: `${c.year + 4}-12-31`,
  };
  const idOf = new Map<string, number>();
  for (const plan of plans) {
    const milestones: Milestone[] = (plan.milestones ?? []).map((m) => ({
      title: m.title,
      date: c.day(m.day),
      reachedAt: m.reached === undefined ? null : c.at(m.reached),
    }));
    const fields = {
      title: plan.title,
      description: '',
      directionId: c.direction(plan.direction),
      leadState: plan.lead,
      participatingStates: plan.with,
      responsiblePersonIds: [c.head(plan.lead)],
      start: c.day(plan.start),
      end: c.day(plan.end),
      status: plan.status,
      progress: plan.progress,
      milestones,
      dependsOn: (plan.after ?? []).map((title) => idOf.get(title) ?? 0),
    };
    const others = await listActivities(trx, c.programId);
    const { issues } = checkActivity(program, { id: 0, ...fields }, others);
    if (issues.length > 0)
      throw new Error(`demo activity ${plan.title}: ${issues.map((i) => i.code).join(', ')}`);
    const createdAt = c.at(Math.min(plan.start, -1) - 10);
    const id = await insertActivity(trx, c.programId, fields, createdAt);
    await c.audit(createdAt, 'activity.create', 'activity', id, fields);
    idOf.set(plan.title, id);
  }
  return plans.length;
}
