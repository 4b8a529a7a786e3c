import { describe, expect, it } from 'vitest';
import {
  addDays,
  barGeometry,
  daysDragged,
  NO_FILTERS,
  openingDate,
  ROW_HEIGHT,
  scaleTicks,
  type TimelineActivity,
  timelineRows,
  visibleRange,
} from './timeline';

const activity = (id: number, over: Partial<TimelineActivity> = {}): TimelineActivity => ({
  id,
  title: `A${id}`,
  directionId: 1,
  leadState: 'RU',
  participatingStates: [],
  start: '2027-01-01',
  end: '2027-01-31',
  status: 'planned',
  progress: 0,
  milestones: [],
  dependsOn: [],
  ...over,
});

const directions = [
  { id: 1, title: 'Joint ventures' },
  { id: 2, title: 'Standards' },
];

describe('the timeline', () => {
  it('groups activities under their direction and leaves out directions with none shown', () => {
    const rows = timelineRows(
      directions,
      [activity(1), activity(2, { directionId: 2, leadState: 'KZ' }), activity(3, { status: 'done' })],
      { ...NO_FILTERS, state: 'KZ' },
    );
    expect(rows.map((r) => (r.kind === 'direction' ? `d${r.directionId}` : r.activity.id))).toEqual([
      'd2',
      2,
    ]);
  });

  it('counts a state that takes part as well as the one that leads', () => {
    const rows = timelineRows(directions, [activity(1, { participatingStates: ['AM'] })], {
      ...NO_FILTERS,
      state: 'AM',
    });
    expect(rows).toHaveLength(2);
  });

  it('draws only the rows in view, with some to spare, never past the list', () => {
    expect(visibleRange(100 * ROW_HEIGHT, 10 * ROW_HEIGHT, 10_000)).toEqual({ first: 94, end: 116 });
    expect(visibleRange(0, 10 * ROW_HEIGHT, 3)).toEqual({ first: 0, end: 3 });
  });

  it('makes a one-day activity one day wide and moves by whole days', () => {
    expect(barGeometry('2027-01-02', '2027-01-02', '2027-01-01', 'quarter')).toEqual({ left: 4, width: 4 });
    expect(daysDragged(-9, 'quarter')).toBe(-2);
    expect(daysDragged(1, 'quarter')).toBe(0);
    expect(addDays('2028-02-28', 2)).toBe('2028-03-01');
  });

  it('puts a tick at each quarter inside the period', () => {
    expect(scaleTicks('2027-02-10', '2027-12-31', 'quarter').map((t) => t.date)).toEqual([
      '2027-04-01',
      '2027-07-01',
      '2027-10-01',
    ]);
    expect(scaleTicks('2027-01-01', '2028-06-30', 'year').map((t) => t.date)).toEqual([
      '2027-01-01',
      '2028-01-01',
    ]);
  });
});

describe('where the timeline opens', () => {
  const rows = timelineRows(
    directions,
    [activity(1, { start: '2016-05-01' }), activity(2, { directionId: 2, start: '2015-03-02' })],
    NO_FILTERS,
  );
  it('opens at today while the program runs', () => {
    expect(openingDate(rows, '2019-06-01', '2013-01-01', '2020-12-31')).toBe('2019-06-01');
  });
  it('opens a finished or future program at its earliest activity shown', () => {
    expect(openingDate(rows, '2026-11-27', '2013-01-01', '2020-12-31')).toBe('2015-03-02');
    expect(openingDate(rows, '2010-01-01', '2013-01-01', '2020-12-31')).toBe('2015-03-02');
  });
  it('opens at the program’s start when no activity is shown', () => {
    expect(openingDate([], '2026-11-27', '2013-01-01', '2020-12-31')).toBe('2013-01-01');
  });
});
