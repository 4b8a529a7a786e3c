import type {
  ActivityIssue,
  ActivityStatus,
  DeliveryState,
  MeetingKind,
  MeetingStatus,
  MessageKind,
  OutboxState,
  RepresentationKind,
  Role,
} from '@accord/domain';
import type { MessageKey } from './en';

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
  'outbox.resend': 'auditAction.outbox.resend',
  'program.create': 'auditAction.program.create',
  'program.update': 'auditAction.program.update',
  'program.direction-add': 'auditAction.program.direction-add',
  'program.baseline': 'auditAction.program.baseline',
  'activity.create': 'auditAction.activity.create',
  'activity.update': 'auditAction.activity.update',
  'activity.delete': 'auditAction.activity.delete',
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
  program: 'auditRecord.program',
  activity: 'auditRecord.activity',
} as const satisfies Record<string, MessageKey>;

/** The kinds of record audit events are about, for the filter. */
export const AUDIT_RECORD_TYPES = Object.keys(AUDIT_RECORD_LABELS) as ReadonlyArray<
  keyof typeof AUDIT_RECORD_LABELS
>;

export const auditRecordLabel = (recordType: string): MessageKey | undefined =>
  Object.hasOwn(AUDIT_RECORD_LABELS, recordType)
    ? AUDIT_RECORD_LABELS[recordType as keyof typeof AUDIT_RECORD_LABELS]
    : undefined;

/** What an activity's status is called. */
export const ACTIVITY_STATUS_LABELS = {
  planned: 'activityStatus.planned',
  'in-progress': 'activityStatus.in-progress',
  done: 'activityStatus.done',
  delayed: 'activityStatus.delayed',
  cancelled: 'activityStatus.cancelled',
} as const satisfies Record<ActivityStatus, MessageKey>;

export const ACTIVITY_STATUSES = Object.keys(ACTIVITY_STATUS_LABELS) as ReadonlyArray<ActivityStatus>;

const ACTIVITY_ISSUE_LABELS = {
  EndBeforeStart: 'issue.EndBeforeStart',
  OutsideProgram: 'issue.OutsideProgram',
  MilestoneOutsideActivity: 'issue.MilestoneOutsideActivity',
  DependencyCycle: 'issue.DependencyCycle',
  UnknownDependency: 'issue.UnknownDependency',
  DependsOnItself: 'issue.DependsOnItself',
} as const satisfies Record<ActivityIssue['code'], MessageKey>;

/** The dictionary's text for a domain check's code in a 400's details; undefined for a schema's own message. */
export const activityIssueLabel = (code: string): MessageKey | undefined =>
  Object.hasOwn(ACTIVITY_ISSUE_LABELS, code)
    ? ACTIVITY_ISSUE_LABELS[code as ActivityIssue['code']]
    : undefined;
