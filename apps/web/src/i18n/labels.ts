import type {
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
  member: 'role.member',
  observer: 'role.observer',
} as const satisfies Record<Role, MessageKey>;

export const REPRESENTATION_LABELS = {
  head: 'representation.head',
  representative: 'representation.representative',
  alternate: 'representation.alternate',
} as const satisfies Record<RepresentationKind, MessageKey>;

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
} as const satisfies Record<MessageKind, MessageKey>;

/** The label of an outbox message's kind (the API sends it as a plain string); undefined for a kind this build does not know. */
export const messageKindLabel = (kind: string): MessageKey | undefined =>
  Object.hasOwn(MESSAGE_KIND_LABELS, kind) ? MESSAGE_KIND_LABELS[kind as MessageKind] : undefined;
