import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_MAX_BYTES, decodeCallback, encodeCallback } from './callback-data';

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
