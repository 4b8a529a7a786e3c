import { describe, expect, it } from 'vitest';
import { DEFAULT_HOURS } from './reminders/hours';
import type { ReminderRecipient } from './reminders/rules';
import {
  DEFAULT_SIGN_OFF_SETTINGS,
  decideSignOff,
  decideSignOffRequest,
  type SignOff,
  signOffGate,
  signOffReminders,
  signOffRequired,
  signOffShownAs,
  signOffStanding,
} from './sign-offs';

const signOff = (over: Partial<SignOff> = {}): SignOff => ({
  id: 1,
  kind: 'report',
  itemId: 7,
  version: 3,
  contentHash: 'h3',
  state: 'requested',
  requestedAt: '2027-03-01T08:00:00.000Z',
  ...over,
});

describe('which items need the chairman', () => {
  it('always the report; agendas and drafts only when the settings switch them on', () => {
    expect(signOffRequired('report', DEFAULT_SIGN_OFF_SETTINGS)).toBe(true);
    expect(signOffRequired('agenda', DEFAULT_SIGN_OFF_SETTINGS)).toBe(false);
    expect(signOffRequired('draft', DEFAULT_SIGN_OFF_SETTINGS)).toBe(false);
    expect(signOffRequired('agenda', { agenda: true, draft: false })).toBe(true);
    expect(signOffRequired('draft', { agenda: true, draft: false })).toBe(false);
  });
});

describe('answering a request', () => {
  it('lets the chairman approve, and the named deputy, recorded as deputy', () => {
    expect(decideSignOff(signOff(), { kind: 'approve' }, { roles: ['chairman'] }, 'h3')).toEqual({
      ok: true,
      value: { state: 'approved', capacity: 'chairman', comment: null },
    });
    expect(
      decideSignOff(signOff(), { kind: 'approve' }, { roles: ['member', 'deputy'] }, 'h3'),
    ).toMatchObject({
      ok: true,
      value: { capacity: 'deputy' },
    });
  });

  it('refuses anyone else, whatever else they may do', () => {
    for (const roles of [['secretary'], ['admin'], ['member'], ['observer'], []] as const)
      expect(decideSignOff(signOff(), { kind: 'approve' }, { roles }, 'h3')).toEqual({
        ok: false,
        error: 'NotChairman',
      });
  });

  it('refuses a request already answered or superseded, and one whose item changed since', () => {
    for (const state of ['approved', 'changes-requested', 'superseded'] as const)
      expect(decideSignOff(signOff({ state }), { kind: 'approve' }, { roles: ['chairman'] }, 'h3')).toEqual({
        ok: false,
        error: 'NotAwaiting',
      });
    expect(decideSignOff(signOff(), { kind: 'approve' }, { roles: ['chairman'] }, 'h4')).toEqual({
      ok: false,
      error: 'Stale',
    });
  });

  it('asks changes only with a comment, kept trimmed', () => {
    const ask = (comment: string) =>
      decideSignOff(signOff(), { kind: 'request-changes', comment }, { roles: ['chairman'] }, 'h3');
    expect(ask('   ')).toEqual({ ok: false, error: 'CommentRequired' });
    expect(ask('x'.repeat(2_001))).toEqual({ ok: false, error: 'CommentRequired' });
    expect(ask('  Section 3: add the working groups.  ')).toEqual({
      ok: true,
      value: {
        state: 'changes-requested',
        capacity: 'chairman',
        comment: 'Section 3: add the working groups.',
      },
    });
  });
});

describe('where an item stands', () => {
  it('follows the latest request, and calls an approval of other content stale', () => {
    expect(signOffStanding([], 'h1')).toEqual({ kind: 'none' });
    const approved = signOff({ id: 1, state: 'approved', contentHash: 'h1' });
    expect(signOffStanding([approved], 'h1').kind).toBe('approved');
    expect(signOffStanding([approved], 'h2').kind).toBe('stale');
    const asked = signOff({ id: 2, state: 'requested', contentHash: 'h2' });
    expect(signOffStanding([asked, approved], 'h2').kind).toBe('awaiting');
    const returned = signOff({ id: 3, state: 'changes-requested', contentHash: 'h2' });
    expect(signOffStanding([approved, asked, returned], 'h2').kind).toBe('changes-requested');
  });

  it('refuses to ask twice for the same content, and supersedes what was asked or approved of other content', () => {
    const approvedV1 = signOff({ id: 1, state: 'approved', contentHash: 'h1' });
    expect(decideSignOffRequest([approvedV1], 'h1')).toEqual({ ok: false, error: 'AlreadyApproved' });
    expect(decideSignOffRequest([approvedV1], 'h2')).toEqual({ ok: true, value: { supersedes: [1] } });
    const askedV2 = signOff({ id: 2, state: 'requested', contentHash: 'h2' });
    expect(decideSignOffRequest([approvedV1, askedV2], 'h2')).toEqual({
      ok: false,
      error: 'AlreadyAwaiting',
    });
    const returnedV2 = signOff({ id: 2, state: 'changes-requested', contentHash: 'h2' });
    expect(decideSignOffRequest([approvedV1, returnedV2], 'h3')).toEqual({
      ok: true,
      value: { supersedes: [1] },
    });
  });
});

describe('an unanswered request', () => {
  const recipient = (personId: number, timeZone: string): ReminderRecipient => ({
    personId,
    hours: { timeZone, ...DEFAULT_HOURS },
    optedOut: ['meeting', 'deadline'],
  });

  it('reminds the signer on the second and fourth day at the start of their day, then tells the secretaries', () => {
    const plans = signOffReminders(signOff(), recipient(1, 'Asia/Almaty'), [recipient(2, 'Europe/Moscow')]);
    expect(plans.map((p) => [p.recipientId, p.rule, p.deliverAt, p.step])).toEqual([
      [1, 'sign-off-1', '2027-03-03T04:00:00.000Z', 0],
      [1, 'sign-off-2', '2027-03-05T04:00:00.000Z', 0],
      [2, 'sign-off-escalation', '2027-03-07T06:00:00.000Z', 1],
    ]);
    expect(new Set(plans.map((p) => p.key)).size).toBe(3);
  });

  it('has none once answered, even for people who turned optional reminders off', () => {
    expect(
      signOffReminders(signOff({ state: 'approved' }), recipient(1, 'UTC'), [recipient(2, 'UTC')]),
    ).toEqual([]);
    expect(signOffReminders(signOff(), null, [])).toEqual([]);
  });
});

describe('an agenda or a draft held back until the chairman approves it', () => {
  const on = { agenda: true, draft: true };
  const agenda = (over: Partial<SignOff> = {}) => signOff({ kind: 'agenda', ...over });

  it('goes on as before while the setting is off, whatever its sign-offs', () => {
    expect(signOffGate('agenda', DEFAULT_SIGN_OFF_SETTINGS, [], 'h3')).toEqual({ ok: true, value: null });
    expect(signOffGate('draft', DEFAULT_SIGN_OFF_SETTINGS, [agenda()], 'h9').ok).toBe(true);
  });

  it('is held while never asked, awaiting or returned, and goes on once this content is approved', () => {
    expect(signOffGate('agenda', on, [], 'h3')).toEqual({ ok: false, error: 'SignOffRequired' });
    expect(signOffGate('agenda', on, [agenda()], 'h3')).toEqual({ ok: false, error: 'SignOffRequired' });
    expect(signOffGate('agenda', on, [agenda({ state: 'changes-requested' })], 'h3')).toEqual({
      ok: false,
      error: 'SignOffRequired',
    });
    expect(signOffGate('agenda', on, [agenda({ state: 'approved' })], 'h3').ok).toBe(true);
  });

  it('is held as stale when the item changed after its approval, which then reads as superseded', () => {
    const approved = agenda({ state: 'approved' });
    expect(signOffGate('agenda', on, [approved], 'h4')).toEqual({ ok: false, error: 'SignOffStale' });
    expect(signOffShownAs(approved, 'h4')).toBe('superseded');
    expect(signOffShownAs(approved, 'h3')).toBe('approved');
    expect(signOffShownAs(agenda({ state: 'changes-requested' }), 'h4')).toBe('changes-requested');
  });
});
