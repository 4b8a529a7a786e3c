import type { MemberStateCode } from './states';

export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
/** Under the silence procedure `for` reads "no objection" and `against` reads "objection". */
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** A share of the eligible states: numerator / denominator, reached at or (if strict) above. */
export interface Fraction {
  numerator: number;
  denominator: number;
  /** Strictly more than the fraction ("more than half"), rather than at least it ("two thirds"). */
  strict?: boolean;
}

export type BallotRule =
  | { kind: 'consensus' }
  | { kind: 'majority'; threshold: Fraction }
  | { kind: 'silence' };

export const SIMPLE_MAJORITY: Fraction = { numerator: 1, denominator: 2, strict: true };
export const TWO_THIRDS: Fraction = { numerator: 2, denominator: 3 };
/** The default quorum: two thirds of the eligible states take part. */
export const DEFAULT_QUORUM: Fraction = TWO_THIRDS;

export interface Tally {
  eligible: number;
  for: number;
  against: number;
  abstain: number;
  /** Eligible states with no vote recorded. */
  silent: number;
  /** States whose vote (for, against or abstain) is recorded: the quorum counts these. */
  participating: number;
  quorumMet: boolean;
}

/** Whether `count` of `total` reaches a fraction, in whole numbers (no floating-point edges). */
export const reaches = (count: number, total: number, f: Fraction): boolean =>
  f.strict ? count * f.denominator > f.numerator * total : count * f.denominator >= f.numerator * total;

/** Counts the effective vote of each eligible state; votes of states that are not eligible do not count. */
export function tally(
  eligible: readonly MemberStateCode[],
  votes: ReadonlyMap<MemberStateCode, VoteChoice>,
  quorum: Fraction = DEFAULT_QUORUM,
): Tally {
  const counted = eligible.map((state) => votes.get(state));
  const count = (choice: VoteChoice) => counted.filter((c) => c === choice).length;
  const participating = counted.filter((c) => c !== undefined).length;
  return {
    eligible: eligible.length,
    for: count('for'),
    against: count('against'),
    abstain: count('abstain'),
    silent: eligible.length - participating,
    participating,
    quorumMet: reaches(participating, eligible.length, quorum),
  };
}

export type BallotOutcome = 'adopted' | 'not-adopted';

/**
 * The outcome at the close of voting.
 * - consensus: adopted when no state votes against and the quorum is met; abstaining does not block.
 * - majority: adopted when the states voting for reach the threshold of the *eligible* states and
 *   the quorum is met; a tie is not a majority.
 * - silence: adopted unless a state objected; silence is assent, so the quorum does not apply.
 */
export function outcomeAtClose(rule: BallotRule, t: Tally): BallotOutcome {
  switch (rule.kind) {
    case 'consensus':
      return t.quorumMet && t.against === 0 ? 'adopted' : 'not-adopted';
    case 'majority':
      return t.quorumMet && reaches(t.for, t.eligible, rule.threshold) ? 'adopted' : 'not-adopted';
    case 'silence':
      return t.against === 0 ? 'adopted' : 'not-adopted';
  }
}

/**
 * Whether a ballot ends before its deadline, and how: under the silence procedure an objection
 * breaks the silence at once (not adopted), and an early close as adopted needs every state to
 * have said "no objection". Other rules run to their closing time.
 */
export function earlyOutcome(rule: BallotRule, t: Tally): BallotOutcome | null {
  if (rule.kind !== 'silence') return null;
  if (t.against > 0) return 'not-adopted';
  if (t.for === t.eligible && t.eligible > 0) return 'adopted';
  return null;
}

/** The choices a ballot offers: "no objection" and "objection" only, under the silence procedure. */
export const choicesFor = (rule: BallotRule): readonly VoteChoice[] =>
  rule.kind === 'silence' ? ['for', 'against'] : VOTE_CHOICES;

export type BallotError =
  | 'BallotClosed'
  | 'NotOpenYet'
  | 'NotEligible'
  | 'ChoiceNotOffered'
  | 'DraftNotOpenForVote';

export interface BallotState {
  status: 'open' | 'closed';
  opensAt: string;
  closesAt: string;
  rule: BallotRule;
  eligibleStates: readonly MemberStateCode[];
}

/** A vote counts while the ballot is open and before its closing time, for an eligible state, with an offered choice. */
export const decideVote = (
  ballot: BallotState,
  state: MemberStateCode,
  choice: VoteChoice,
  now: string,
): { ok: true } | { ok: false; error: BallotError } => {
  if (ballot.status === 'closed' || Date.parse(now) >= Date.parse(ballot.closesAt))
    return { ok: false, error: 'BallotClosed' };
  if (Date.parse(now) < Date.parse(ballot.opensAt)) return { ok: false, error: 'NotOpenYet' };
  if (!ballot.eligibleStates.includes(state)) return { ok: false, error: 'NotEligible' };
  if (!choicesFor(ballot.rule).includes(choice)) return { ok: false, error: 'ChoiceNotOffered' };
  return { ok: true };
};

/**
 * Whether a reader sees the tally: always after the close; while open, unless the results are
 * hidden and the reader does not run the ballot (the secretary always sees them).
 */
export const tallyVisible = (
  ballot: { status: 'open' | 'closed'; resultsHidden: boolean },
  runsTheBallot: boolean,
): boolean => ballot.status === 'closed' || !ballot.resultsHidden || runsTheBallot;

/** A new closing moment must come after now and after the current one. */
export const isLaterClose = (closesAt: string, current: string, now: string): boolean =>
  Date.parse(closesAt) > Math.max(Date.parse(now), Date.parse(current));
