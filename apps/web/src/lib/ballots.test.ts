import { choicesFor as domainChoicesFor } from '@accord/domain';
import { describe, expect, it } from 'vitest';
import { choicesFor, fractionText, notVoted, ruleFrom, votesByState } from './ballots';

const cast = (id: number, stateCode: string, choice: 'for' | 'against' | 'abstain', live = true) => ({
  id,
  stateCode,
  choice,
  channel: 'telegram',
  castAt: `2027-02-0${id}T09:00:00.000Z`,
  live,
});

describe('a ballot’s votes by state', () => {
  const votes = [cast(1, 'KG', 'for', false), cast(2, 'AM', 'against'), cast(3, 'KG', 'abstain')];

  it('list every eligible state with its counting vote and all its casts, a changed vote kept as history', () => {
    const rows = votesByState(['AM', 'BY', 'KG'], votes);
    expect(rows.map((r) => [r.stateCode, r.live?.choice, r.history.map((h) => h.id)])).toEqual([
      ['AM', 'against', [2]],
      ['BY', undefined, []],
      ['KG', 'abstain', [1, 3]],
    ]);
  });

  it('name the states that have not voted', () => {
    expect(notVoted(['AM', 'BY', 'KG', 'RU'], votes)).toEqual(['BY', 'RU']);
  });
});

describe('the rule as the form sets it', () => {
  it('offers the same choices as the domain', () => {
    for (const kind of ['consensus', 'majority', 'silence'] as const)
      expect(choicesFor({ kind })).toEqual(
        domainChoicesFor(
          kind === 'majority' ? { kind, threshold: { numerator: 1, denominator: 2 } } : { kind },
        ),
      );
  });

  it('makes a simple majority "more than half" and a qualified one "at least the fraction"', () => {
    const base = { numerator: 2, denominator: 3 };
    expect(ruleFrom({ kind: 'consensus', majority: 'simple', ...base })).toEqual({ kind: 'consensus' });
    expect(ruleFrom({ kind: 'majority', majority: 'simple', ...base })).toEqual({
      kind: 'majority',
      threshold: { numerator: 1, denominator: 2, strict: true },
    });
    expect(ruleFrom({ kind: 'majority', majority: 'qualified', ...base })).toEqual({
      kind: 'majority',
      threshold: { numerator: 2, denominator: 3 },
    });
    expect(fractionText({ numerator: 1, denominator: 2, strict: true }, 'more than')).toBe('more than 1/2');
    expect(fractionText({ numerator: 2, denominator: 3 }, 'more than')).toBe('2/3');
  });
});
