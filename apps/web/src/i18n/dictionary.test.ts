import {
  ACTIVITY_STATUSES as DOMAIN_ACTIVITY_STATUSES,
  ASSIGNABLE_ROLES as DOMAIN_ASSIGNABLE_ROLES,
  DRAFT_KINDS as DOMAIN_DRAFT_KINDS,
  MEETING_KINDS as DOMAIN_MEETING_KINDS,
  OUTBOX_STATES as DOMAIN_OUTBOX_STATES,
  REPRESENTATION_KINDS as DOMAIN_REPRESENTATION_KINDS,
} from '@accord/domain';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import {
  ACTIVITY_STATUSES,
  ASSIGNABLE_ROLES,
  AUDIT_ACTIONS,
  AUDIT_RECORD_TYPES,
  auditActionLabel,
  auditRecordLabel,
  DRAFT_KINDS,
  fieldIssueLabel,
  importIssueLabel,
  MEETING_KINDS,
  messageKindLabel,
  OUTBOX_STATES,
  REPRESENTATION_KINDS,
} from './labels';
import { ru } from './ru';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the dashboard’s dictionaries', () => {
  it('have exactly the same keys in Russian and English', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty text', () => {
    for (const [language, dictionary] of Object.entries({ en, ru })) {
      for (const [key, text] of Object.entries(dictionary))
        expect(text.trim(), `${language} ${key}`).not.toBe('');
    }
  });

  it('use the same placeholders for a key in both languages', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(ru[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe('the copied domain lists', () => {
  it('name the same meeting kinds, in the same order, as the domain', () => {
    expect([...MEETING_KINDS]).toEqual([...DOMAIN_MEETING_KINDS]);
  });

  it('name the same draft kinds, in the same order, as the domain', () => {
    expect([...DRAFT_KINDS]).toEqual([...DOMAIN_DRAFT_KINDS]);
  });

  it('name the same activity statuses, in the same order, as the domain', () => {
    expect([...ACTIVITY_STATUSES]).toEqual([...DOMAIN_ACTIVITY_STATUSES]);
  });

  it('name the same outbox states as the domain', () => {
    expect([...OUTBOX_STATES]).toEqual([...DOMAIN_OUTBOX_STATES]);
  });

  it('name the roles an admin assigns, in the domain’s order', () => {
    expect([...ASSIGNABLE_ROLES]).toEqual([...DOMAIN_ASSIGNABLE_ROLES]);
  });

  it('name the seats a person can hold, in the domain’s order', () => {
    expect([...REPRESENTATION_KINDS]).toEqual([...DOMAIN_REPRESENTATION_KINDS]);
  });

  it('label the audit log’s known actions and record types, and leave others to be shown as they come', () => {
    for (const action of AUDIT_ACTIONS) expect(auditActionLabel(action)).toBe(`auditAction.${action}`);
    for (const type of AUDIT_RECORD_TYPES) expect(auditRecordLabel(type)).toBe(`auditRecord.${type}`);
    expect(auditActionLabel('person.teleport')).toBeUndefined();
    expect(auditRecordLabel('constructor')).toBeUndefined();
  });

  it('label known message kinds and leave unknown ones to be shown as they come', () => {
    expect(messageKindLabel('meeting-notice')).toBe('messageKind.meeting-notice');
    expect(messageKindLabel('toString')).toBeUndefined();
  });

  it('word every refusal of an activities file, and leave an unknown code to the API’s text', () => {
    // The file's columns that hold a value in a form (apps/api/src/services/program-csv.ts).
    const formed = ['title', 'description', 'lead_state', 'participating_states', 'responsible_person_ids'];
    for (const column of [...formed, 'start', 'end', 'status', 'progress', 'milestones', 'depends_on'])
      expect(importIssueLabel({ column, code: 'invalid' }), column).toMatch(/^import\.format\./);
    expect(importIssueLabel({ column: 'notes', code: 'invalid' })).toBe('import.issue.invalid');
    expect(importIssueLabel({ column: 'direction', code: 'unknown_direction' })).toBe(
      'import.issue.unknown_direction',
    );
    expect(importIssueLabel({ column: 'end', code: 'EndBeforeStart' })).toBe('issue.EndBeforeStart');
    expect(importIssueLabel({ column: 'end', code: 'toString' })).toBeUndefined();
  });

  it('word a field’s problem by the domain’s code or the schema’s check, and leave others to the API', () => {
    const issue = (code: string, origin?: string, limit?: number, message = 'Schema words') => ({
      path: 'x',
      message,
      code,
      ...(origin ? { origin } : {}),
      ...(limit === undefined ? {} : { limit }),
    });
    expect(fieldIssueLabel(issue('too_small', 'string', 1))).toBe('field.required');
    expect(fieldIssueLabel(issue('too_small', 'string', 3))).toBe('field.tooShort');
    expect(fieldIssueLabel(issue('too_big', 'string', 300))).toBe('field.tooLong');
    expect(fieldIssueLabel(issue('too_small', 'number', 0))).toBe('field.atLeast');
    expect(fieldIssueLabel(issue('too_big', 'number', 100))).toBe('field.atMost');
    expect(fieldIssueLabel(issue('too_small', 'array', 1))).toBe('field.tooFew');
    expect(fieldIssueLabel(issue('too_big', 'array', 6))).toBe('field.tooMany');
    expect(fieldIssueLabel(issue('invalid_value'))).toBe('field.invalid');
    expect(
      fieldIssueLabel(issue('invalid_format', undefined, undefined, 'lower-case letters')),
    ).toBeUndefined();
    expect(fieldIssueLabel(issue('custom', undefined, undefined, 'EndBeforeStart'))).toBe(
      'issue.EndBeforeStart',
    );
    expect(fieldIssueLabel(issue('invalid_format', undefined, undefined, 'ProgramCode'))).toBe(
      'issue.ProgramCode',
    );
    expect(fieldIssueLabel(issue('custom', undefined, undefined, 'NoSuchLocalTime'))).toBe(
      'issue.NoSuchLocalTime',
    );
    expect(fieldIssueLabel(issue('custom'))).toBeUndefined();
    expect(fieldIssueLabel({ path: 'x', message: 'From an older API' })).toBeUndefined();
  });
});
