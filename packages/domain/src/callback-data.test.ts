import { describe, expect, it } from 'vitest';
import {
  CALLBACK_DATA_MAX_BYTES,
  decodeCallback,
  decodeSettingsCallback,
  encodeCallback,
  encodeSettingsCallback,
  type SettingsAction,
} from './callback-data';

describe('button payloads', () => {
  it('round-trips every action within 64 bytes', () => {
    for (const action of [
      { kind: 'rsvp', meetingId: 9_007_199_254_740_991, answer: 'yes' },
      { kind: 'rsvp', meetingId: 1, answer: 'no' },
      { kind: 'ics', meetingId: 42 },
    ] as const) {
      const data = encodeCallback(action);
      expect(new TextEncoder().encode(data).length).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
      expect(decodeCallback(data)).toEqual(action);
    }
  });

  it('rejects malformed and forged payloads', () => {
    for (const bad of [
      undefined,
      '',
      'r',
      'r:1',
      'r:1:x',
      'r:0:y',
      'r:-1:y',
      'r:01:y',
      'r:1:y:z',
      'ics:1:y',
      'x:1:y',
      'r:99999999999999999:y',
      'ics:abc',
    ]) {
      expect(decodeCallback(bad)).toBeNull();
    }
  });
});

describe('settings button payloads', () => {
  const actions: SettingsAction[] = [
    { kind: 'language', language: 'ru' },
    { kind: 'language', language: 'en' },
    { kind: 'zone', zone: 'Asia/Dushanbe' },
    { kind: 'zone', zone: 'UTC' },
    { kind: 'zone', zone: 'America/Argentina/Buenos_Aires' },
    { kind: 'zone-other' },
    { kind: 'work-hours', start: '09:00', end: '18:00' },
    { kind: 'quiet-hours', start: '22:00', end: '07:00' },
    { kind: 'reminders', reminder: 'meeting', on: false },
    { kind: 'reminders', reminder: 'deadline', on: true },
  ];

  it('round-trips every action within 64 bytes', () => {
    for (const action of actions) {
      const data = encodeSettingsCallback(action);
      expect(new TextEncoder().encode(data).length).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
      expect(decodeSettingsCallback(data)).toEqual(action);
    }
  });

  it('keeps the two codecs apart', () => {
    for (const action of actions) expect(decodeCallback(encodeSettingsCallback(action))).toBeNull();
    expect(decodeSettingsCallback('r:1:y')).toBeNull();
    expect(decodeSettingsCallback('ics:1')).toBeNull();
  });

  it('rejects malformed and forged payloads', () => {
    for (const bad of [
      undefined,
      '',
      's',
      's:',
      's:l',
      's:l:de',
      's:l:ru:x',
      's:z',
      's:z:',
      's:z:Mars/Olympus',
      's:z: Europe/Moscow',
      's:z:europe/moscow',
      's:z:Moscow',
      's:z:+03:00',
      's:zo:x',
      's:w:0900',
      's:w:0900-0900',
      's:w:0900-2400',
      's:w:09:00-18:00',
      's:w:900-1800',
      's:q:2260-0700',
      's:r:ballot:0',
      's:r:meeting',
      's:r:meeting:2',
      's:r:meeting:1:1',
      's:x:1',
      'S:l:ru',
      `s:z:${'A'.repeat(64)}`,
    ]) {
      expect(decodeSettingsCallback(bad), String(bad)).toBeNull();
    }
  });
});
