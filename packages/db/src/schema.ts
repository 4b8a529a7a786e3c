import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type { Selectable };

/** Times are ISO 8601 UTC strings ("2027-03-15T07:00:00.000Z"): they sort as they compare. */
type Instant = string;
/** JSON stored as text; parsed by the queries that read it. */
type Json = string;

export interface MemberStatesTable {
  code: string;
  name_ru: string;
  name_en: string;
  time_zone: string;
  sort_order: number;
}

export interface CommissionTable {
  id: number;
  name_ru: string;
  name_en: string;
  decision_rule: string;
  quorum_numerator: number;
  quorum_denominator: number;
  min_meetings_per_year: number;
  report_due_month_day: string;
  group_chat_id: number | null;
  /** The person the chairman named to sign off in the chairman's absence. */
  deputy_person_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** JSON: the escalation ladder's steps (LadderStep[]). */
  escalation_ladder: ColumnType<string, string | undefined, string>;
  /** 1 when a meeting's agenda needs the chairman's sign-off before its notices go out. */
  sign_off_agendas: ColumnType<number, number | undefined, number>;
  /** 1 when a draft's version needs the chairman's sign-off before a ballot is opened on it. */
  sign_off_drafts: ColumnType<number, number | undefined, number>;
  updated_at: Instant;
}

export interface ProgramsTable {
  id: Generated<number>;
  code: string;
  title_ru: string;
  title_en: string;
  period_start: string;
  period_end: string;
  goals: ColumnType<string, string | undefined, string>;
  /** Bumped by every change to the program or its activities: its ETag. */
  revision: ColumnType<number, number | undefined, number>;
  baseline_saved_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ProgramDirectionsTable {
  id: Generated<number>;
  program_id: number;
  position: number;
  title_ru: string;
  title_en: string;
}

export interface PeopleTable {
  id: Generated<number>;
  name: string;
  /** JSON array of roles. */
  roles: Json;
  language: string;
  time_zone: string;
  telegram_user_id: number | null;
  telegram_username: string | null;
  reachable: ColumnType<number, number | undefined, number>;
  unreachable_reason: string | null;
  active: ColumnType<number, number | undefined, number>;
  /** Set for seeded people, so seeding twice finds them. */
  seed_key: string | null;
  work_start: ColumnType<string, string | undefined, string>;
  work_end: ColumnType<string, string | undefined, string>;
  quiet_start: ColumnType<string, string | undefined, string>;
  quiet_end: ColumnType<string, string | undefined, string>;
  /** JSON array of the optional reminder kinds the person turned off. */
  reminder_opt_out: ColumnType<string, string | undefined, string>;
  created_at: Instant;
  updated_at: Instant;
}

export interface RepresentationsTable {
  id: Generated<number>;
  person_id: number;
  state_code: string;
  kind: string;
  valid_from: Instant;
  valid_to: Instant | null;
}

export interface MeetingsTable {
  id: Generated<number>;
  kind: string;
  title: string;
  starts_at: Instant;
  ends_at: Instant;
  time_zone: string;
  place: string | null;
  link: string | null;
  status: string;
  version: number;
  working_group_id: ColumnType<number | null, number | null | undefined, number | null>;
  notified_at: Instant | null;
  cancelled_at: Instant | null;
  created_by: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface AgendaItemsTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  title: string;
}

export interface RsvpsTable {
  meeting_id: number;
  person_id: number;
  answer: string;
  answered_at: Instant;
}

export interface InviteTokensTable {
  id: Generated<number>;
  person_id: number;
  /** SHA-256 of the token: the token itself is shown once and never stored. */
  token_hash: string;
  created_by: number | null;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
  revoked_at: Instant | null;
}

export interface OutboxTable {
  id: Generated<number>;
  idempotency_key: string;
  recipient_person_id: number | null;
  recipient_chat_id: number | null;
  kind: string;
  /** The MessageIntent as JSON. */
  intent: Json;
  subject_type: string | null;
  subject_id: number | null;
  priority: number;
  due_at: Instant;
  state: string;
  attempts: ColumnType<number, number | undefined, number>;
  lease_owner: string | null;
  lease_until: Instant | null;
  last_error: string | null;
  telegram_message_id: number | null;
  created_at: Instant;
  sent_at: Instant | null;
}

export interface ProcessedUpdatesTable {
  update_id: number;
  processed_at: Instant;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: Instant;
  actor_person_id: number | null;
  /** person, telegram (a person acting in chat), system. */
  actor_kind: string;
  action: string;
  record_type: string;
  record_id: string;
  before: Json | null;
  after: Json | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's value. */
  id_hash: string;
  person_id: number;
  created_at: Instant;
  last_seen_at: Instant;
  expires_at: Instant;
  revoked_at: Instant | null;
}

export interface LoginTokensTable {
  id: Generated<number>;
  person_id: number;
  token_hash: string;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
  revoked_at: Instant | null;
}

export interface ScheduledTasksTable {
  id: Generated<number>;
  kind: string;
  /** One row per task key: scheduling the same key again moves it instead of adding another. */
  task_key: string;
  payload: Json;
  due_at: Instant;
  state: string;
  attempts: ColumnType<number, number | undefined, number>;
  lease_owner: string | null;
  lease_until: Instant | null;
  last_error: string | null;
  created_at: Instant;
  done_at: Instant | null;
}

export interface RemindersTable {
  id: Generated<number>;
  /** What, whom and for which occurrence: planning the same reminder twice finds this row. */
  reminder_key: string;
  subject_type: string;
  subject_id: number;
  recipient_person_id: number;
  rule: string;
  step: ColumnType<number, number | undefined, number>;
  due_at: Instant;
  stale_at: Instant | null;
  state: string;
  attempts: ColumnType<number, number | undefined, number>;
  lease_owner: string | null;
  lease_until: Instant | null;
  created_at: Instant;
  sent_at: Instant | null;
}

export interface WorkingGroupsTable {
  id: Generated<number>;
  name: string;
  mandate: string;
  lead_person_id: number | null;
  group_chat_id: number | null;
  active: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface WorkingGroupMembersTable {
  group_id: number;
  person_id: number;
}

export interface TasksTable {
  id: Generated<number>;
  group_id: number;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  responsible_person_id: number;
  /** The last day, "yyyy-MM-dd", in the responsible person's zone. */
  due_date: string;
  status: string;
  direction_id: ColumnType<number | null, number | null | undefined, number | null>;
  done_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface ExtensionRequestsTable {
  id: Generated<number>;
  task_id: number;
  requested_by: number;
  current_due_date: string;
  requested_due_date: string;
  reason: string;
  status: string;
  decided_by: number | null;
  decided_at: Instant | null;
  decision_note: string | null;
  created_at: Instant;
}

export interface DraftsTable {
  id: Generated<number>;
  kind: string;
  status: string;
  /** The latest saved version; a ballot binds the version it was opened on. */
  current_version: number;
  /** JSON array of program direction ids the draft serves. */
  direction_ids: ColumnType<string, string | undefined, string>;
  agenda_item_id: number | null;
  created_by: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface DraftVersionsTable {
  id: Generated<number>;
  draft_id: number;
  version: number;
  title: string;
  text: string;
  created_by: number | null;
  created_at: Instant;
}

export interface BallotsTable {
  id: Generated<number>;
  draft_id: number;
  /** The version put to the vote: the ballot is bound to it. */
  draft_version: number;
  /** JSON BallotRule. */
  rule: string;
  /** JSON Fraction. */
  quorum: string;
  /** JSON array of the eligible states, snapshotted when the ballot opens. */
  eligible_states: string;
  opens_at: Instant;
  closes_at: Instant;
  time_zone: string;
  results_hidden: ColumnType<number, number | undefined, number>;
  status: string;
  outcome: string | null;
  closed_at: Instant | null;
  /** Who closed it early; null when it closed at its time (or on an objection under silence). */
  closed_by: ColumnType<number | null, number | null | undefined, number | null>;
  /** How long before the close the states that have not voted are reminded. */
  reminder_lead_ms: ColumnType<number, number | undefined, number>;
  /** JSON VoterSnapshot: each eligible state's accredited representatives at the close. */
  voter_snapshot: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: number | null;
  created_at: Instant;
}

export interface VotesTable {
  id: Generated<number>;
  ballot_id: number;
  state_code: string;
  person_id: number | null;
  choice: string;
  channel: string;
  reference: string | null;
  comment: string | null;
  /** Whether the comment is a plain comment or a reservation (a dissenting opinion). */
  remark_kind: ColumnType<string | null, string | null | undefined, string | null>;
  cast_at: Instant;
  superseded_at: Instant | null;
}

export interface ActivitiesTable {
  id: Generated<number>;
  program_id: number;
  direction_id: number;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  lead_state: string;
  /** JSON array of member state codes. */
  participating_states: Json;
  /** JSON array of people ids. */
  responsible_person_ids: Json;
  start_date: string;
  end_date: string;
  status: string;
  progress: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface MilestonesTable {
  id: Generated<number>;
  activity_id: number;
  title: string;
  date: string;
  reached_at: Instant | null;
}

export interface ActivityDependenciesTable {
  activity_id: number;
  depends_on_id: number;
}

export interface ActivityBaselinesTable {
  activity_id: number;
  start_date: string;
  end_date: string;
  saved_at: Instant;
}

export interface MeetingRecordsTable {
  meeting_id: number;
  held_at: Instant;
  summary: ColumnType<string, string | undefined, string>;
  minutes_published_at: Instant | null;
  recorded_by: number | null;
  updated_at: Instant;
}

export interface MeetingAttendanceTable {
  meeting_id: number;
  person_id: number;
  present: number;
  source: string;
}

export interface MinutesItemsTable {
  meeting_id: number;
  agenda_position: number;
  outcome: string;
  /** JSON array of the drafts this item adopted or discussed. */
  draft_ids: Json;
}

export interface CalendarFeedsTable {
  person_id: number;
  token_hash: string;
  created_at: Instant;
}

export interface ChatPromptsTable {
  person_id: number;
  /** What the answer is for, e.g. 'vote-comment' or 'vote-reservation'. */
  purpose: string;
  subject_id: number;
  asked_at: Instant;
  expires_at: Instant;
}

export interface DecisionsTable {
  id: Generated<number>;
  /** The register number, counted afresh each year: "number/year". */
  number: number;
  year: number;
  draft_id: number;
  ballot_id: number;
  adopted_at: Instant;
  created_at: Instant;
}

/** Append-only: each row is one recorded change of a state's response; the latest is the current one. */
export interface GovernmentResponsesTable {
  id: Generated<number>;
  decision_id: number;
  state_code: string;
  status: string;
  /** "yyyy-MM-dd": the day of the letter or act that shows the status. */
  status_date: string;
  note: ColumnType<string, string | undefined, string>;
  /** 1 when the change corrects a mistaken entry (a step back, or an earlier date). */
  correction: ColumnType<number, number | undefined, number>;
  updated_by: number | null;
  updated_at: Instant;
}

export interface DraftAttachmentsTable {
  id: Generated<number>;
  draft_id: number;
  /** The file's name in the attachments folder: random, never the client's. */
  stored_name: string;
  /** The client's file name, cleaned: shown and offered for download only. */
  file_name: string;
  /** The type the content was checked to be. */
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: number | null;
  uploaded_at: Instant;
  removed_by: number | null;
  removed_at: Instant | null;
}

export interface ReportsTable {
  id: Generated<number>;
  year: number;
  status: string;
  current_version: number;
  created_by: number | null;
  created_at: Instant;
  updated_at: Instant;
}

/** Append-only: each save of the report is a version. */
export interface ReportVersionsTable {
  id: Generated<number>;
  report_id: number;
  version: number;
  /** JSON ReportSections: each section's sanitized text and the assembled figures it is linked to. */
  sections: Json;
  /** SHA-256 (hex) of the sections' canonical JSON. */
  content_hash: string;
  change: string;
  section_key: string | null;
  created_by: number | null;
  created_at: Instant;
}

/** One request for the chairman's sign-off on one version of an item, and its answer. */
export interface SignOffsTable {
  id: Generated<number>;
  item_kind: string;
  item_id: number;
  item_version: number;
  content_hash: string;
  requested_by: number | null;
  requested_at: Instant;
  state: string;
  decided_by: number | null;
  decided_at: Instant | null;
  comment: string | null;
  on_behalf_of_deputy: ColumnType<number, number | undefined, number>;
}

export interface ReportSubmissionsTable {
  id: Generated<number>;
  report_id: number;
  report_version: number;
  /** "yyyy-MM-dd": the day it was sent to the Secretary General. */
  submitted_on: string;
  reference_number: string;
  recorded_by: number | null;
  recorded_at: Instant;
}

export interface Database {
  member_states: MemberStatesTable;
  commission: CommissionTable;
  programs: ProgramsTable;
  program_directions: ProgramDirectionsTable;
  people: PeopleTable;
  representations: RepresentationsTable;
  meetings: MeetingsTable;
  agenda_items: AgendaItemsTable;
  rsvps: RsvpsTable;
  invite_tokens: InviteTokensTable;
  outbox: OutboxTable;
  processed_updates: ProcessedUpdatesTable;
  audit_events: AuditEventsTable;
  sessions: SessionsTable;
  scheduled_tasks: ScheduledTasksTable;
  login_tokens: LoginTokensTable;
  reminders: RemindersTable;
  working_groups: WorkingGroupsTable;
  working_group_members: WorkingGroupMembersTable;
  tasks: TasksTable;
  extension_requests: ExtensionRequestsTable;
  drafts: DraftsTable;
  draft_versions: DraftVersionsTable;
  ballots: BallotsTable;
  votes: VotesTable;
  chat_prompts: ChatPromptsTable;
  activities: ActivitiesTable;
  milestones: MilestonesTable;
  activity_dependencies: ActivityDependenciesTable;
  activity_baselines: ActivityBaselinesTable;
  calendar_feeds: CalendarFeedsTable;
  meeting_records: MeetingRecordsTable;
  meeting_attendance: MeetingAttendanceTable;
  minutes_items: MinutesItemsTable;
  decisions: DecisionsTable;
  government_responses: GovernmentResponsesTable;
  draft_attachments: DraftAttachmentsTable;
  reports: ReportsTable;
  report_versions: ReportVersionsTable;
  sign_offs: SignOffsTable;
  report_submissions: ReportSubmissionsTable;
}

export type PersonRow = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
export type PersonUpdate = Updateable<PeopleTable>;
export type MeetingRow = Selectable<MeetingsTable>;
export type NewMeeting = Insertable<MeetingsTable>;
export type MeetingUpdate = Updateable<MeetingsTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxRow = Insertable<OutboxTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type InviteRow = Selectable<InviteTokensTable>;
export type SessionRow = Selectable<SessionsTable>;
export type MemberStateRow = Selectable<MemberStatesTable>;
export type RepresentationRow = Selectable<RepresentationsTable>;
