import { MEETING_KINDS as DOMAIN_MEETING_KINDS, OUTBOX_STATES as DOMAIN_OUTBOX_STATES } from '@accord/domain';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { MEETING_KINDS, messageKindLabel, OUTBOX_STATES } from './labels';
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

  it('name the same outbox states as the domain', () => {
    expect([...OUTBOX_STATES]).toEqual([...DOMAIN_OUTBOX_STATES]);
  });

  it('label known message kinds and leave unknown ones to be shown as they come', () => {
    expect(messageKindLabel('meeting-notice')).toBe('messageKind.meeting-notice');
    expect(messageKindLabel('toString')).toBeUndefined();
  });
});
