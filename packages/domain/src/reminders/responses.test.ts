import { describe, expect, it } from 'vitest';
import { responseReminders } from './responses';
import type { ReminderRecipient } from './rules';

const head: ReminderRecipient = {
  personId: 7,
  hours: {
    timeZone: 'Asia/Almaty',
    workStart: '09:00',
    workEnd: '18:00',
    quietStart: '22:00',
    quietEnd: '07:00',
  },
  optedOut: ['deadline', 'meeting'],
};
const response = {
  decisionId: 3,
  stateCode: 'KZ' as const,
  adoptedAt: '2026-03-10T12:00:00.000Z',
  status: null,
  statusDate: null,
};

describe('reminders about a government’s response', () => {
  it('come to the responsible person two weeks after adoption, at the start of their day, opted out or not', () => {
    const [plan] = responseReminders(response, [head], '2026-03-10T12:00:00.000Z');
    expect(plan).toMatchObject({
      key: 'decision-response:3:KZ:2026-03-24:p7',
      subjectType: 'decision-response',
      subjectId: 3,
      recipientId: 7,
      rule: 'response-outstanding:KZ',
      deliverAt: '2026-03-24T04:00:00.000Z', // 09:00 in Almaty (UTC+5)
      step: 0,
    });
  });

  it('come again every two weeks while nothing or only the sending is recorded', () => {
    const plans = responseReminders(
      { ...response, status: 'sent', statusDate: '2026-03-12' },
      [head],
      '2026-03-25T10:00:00.000Z',
    );
    expect(plans.map((p) => p.deliverAt)).toEqual(['2026-04-07T04:00:00.000Z']);
    // On a reminder's own day it stays planned (already sent, its key keeps it once-only).
    expect(responseReminders(response, [head], '2026-04-07T10:00:00.000Z')[0]?.key).toBe(
      'decision-response:3:KZ:2026-04-07:p7',
    );
  });

  it('come monthly from the day the government began considering it', () => {
    const plans = responseReminders(
      { ...response, status: 'under-consideration', statusDate: '2026-04-02' },
      [head],
      '2026-04-03T00:00:00.000Z',
    );
    expect(plans.map((p) => p.key)).toEqual(['decision-response:3:KZ:2026-05-02:p7']);
    const later = responseReminders(
      { ...response, status: 'under-consideration', statusDate: '2026-04-02' },
      [head],
      '2026-05-03T00:00:00.000Z',
    );
    expect(later.map((p) => p.key)).toEqual(['decision-response:3:KZ:2026-06-01:p7']);
  });

  it('stop once the government has accepted or implemented it', () => {
    expect(
      responseReminders(
        { ...response, status: 'accepted', statusDate: '2026-04-01' },
        [head],
        '2026-04-02T00:00:00.000Z',
      ),
    ).toEqual([]);
    expect(
      responseReminders(
        { ...response, status: 'implemented', statusDate: '2026-04-01' },
        [head],
        '2026-04-02T00:00:00.000Z',
      ),
    ).toEqual([]);
  });
});
