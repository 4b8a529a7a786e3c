import { describe, expect, it } from 'vitest';
import {
  earlyOutcome,
  isLaterClose,
  outcomeAtClose,
  reaches,
  SIMPLE_MAJORITY,
  TWO_THIRDS,
  tally,
  tallyVisible,
  type VoteChoice,
} from './ballots';
import { MEMBER_STATE_CODES, type MemberStateCode } from './states';

const STATES = MEMBER_STATE_CODES;
const OPTIONS: ReadonlyArray<VoteChoice | null> = ['for', 'against', 'abstain', null];

/** Every one of the 4^6 = 4,096 ways six states can vote (or not). */
function* everyCombination(): Generator<Map<MemberStateCode, VoteChoice>> {
  for (let n = 0; n < 4 ** STATES.length; n++) {
    const votes = new Map<MemberStateCode, VoteChoice>();
    let rest = n;
    for (const state of STATES) {
      const choice = OPTIONS[rest % 4];
      rest = Math.floor(rest / 4);
      if (choice) votes.set(state, choice);
    }
    yield votes;
  }
}

const counts = (votes: Map<MemberStateCode, VoteChoice>) => {
  const values = [...votes.values()];
  return {
    yes: values.filter((v) => v === 'for').length,
    no: values.filter((v) => v === 'against').length,
    voted: values.length,
  };
};

describe('the commission’s rules, for every combination of six states’ votes', () => {
  it('consensus: adopted exactly when nobody is against and at least four of six take part', () => {
    for (const votes of everyCombination()) {
      const { no, voted } = counts(votes);
      const expected = no === 0 && voted >= 4 ? 'adopted' : 'not-adopted';
      expect(outcomeAtClose({ kind: 'consensus' }, tally(STATES, votes))).toBe(expected);
    }
  });

  it('simple majority: adopted exactly when four or more of six vote for (three is a tie, not a majority)', () => {
    for (const votes of everyCombination()) {
      const { yes, voted } = counts(votes);
      const expected = yes >= 4 && voted >= 4 ? 'adopted' : 'not-adopted';
      expect(outcomeAtClose({ kind: 'majority', threshold: SIMPLE_MAJORITY }, tally(STATES, votes))).toBe(
        expected,
      );
    }
  });

  it('qualified majority of two thirds: adopted exactly when four or more of six vote for', () => {
    for (const votes of everyCombination()) {
      const { yes } = counts(votes);
      expect(outcomeAtClose({ kind: 'majority', threshold: TWO_THIRDS }, tally(STATES, votes))).toBe(
        yes >= 4 ? 'adopted' : 'not-adopted',
      );
    }
  });

  it('silence: adopted at the deadline unless someone objects; an objection ends it at once; all "no objection" ends it early', () => {
    for (const votes of everyCombination()) {
      const { yes, no } = counts(votes);
      const t = tally(STATES, votes);
      expect(outcomeAtClose({ kind: 'silence' }, t)).toBe(no === 0 ? 'adopted' : 'not-adopted');
      expect(earlyOutcome({ kind: 'silence' }, t)).toBe(
        no > 0 ? 'not-adopted' : yes === 6 ? 'adopted' : null,
      );
      expect(earlyOutcome({ kind: 'consensus' }, t)).toBeNull();
    }
  });

  it('counts abstentions toward the quorum but never as for', () => {
    for (const votes of everyCombination()) {
      const t = tally(STATES, votes);
      const { yes, no, voted } = counts(votes);
      expect([t.for, t.against, t.participating, t.silent]).toEqual([yes, no, voted, 6 - voted]);
      expect(t.for + t.against + t.abstain + t.silent).toBe(6);
    }
  });
});

describe('the quorum’s edges', () => {
  it('two thirds of six is four; of five, four (3.33 rounds up); of three, two', () => {
    expect([reaches(4, 6, TWO_THIRDS), reaches(3, 6, TWO_THIRDS)]).toEqual([true, false]);
    expect([reaches(4, 5, TWO_THIRDS), reaches(3, 5, TWO_THIRDS)]).toEqual([true, false]);
    expect([reaches(2, 3, TWO_THIRDS), reaches(1, 3, TWO_THIRDS)]).toEqual([true, false]);
    expect([
      reaches(3, 6, SIMPLE_MAJORITY),
      reaches(4, 6, SIMPLE_MAJORITY),
      reaches(3, 5, SIMPLE_MAJORITY),
    ]).toEqual([false, true, true]);
  });

  it('a quorum set per ballot applies: consensus with a quorum of all states needs all six', () => {
    const five = new Map<MemberStateCode, VoteChoice>(STATES.slice(0, 5).map((s) => [s, 'for']));
    expect(outcomeAtClose({ kind: 'consensus' }, tally(STATES, five, { numerator: 1, denominator: 1 }))).toBe(
      'not-adopted',
    );
    expect(outcomeAtClose({ kind: 'consensus' }, tally(STATES, five))).toBe('adopted');
  });

  it('ignores the vote of a state that is not eligible', () => {
    const votes = new Map<MemberStateCode, VoteChoice>([
      ['AM', 'against'],
      ['BY', 'for'],
      ['KZ', 'for'],
    ]);
    const t = tally(['BY', 'KZ'], votes);
    expect(t).toMatchObject({ eligible: 2, for: 2, against: 0 });
    expect(outcomeAtClose({ kind: 'consensus' }, t)).toBe('adopted');
  });
});

describe('who sees a tally, and a later close', () => {
  it('shows a hidden tally only after the close or to those who run the ballot', () => {
    expect(tallyVisible({ status: 'open', resultsHidden: true }, false)).toBe(false);
    expect(tallyVisible({ status: 'open', resultsHidden: true }, true)).toBe(true);
    expect(tallyVisible({ status: 'closed', resultsHidden: true }, false)).toBe(true);
    expect(tallyVisible({ status: 'open', resultsHidden: false }, false)).toBe(true);
  });
  it('takes a new close only after both now and the current close', () => {
    const now = '2027-03-01T10:00:00.000Z';
    expect(isLaterClose('2027-03-05T10:00:00.000Z', '2027-03-04T10:00:00.000Z', now)).toBe(true);
    expect(isLaterClose('2027-03-04T10:00:00.000Z', '2027-03-04T10:00:00.000Z', now)).toBe(false);
    expect(isLaterClose('2027-02-28T10:00:00.000Z', '2027-02-27T10:00:00.000Z', now)).toBe(false);
  });
});
