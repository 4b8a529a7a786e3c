import { describe, expect, it } from 'vitest';
import { backoffDelay, decideOnFailure, idempotencyKey, MAX_ATTEMPTS, outboxDrafts } from './outbox';

describe('outbox rules', () => {
  it('keys a notice by meeting, version and recipient, so enqueueing twice is one row', () => {
    const intent = { kind: 'meeting-notice', meetingId: 7, version: 2 } as const;
    expect(idempotencyKey(intent, { personId: 3 })).toBe('meeting-notice:7:v2:p3');
    expect(idempotencyKey(intent, { chatId: -100 })).toBe('meeting-notice:7:v2:g-100');
    const drafts = outboxDrafts(intent, [{ personId: 1 }, { personId: 2 }], '2027-01-01T00:00:00.000Z');
    expect(new Set(drafts.map((d) => d.idempotencyKey)).size).toBe(2);
  });

  it('waits exactly as long as a 429 says', () => {
    expect(
      decideOnFailure({ ok: false, errorCode: 429, description: 'Too Many Requests', retryAfter: 7 }, 1, 0.5),
    ).toEqual({
      kind: 'retry-after',
      delayMs: 7000,
    });
  });

  it('backs off on 5xx and network faults, then gives up', () => {
    const fault = { ok: false, errorCode: 502, description: 'Bad Gateway' } as const;
    expect(decideOnFailure(fault, 1, 0).kind).toBe('backoff');
    expect(decideOnFailure({ ok: false, network: 'ECONNRESET' }, 2, 0).kind).toBe('backoff');
    expect(decideOnFailure(fault, MAX_ATTEMPTS, 0)).toEqual({ kind: 'failed', reason: '502: Bad Gateway' });
  });

  it('marks a blocked user unreachable and fails other refusals for good', () => {
    expect(
      decideOnFailure(
        { ok: false, errorCode: 403, description: 'Forbidden: bot was blocked by the user' },
        1,
        0,
      ).kind,
    ).toBe('unreachable');
    expect(
      decideOnFailure({ ok: false, errorCode: 400, description: 'Bad Request: chat not found' }, 1, 0).kind,
    ).toBe('failed');
  });

  it('grows the back-off exponentially within bounds', () => {
    expect(backoffDelay(1, 0)).toBe(500);
    expect(backoffDelay(1, 0.999)).toBeLessThanOrEqual(1000);
    expect(backoffDelay(4, 0)).toBe(4000);
    expect(backoffDelay(30, 1)).toBe(300_000);
  });
});
