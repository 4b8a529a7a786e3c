import { query, redirect, revalidate } from '@solidjs/router';
import { client, isApiError, unwrap } from './api';
import type { AuditQuery } from './lib/audit';

/** What a query resolves to. (`ReturnType` gives `any` for the router's `(...args: never[]) => …` signature.) */
type Loaded<F> = F extends (...args: never[]) => Promise<infer T> ? T : never;

/** Where a signed-out visitor is sent; `next` brings them back afterwards. */
export const signInPath = (next?: string): string =>
  next && next !== '/' && !next.startsWith('/sign-in') && !next.startsWith('/login')
    ? `/sign-in?next=${encodeURIComponent(next)}`
    : '/sign-in';

/** Runs a read; a 401 (the session ended) forgets the cached session and goes to the sign-in page. */
async function signedInRead<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      void revalidate(getSession.key);
      throw redirect(signInPath(window.location.pathname + window.location.search));
    }
    throw error;
  }
}

/** Who is signed in (or null) and whether the development sign-in exists. */
export const getSession = query(() => unwrap(client.api.session.$get()), 'session');

export type Session = Loaded<typeof getSession>;
export type SessionPerson = NonNullable<Session['person']>;

export const getDevPeople = query(
  async () => (await unwrap(client.api.session['dev-people'].$get())).people,
  'dev-people',
);

export const getMeetings = query(
  () => signedInRead(async () => (await unwrap(client.api.meetings.$get())).meetings),
  'meetings',
);
export type MeetingView = Loaded<typeof getMeetings>[number];

export const getMeeting = query(
  (id: string) => signedInRead(() => unwrap(client.api.meetings[':id'].$get({ param: { id } }))),
  'meeting',
);
export type MeetingDetail = Loaded<typeof getMeeting>;
export type AttendanceView = MeetingDetail['attendance'][number];

export const getPeople = query(
  () => signedInRead(async () => (await unwrap(client.api.people.$get())).people),
  'people',
);
export type PersonView = Loaded<typeof getPeople>[number];

export const getStates = query(
  () => signedInRead(async () => (await unwrap(client.api.states.$get())).states),
  'states',
);
export type StateView = Loaded<typeof getStates>[number];

export const getFailedOutbox = query(
  () => signedInRead(() => unwrap(client.api.outbox.$get({ query: { state: 'failed' } }))),
  'outbox-failed',
);
export type OutboxView = Loaded<typeof getFailedOutbox>;
export type OutboxMessageView = OutboxView['messages'][number];

/** The commission's settings, among them who the chairman's deputy is. */
export const getCommission = query(
  () => signedInRead(() => unwrap(client.api.commission.$get())),
  'commission',
);
export type CommissionView = Loaded<typeof getCommission>;

/** A meeting's agenda or a draft and the chairman: where it stands now and every request with its answer. */
export const getItemSignOffs = query(
  (kind: 'agenda' | 'draft', id: string) =>
    signedInRead(() =>
      unwrap(
        kind === 'agenda'
          ? client.api['sign-offs'].agenda[':id'].$get({ param: { id } })
          : client.api['sign-offs'].draft[':id'].$get({ param: { id } }),
      ),
    ),
  'item-sign-offs',
);
export type ItemSignOffsView = Loaded<typeof getItemSignOffs>;

/** The newest audit events matching the filters (the API's `from`/`to` are ISO instants). */
export const getAudit = query(
  (filters: AuditQuery & { limit?: string }) =>
    signedInRead(async () => (await unwrap(client.api.audit.$get({ query: filters }))).events),
  'audit',
);
export type AuditEventView = Loaded<typeof getAudit>[number];

export const getWorkingGroups = query(
  () => signedInRead(async () => (await unwrap(client.api['working-groups'].$get())).groups),
  'working-groups',
);
export type WorkingGroupView = Loaded<typeof getWorkingGroups>[number];

export const getWorkingGroup = query(
  (id: string) => signedInRead(() => unwrap(client.api['working-groups'][':id'].$get({ param: { id } }))),
  'working-group',
);
export type WorkingGroupDetail = Loaded<typeof getWorkingGroup>;

/** Meetings held or scheduled this year against the statute's minimum. */
export const getRhythm = query(
  () => signedInRead(() => unwrap(client.api.commission.rhythm.$get({ query: {} }))),
  'rhythm',
);

/** The register of adopted recommendations and decisions, with the governments' responses. */
export const getDecisions = query(
  () => signedInRead(async () => (await unwrap(client.api.decisions.$get())).decisions),
  'decisions',
);
export type DecisionView = Loaded<typeof getDecisions>[number];
export type ResponseView = DecisionView['responses'][number];
export const getDrafts = query(
  () => signedInRead(async () => (await unwrap(client.api.drafts.$get())).drafts),
  'drafts',
);
export type DraftView = Loaded<typeof getDrafts>[number];

/** A draft with its versions and the ballots held on it. */
export const getDraft = query(
  (id: string) => signedInRead(() => unwrap(client.api.drafts[':id'].$get({ param: { id } }))),
  'draft',
);
export type DraftDetail = Loaded<typeof getDraft>;

/** What a draft can be tied to: the program directions and the agenda items of meetings not cancelled. */
export const getDraftChoices = query(
  () => signedInRead(() => unwrap(client.api.drafts.choices.$get())),
  'draft-choices',
);
export type DraftChoices = Loaded<typeof getDraftChoices>;

/** What changed between two versions of a draft. */
export const getDraftDiff = query(
  (id: string, from: string, to: string) =>
    signedInRead(() => unwrap(client.api.drafts[':id'].diff.$get({ param: { id }, query: { from, to } }))),
  'draft-diff',
);
export type DraftDiff = Loaded<typeof getDraftDiff>;

export const getBallots = query(
  () => signedInRead(async () => (await unwrap(client.api.ballots.$get())).ballots),
  'ballots',
);
export type BallotSummaryView = Loaded<typeof getBallots>[number];

/** A ballot as the reader may see it (the same snapshot its live stream pushes). */
export const getBallot = query(
  (id: string) => signedInRead(() => unwrap(client.api.ballots[':id'].$get({ param: { id } }))),
  'ballot',
);
export type BallotDetail = Loaded<typeof getBallot>;

/**
 * A ballot as the API and its live stream send it. `remarkKind` and `voterSnapshot` are agreed with
 * the API but may not be sent yet: both are optional here.
 */
export type BallotSnapshot = Omit<BallotDetail, 'ballot' | 'votes'> & {
  ballot: BallotDetail['ballot'] & {
    voterSnapshot?: Array<{ stateCode: string; people: Array<{ id: number; name: string }> }> | null;
  };
  votes: Array<BallotDetail['votes'][number] & { remarkKind?: 'comment' | 'reservation' | null }>;
};
export type VoteRow = BallotSnapshot['votes'][number];
export const getPrograms = query(
  () => signedInRead(async () => (await unwrap(client.api.programs.$get())).programs),
  'programs',
);
export type ProgramView = Loaded<typeof getPrograms>[number];

/** A program with its directions, every activity, and the summary (progress, overdue, at risk). */
export const getProgram = query(
  (id: string) => signedInRead(() => unwrap(client.api.programs[':id'].$get({ param: { id } }))),
  'program',
);
export type ProgramDetail = Loaded<typeof getProgram>;
export type ActivityView = ProgramDetail['activities'][number];

/** One activity and its audit history. */
export const getActivity = query(
  (id: string, activityId: string) =>
    signedInRead(() =>
      unwrap(client.api.programs[':id'].activities[':activityId'].$get({ param: { id, activityId } })),
    ),
  'activity',
);
export type ActivityDetail = Loaded<typeof getActivity>;

export const getPlanVsActual = query(
  (id: string) =>
    signedInRead(() => unwrap(client.api.programs[':id']['plan-vs-actual'].$get({ param: { id } }))),
  'plan-vs-actual',
);

/** What one state leads, takes part in, and has overdue in a program. */
export const getStatePart = query(
  (id: string, code: StateView['code']) =>
    signedInRead(() => unwrap(client.api.programs[':id'].states[':code'].$get({ param: { id, code } }))),
  'state-part',
);

/**
 * The reads a change to a program's activities leaves stale: the program (its timeline and
 * summary), the plan against today's dates and a state's part. Read again together.
 */
export const PROGRAM_ACTIVITY_READS = [getProgram.key, getPlanVsActual.key, getStatePart.key];

/** What was recorded of a meeting: held or not, attendance, the minutes and whether they were sent. */
export const getMeetingRecord = query(
  (id: string) =>
    signedInRead(
      async () => (await unwrap(client.api.meetings[':id'].record.$get({ param: { id } }))).record,
    ),
  'meeting-record',
);
export type MeetingRecordView = Loaded<typeof getMeetingRecord>;

/** What else serves a program's directions: adopted decisions and working groups' tasks. */
export const getProgramRelated = query(
  (id: string) => signedInRead(() => unwrap(client.api.programs[':id'].related.$get({ param: { id } }))),
  'program-related',
);

/** Every year's annual report, latest year first. */
export const getReports = query(
  () => signedInRead(async () => (await unwrap(client.api.reports.$get())).reports),
  'reports',
);
export type ReportSummaryView = Loaded<typeof getReports>[number];

/** A year's report with its current version's sections and the sign-offs asked on it. */
export const getReport = query(
  (year: string) => signedInRead(() => unwrap(client.api.reports[':year'].$get({ param: { year } }))),
  'report',
);
export type ReportDetail = Loaded<typeof getReport>;
export type ReportSectionView = NonNullable<ReportDetail['version']>['sections'][number];

export const getReportVersions = query(
  (year: string) =>
    signedInRead(
      async () => (await unwrap(client.api.reports[':year'].versions.$get({ param: { year } }))).versions,
    ),
  'report-versions',
);
export type ReportVersionView = Loaded<typeof getReportVersions>[number];

/** What changed, section by section, between two versions of a report. */
export const getReportDiff = query(
  (year: string, from: string, to: string) =>
    signedInRead(() =>
      unwrap(client.api.reports[':year'].diff.$get({ param: { year }, query: { from, to } })),
    ),
  'report-diff',
);
export type ReportDiffView = Loaded<typeof getReportDiff>;
/** The sandbox's chats: each linked person's private chat with the bot and the commission's group. */
export const getSandboxChats = query(
  () => signedInRead(async () => (await unwrap(client.api['sandbox-chats'].$get())).chats),
  'sandbox-chats',
);
export type SandboxChatSummary = Loaded<typeof getSandboxChats>[number];

/** One sandbox chat as it looks now (edits applied); its live stream pushes the same shape. */
export const getSandboxChat = query(
  (chatId: string) =>
    signedInRead(() => unwrap(client.api['sandbox-chats'][':chatId'].$get({ param: { chatId } }))),
  'sandbox-chat',
);
export type SandboxChatView = Loaded<typeof getSandboxChat>;
export type SandboxMessageView = SandboxChatView['messages'][number];
