import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_MAX_BYTES } from './callback-data';
import { decodeSignOffButton, encodeSignOffButton, type SignOffButton } from './sign-off-chat';

describe('sign-off buttons', () => {
  const buttons: SignOffButton[] = [
    { kind: 'approve', signOffId: 7, version: 3 },
    { kind: 'confirm', signOffId: 7, version: 3 },
    { kind: 'cancel', signOffId: 7, version: 3 },
    { kind: 'changes', signOffId: 123456789, version: 42 },
  ];

  it('reads back what it wrote', () => {
    for (const b of buttons) expect(decodeSignOffButton(encodeSignOffButton(b))).toEqual(b);
  });

  it('stays within Telegram’s 64 bytes even for the largest ids', () => {
    const data = encodeSignOffButton({
      kind: 'confirm',
      signOffId: Number.MAX_SAFE_INTEGER,
      version: 999_999_999,
    });
    expect(new TextEncoder().encode(data).length).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
    expect(decodeSignOffButton(data)).toEqual({
      kind: 'confirm',
      signOffId: Number.MAX_SAFE_INTEGER,
      version: 999_999_999,
    });
  });

  it('refuses forged and malformed payloads', () => {
    for (const data of [
      'so:0:1:a',
      'so:7:0:a',
      'so:7:3:z',
      'so:7:3',
      'so:7:a',
      'so:-7:3:a',
      'so:07:3:a',
      'so:7:3:a:1',
      'so:99999999999999999:3:a',
      'v:7:f',
      '',
      undefined,
    ])
      expect(decodeSignOffButton(data), String(data)).toBeNull();
  });
});
