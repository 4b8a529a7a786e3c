import { describe, expect, it } from 'vitest';
import { changedFields, movedActivityInput } from './programs';

const activity = {
  title: 'Joint repair centre',
  description: '',
  directionId: 1,
  leadState: 'BY',
  participatingStates: ['RU'],
  responsiblePersonIds: [],
  start: '2027-01-30',
  end: '2027-02-27',
  status: 'planned',
  progress: 10,
  milestones: [{ title: 'Site chosen', date: '2027-02-01', reachedAt: null }],
  dependsOn: [4],
} as const;

describe('moving an activity', () => {
  it('moves both dates and its milestones by whole days and keeps everything else', () => {
    const moved = movedActivityInput(activity, 3);
    expect(moved).toMatchObject({ start: '2027-02-02', end: '2027-03-02', dependsOn: [4], progress: 10 });
    expect(moved.milestones).toEqual([{ title: 'Site chosen', date: '2027-02-04', reachedAt: null }]);
  });
});

describe('an activity’s history', () => {
  it('lists only the fields a change touched', () => {
    expect(
      changedFields(
        { id: 3, start: '2027-01-01', end: '2027-02-01', title: 'A', updatedAt: 'x' },
        { start: '2027-01-05', end: '2027-02-01', title: 'A' },
      ),
    ).toEqual([{ field: 'start', before: '"2027-01-01"', after: '"2027-01-05"' }]);
  });

  it('reads the log’s JSON text', () => {
    expect(changedFields('{"progress":10}', '{"progress":20}')).toEqual([
      { field: 'progress', before: '10', after: '20' },
    ]);
  });

  it('lists every field of a creation', () => {
    expect(changedFields(null, { title: 'A', progress: 0 }).map((c) => c.field)).toEqual([
      'title',
      'progress',
    ]);
  });
});
