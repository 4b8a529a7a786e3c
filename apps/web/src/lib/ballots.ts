import type { BallotRule, Fraction, Tally, VoteChoice } from '@accord/domain';

/** One cast as the API reports it; `live` is false once the state voted again (the later cast supersedes it). */
export interface CastView {
  id: number;
  stateCode: string;
  choice: VoteChoice;
  channel: string;
  castAt: string;
  live: boolean;
}

/** An eligible state's place in the ballot: its counting vote (if any) and every cast, oldest first. */
export interface StateVotes<V extends CastView> {
  stateCode: string;
  live: V | undefined;
  history: V[];
}

/** The eligible states in the ballot's order, each with its live vote and its history. */
export const votesByState = <V extends CastView>(
  eligible: readonly string[],
  votes: readonly V[],
): StateVotes<V>[] =>
  eligible.map((stateCode) => {
    const history = votes.filter((v) => v.stateCode === stateCode);
    return { stateCode, live: history.find((v) => v.live), history };
  });

/** The eligible states with no vote that counts. */
export const notVoted = (eligible: readonly string[], votes: readonly CastView[]): string[] =>
  eligible.filter((state) => !votes.some((v) => v.live && v.stateCode === state));

/** The choices a rule offers, in the order the form lists them (the domain's `choicesFor`, copied). */
export const choicesFor = (rule: Pick<BallotRule, 'kind'>): readonly VoteChoice[] =>
  rule.kind === 'silence' ? ['for', 'against'] : ['for', 'against', 'abstain'];

/** What the "Put to the vote" form says about the rule, before it becomes the API's rule. */
export interface RuleChoice {
  kind: BallotRule['kind'];
  /** For a majority: "simple" (more than half) or a qualified fraction such as 2/3. */
  majority: 'simple' | 'qualified';
  numerator: number;
  denominator: number;
}

export const SIMPLE_MAJORITY: Fraction = { numerator: 1, denominator: 2, strict: true };

/** The rule the form describes: a simple majority is "more than half", a qualified one "at least n/d". */
export const ruleFrom = (choice: RuleChoice): BallotRule => {
  if (choice.kind === 'majority')
    return {
      kind: 'majority',
      threshold:
        choice.majority === 'simple'
          ? SIMPLE_MAJORITY
          : { numerator: choice.numerator, denominator: choice.denominator },
    };
  return { kind: choice.kind };
};

/** A fraction as people write it: "more than 1/2", "2/3". */
export const fractionText = (f: Fraction, moreThan: string): string =>
  `${f.strict ? `${moreThan} ` : ''}${f.numerator}/${f.denominator}`;

/** The counts, when the reader may see them (while hidden results are open, only how many states took part). */
export const fullTally = (
  tally: Pick<Tally, 'participating' | 'eligible' | 'quorumMet'> | Tally,
): Tally | undefined => ('for' in tally ? tally : undefined);
