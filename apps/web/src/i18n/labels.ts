import type { ImportIssueCode } from '@accord/api';
import type {
  ActivityIssue,
  ActivityStatus,
  BallotOutcome,
  BallotRule,
  DeliveryState,
  DraftKind,
  DraftStatus,
  MeetingKind,
  MeetingStatus,
  MessageKind,
  OutboxState,
  ReportSectionKey,
  ReportStatus,
  RepresentationKind,
  ResponseStatus,
  Role,
  SchemaCheckCode,
  SignOffState,
  VoteChoice,
} from '@accord/domain';
import type { FieldIssue } from '../api';
import { fractionText } from '../lib/ballots';
import type { MessageKey } from './en';
import type { MessageVars } from './format';

/** Dictionary keys for the domain's names. Each `Record` over a domain type fails the typecheck when the domain adds a value. */
export const MEETING_KIND_LABELS = {
  regular: 'kind.regular',
  extraordinary: 'kind.extraordinary',
  working_group: 'kind.working_group',
  conference: 'kind.conference',
} as const satisfies Record<MeetingKind, MessageKey>;

/** The meeting kinds in the domain's order (a copy: importing the domain's constant would bundle zod and luxon). */
export const MEETING_KINDS = [
  'regular',
  'extraordinary',
  'working_group',
  'conference',
] as const satisfies readonly MeetingKind[];

export const MEETING_STATUS_LABELS = {
  draft: 'status.draft',
  notified: 'status.notified',
  cancelled: 'status.cancelled',
} as const satisfies Record<MeetingStatus, MessageKey>;

export const DELIVERY_LABELS = {
  pending: 'delivery.pending',
  sent: 'delivery.sent',
  failed: 'delivery.failed',
  not_linked: 'delivery.not_linked',
  unreachable: 'delivery.unreachable',
} as const satisfies Record<DeliveryState, MessageKey>;

export const ROLE_LABELS = {
  admin: 'role.admin',
  secretary: 'role.secretary',
  chairman: 'role.chairman',
  deputy: 'role.deputy',
  member: 'role.member',
  observer: 'role.observer',
} as const satisfies Record<Role, MessageKey>;

/** The roles an admin assigns, in the domain's order (`deputy` follows from the chairman naming one). */
export const ASSIGNABLE_ROLES = [
  'admin',
  'secretary',
  'chairman',
  'member',
  'observer',
] as const satisfies readonly Role[];

export const REPRESENTATION_LABELS = {
  head: 'representation.head',
  representative: 'representation.representative',
  alternate: 'representation.alternate',
} as const satisfies Record<RepresentationKind, MessageKey>;

/** The seats a person can hold for a state, in the domain's order. */
export const REPRESENTATION_KINDS = [
  'head',
  'representative',
  'alternate',
] as const satisfies readonly RepresentationKind[];

export const OUTBOX_STATE_LABELS = {
  pending: 'outbox.pending',
  sending: 'outbox.sending',
  sent: 'outbox.sent',
  failed: 'outbox.failed',
} as const satisfies Record<OutboxState, MessageKey>;

/** The outbox states in the order a message passes through them. */
export const OUTBOX_STATES = [
  'pending',
  'sending',
  'sent',
  'failed',
] as const satisfies readonly OutboxState[];

const MESSAGE_KIND_LABELS = {
  'meeting-notice': 'messageKind.meeting-notice',
  'meeting-updated': 'messageKind.meeting-updated',
  'meeting-cancelled': 'messageKind.meeting-cancelled',
  'person-unreachable': 'messageKind.person-unreachable',
  'reminder-digest': 'messageKind.reminder-digest',
  'task-assigned': 'messageKind.task-assigned',
  'task-done': 'messageKind.task-done',
  'extension-requested': 'messageKind.extension-requested',
  'extension-decided': 'messageKind.extension-decided',
  'ballot-opened': 'messageKind.ballot-opened',
  'ballot-text': 'messageKind.ballot-text',
  'ballot-tally': 'messageKind.ballot-tally',
  'ballot-extended': 'messageKind.ballot-extended',
  'ballot-nudge': 'messageKind.ballot-nudge',
  'ballot-closed': 'messageKind.ballot-closed',
  'activity-reported': 'messageKind.activity-reported',
  'meeting-minutes': 'messageKind.meeting-minutes',
  'sign-off-requested': 'messageKind.sign-off-requested',
  'sign-off-decided': 'messageKind.sign-off-decided',
} as const satisfies Record<MessageKind, MessageKey>;

/** The label of an outbox message's kind (the API sends it as a plain string); undefined for a kind this build does not know. */
export const messageKindLabel = (kind: string): MessageKey | undefined =>
  Object.hasOwn(MESSAGE_KIND_LABELS, kind) ? MESSAGE_KIND_LABELS[kind as MessageKind] : undefined;

/** What the audit log's actions are called; the log is open-ended, so an action not listed here is shown as written. */
const AUDIT_ACTION_LABELS = {
  'meeting.create': 'auditAction.meeting.create',
  'meeting.update': 'auditAction.meeting.update',
  'meeting.notify': 'auditAction.meeting.notify',
  'meeting.cancel': 'auditAction.meeting.cancel',
  'meeting.rsvp': 'auditAction.meeting.rsvp',
  'person.create': 'auditAction.person.create',
  'person.update': 'auditAction.person.update',
  'person.invite': 'auditAction.person.invite',
  'person.link-telegram': 'auditAction.person.link-telegram',
  'person.unreachable': 'auditAction.person.unreachable',
  'person.deactivate': 'auditAction.person.deactivate',
  'session.login-link': 'auditAction.session.login-link',
  'session.sign-in': 'auditAction.session.sign-in',
  'session.sign-out-everywhere': 'auditAction.session.sign-out-everywhere',
  'commission.deputy': 'auditAction.commission.deputy',
  'commission.sign-offs': 'auditAction.commission.sign-offs',
  'outbox.resend': 'auditAction.outbox.resend',
  'decision.register': 'auditAction.decision.register',
  'decision.response': 'auditAction.decision.response',
  'draft.create': 'auditAction.draft.create',
  'draft.version': 'auditAction.draft.version',
  'draft.withdraw': 'auditAction.draft.withdraw',
  'ballot.open': 'auditAction.ballot.open',
  'vote.record': 'auditAction.vote.record',
  'ballot.extend': 'auditAction.ballot.extend',
  'ballot.nudge': 'auditAction.ballot.nudge',
  'ballot.close': 'auditAction.ballot.close',
  'program.create': 'auditAction.program.create',
  'program.update': 'auditAction.program.update',
  'program.direction-add': 'auditAction.program.direction-add',
  'program.baseline': 'auditAction.program.baseline',
  'sandbox-chat.message': 'auditAction.sandbox-chat.message',
  'sandbox-chat.press': 'auditAction.sandbox-chat.press',
  'activity.create': 'auditAction.activity.create',
  'activity.update': 'auditAction.activity.update',
  'activity.delete': 'auditAction.activity.delete',
  'report.create': 'auditAction.report.create',
  'report.edit': 'auditAction.report.edit',
  'report.refresh': 'auditAction.report.refresh',
  'demo.fill': 'auditAction.demo.fill',
  'sign-off.request': 'auditAction.sign-off.request',
  'sign-off.approve': 'auditAction.sign-off.approve',
  'sign-off.request-changes': 'auditAction.sign-off.request-changes',
  'sign-off.refused': 'auditAction.sign-off.refused',
  'report.submit': 'auditAction.report.submit',
} as const satisfies Record<string, MessageKey>;

/** The audit actions this build knows, for the filter. */
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as ReadonlyArray<
  keyof typeof AUDIT_ACTION_LABELS
>;

export const auditActionLabel = (action: string): MessageKey | undefined =>
  Object.hasOwn(AUDIT_ACTION_LABELS, action)
    ? AUDIT_ACTION_LABELS[action as keyof typeof AUDIT_ACTION_LABELS]
    : undefined;

const AUDIT_RECORD_LABELS = {
  meeting: 'auditRecord.meeting',
  person: 'auditRecord.person',
  commission: 'auditRecord.commission',
  outbox: 'auditRecord.outbox',
  decision: 'auditRecord.decision',
  draft: 'auditRecord.draft',
  ballot: 'auditRecord.ballot',
  program: 'auditRecord.program',
  activity: 'auditRecord.activity',
  report: 'auditRecord.report',
  'sandbox-chat': 'auditRecord.sandbox-chat',
} as const satisfies Record<string, MessageKey>;

/** The kinds of record audit events are about, for the filter. */
export const AUDIT_RECORD_TYPES = Object.keys(AUDIT_RECORD_LABELS) as ReadonlyArray<
  keyof typeof AUDIT_RECORD_LABELS
>;

export const auditRecordLabel = (recordType: string): MessageKey | undefined =>
  Object.hasOwn(AUDIT_RECORD_LABELS, recordType)
    ? AUDIT_RECORD_LABELS[recordType as keyof typeof AUDIT_RECORD_LABELS]
    : undefined;

export const DECISION_KIND_LABELS = {
  recommendation: 'decisionKind.recommendation',
  decision: 'decisionKind.decision',
} as const satisfies Record<DraftKind, MessageKey>;

export const RESPONSE_STATUS_LABELS = {
  sent: 'response.sent',
  'under-consideration': 'response.under-consideration',
  accepted: 'response.accepted',
  implemented: 'response.implemented',
} as const satisfies Record<ResponseStatus, MessageKey>;

export const VOTE_LABELS = {
  for: 'vote.for',
  against: 'vote.against',
  abstain: 'vote.abstain',
} as const satisfies Record<VoteChoice, MessageKey>;
export const DRAFT_KIND_LABELS = {
  recommendation: 'draftKind.recommendation',
  decision: 'draftKind.decision',
} as const satisfies Record<DraftKind, MessageKey>;

/** The draft kinds in the domain's order. */
export const DRAFT_KINDS = ['recommendation', 'decision'] as const satisfies readonly DraftKind[];

export const DRAFT_STATUS_LABELS = {
  draft: 'draftStatus.draft',
  voting: 'draftStatus.voting',
  adopted: 'draftStatus.adopted',
  rejected: 'draftStatus.rejected',
  withdrawn: 'draftStatus.withdrawn',
} as const satisfies Record<DraftStatus, MessageKey>;

export const BALLOT_STATUS_LABELS = {
  open: 'ballotStatus.open',
  closed: 'ballotStatus.closed',
} as const satisfies Record<'open' | 'closed', MessageKey>;

export const OUTCOME_LABELS = {
  adopted: 'outcome.adopted',
  'not-adopted': 'outcome.not-adopted',
} as const satisfies Record<BallotOutcome, MessageKey>;

export const RULE_LABELS = {
  consensus: 'rule.consensus',
  majority: 'rule.majority',
  silence: 'rule.silence',
} as const satisfies Record<BallotRule['kind'], MessageKey>;

/** How a vote reached the record: the bot, the room, or an official letter. */
export const CHANNEL_LABELS = {
  telegram: 'channel.telegram',
  room: 'channel.room',
  letter: 'channel.letter',
} as const satisfies Record<string, MessageKey>;

export const REMARK_LABELS = {
  comment: 'remark.comment',
  reservation: 'remark.reservation',
} as const satisfies Record<'comment' | 'reservation', MessageKey>;

type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** A choice as the rule names it: under the silence procedure "for" is "no objection", "against" is "objection". */
export const choiceLabel = (t: Translate, rule: Pick<BallotRule, 'kind'>, choice: VoteChoice): string =>
  rule.kind === 'silence'
    ? t(choice === 'against' ? 'choice.objection' : 'choice.noObjection')
    : t(`choice.${choice}`);

/** A vote's channel in the reader's language (the API sends it as a plain string); an unknown one as written. */
export const channelText = (t: Translate, channel: string): string =>
  Object.hasOwn(CHANNEL_LABELS, channel)
    ? t(CHANNEL_LABELS[channel as keyof typeof CHANNEL_LABELS])
    : channel;

/** The rule as people say it: "Majority (more than 1/2)", "Consensus". */
export const ruleText = (t: Translate, rule: BallotRule): string =>
  rule.kind === 'majority'
    ? `${t(RULE_LABELS.majority)} (${fractionText(rule.threshold, t('tally.moreThan'))})`
    : t(RULE_LABELS[rule.kind]);
/** What an activity's status is called. */
export const ACTIVITY_STATUS_LABELS = {
  planned: 'activityStatus.planned',
  'in-progress': 'activityStatus.in-progress',
  done: 'activityStatus.done',
  delayed: 'activityStatus.delayed',
  cancelled: 'activityStatus.cancelled',
} as const satisfies Record<ActivityStatus, MessageKey>;

export const ACTIVITY_STATUSES = Object.keys(ACTIVITY_STATUS_LABELS) as ReadonlyArray<ActivityStatus>;

/** An activity's fields as its form names them, for its history. */
const ACTIVITY_FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  title: 'activity.title',
  description: 'activity.description',
  directionId: 'activity.direction',
  leadState: 'activity.leadState',
  participatingStates: 'activity.participants',
  responsiblePersonIds: 'activity.responsible',
  start: 'activity.start',
  end: 'activity.end',
  status: 'activity.status',
  progress: 'activity.progress',
  milestones: 'activity.milestones',
  dependsOn: 'activity.dependsOn',
};

export const activityFieldLabel = (field: string): MessageKey | undefined =>
  Object.hasOwn(ACTIVITY_FIELD_LABELS, field) ? ACTIVITY_FIELD_LABELS[field] : undefined;

export const activityStatusLabel = (status: string): MessageKey | undefined =>
  Object.hasOwn(ACTIVITY_STATUS_LABELS, status)
    ? ACTIVITY_STATUS_LABELS[status as ActivityStatus]
    : undefined;

const ACTIVITY_ISSUE_LABELS = {
  EndBeforeStart: 'issue.EndBeforeStart',
  OutsideProgram: 'issue.OutsideProgram',
  MilestoneOutsideActivity: 'issue.MilestoneOutsideActivity',
  DependencyCycle: 'issue.DependencyCycle',
  UnknownDependency: 'issue.UnknownDependency',
  DependsOnItself: 'issue.DependsOnItself',
} as const satisfies Record<ActivityIssue['code'], MessageKey>;

/** The dictionary's text for an activity check's code; undefined for anything else. */
const activityIssueLabel = (code: string): MessageKey | undefined =>
  Object.hasOwn(ACTIVITY_ISSUE_LABELS, code)
    ? ACTIVITY_ISSUE_LABELS[code as ActivityIssue['code']]
    : undefined;

/**
 * The schema's checks a field can fail, by zod's code and the kind of value. A format (a pattern,
 * a refinement) is left to the API's words: the domain wrote them to say what is expected there.
 */
const fieldIssueKey = (issue: FieldIssue): MessageKey | undefined => {
  const many = issue.origin === 'array' || issue.origin === 'set';
  const text = issue.origin === 'string';
  if (issue.code === 'too_small')
    return text
      ? issue.limit !== undefined && issue.limit <= 1
        ? 'field.required'
        : 'field.tooShort'
      : many
        ? 'field.tooFew'
        : 'field.atLeast';
  if (issue.code === 'too_big') return text ? 'field.tooLong' : many ? 'field.tooMany' : 'field.atMost';
  if (issue.code === 'invalid_type' || issue.code === 'invalid_value') return 'field.invalid';
  return undefined;
};

/** The schemas' own checks a form can meet, by the code they give as their message. */
const SCHEMA_CHECK_LABELS = {
  EndBeforeStart: 'issue.EndBeforeStart',
  ProgramCode: 'issue.ProgramCode',
  NoSuchLocalTime: 'issue.NoSuchLocalTime',
  FractionAboveOne: 'issue.FractionAboveOne',
} as const satisfies Record<SchemaCheckCode, MessageKey>;

/**
 * The dictionary's text for a field's problem: a domain check by its code (the API sends it as the
 * message), else the schema's check by zod's code; undefined leaves the API's own words.
 */
export const fieldIssueLabel = (issue: FieldIssue): MessageKey | undefined =>
  activityIssueLabel(issue.message) ??
  (Object.hasOwn(SCHEMA_CHECK_LABELS, issue.message)
    ? SCHEMA_CHECK_LABELS[issue.message as SchemaCheckCode]
    : fieldIssueKey(issue));

/** The activities import's own refusals (the domain's checks are above). */
const IMPORT_ISSUE_LABELS = {
  unreadable: 'import.issue.unreadable',
  missing_column: 'import.issue.missing_column',
  unknown_activity: 'import.issue.unknown_activity',
  unknown_direction: 'import.issue.unknown_direction',
  unknown_person: 'import.issue.unknown_person',
  invalid: 'import.issue.invalid',
} as const satisfies Record<Exclude<ImportIssueCode, ActivityIssue['code']>, MessageKey>;

/** What a cell of each column must hold, for a cell refused as `invalid`. */
const IMPORT_COLUMN_FORMATS: Readonly<Record<string, MessageKey>> = {
  title: 'import.format.title',
  description: 'import.format.description',
  lead_state: 'import.format.lead_state',
  participating_states: 'import.format.participating_states',
  responsible_person_ids: 'import.format.responsible_person_ids',
  start: 'import.format.date',
  end: 'import.format.date',
  status: 'import.format.status',
  progress: 'import.format.progress',
  milestones: 'import.format.milestones',
  depends_on: 'import.format.depends_on',
};

/**
 * The dictionary's text for a refused cell of an activities file: what its column must hold, the
 * import's own reason, or the domain check's; undefined for a code this dashboard does not know.
 */
export const importIssueLabel = (error: { column: string; code: string }): MessageKey | undefined => {
  if (error.code === 'invalid' && Object.hasOwn(IMPORT_COLUMN_FORMATS, error.column))
    return IMPORT_COLUMN_FORMATS[error.column];
  return Object.hasOwn(IMPORT_ISSUE_LABELS, error.code)
    ? IMPORT_ISSUE_LABELS[error.code as keyof typeof IMPORT_ISSUE_LABELS]
    : activityIssueLabel(error.code);
};

/** The annual report's statuses (the approval flow moves it through them). */
export const REPORT_STATUS_LABELS = {
  draft: 'reportStatus.draft',
  'awaiting-approval': 'reportStatus.awaiting-approval',
  'changes-requested': 'reportStatus.changes-requested',
  approved: 'reportStatus.approved',
  submitted: 'reportStatus.submitted',
} as const satisfies Record<ReportStatus, MessageKey>;

/** The annual report's sections. */
export const REPORT_SECTION_LABELS = {
  meetings: 'reportSection.meetings',
  decisions: 'reportSection.decisions',
  programs: 'reportSection.programs',
  'working-groups': 'reportSection.working-groups',
  overdue: 'reportSection.overdue',
} as const satisfies Record<ReportSectionKey, MessageKey>;

/** What a sign-off's state is called on the dashboard. */
export const SIGN_OFF_STATE_LABELS = {
  requested: 'signOffState.requested',
  approved: 'signOffState.approved',
  'changes-requested': 'signOffState.changes-requested',
  superseded: 'signOffState.superseded',
} as const satisfies Record<SignOffState, MessageKey>;
