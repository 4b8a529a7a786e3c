import { describe, expect, it } from 'vitest';
import { activityValueText, changedFields, movedActivityInput } from './programs';

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
  it('lists only the fields a change touched, with their values', () => {
    expect(
      changedFields(
        { id: 3, start: '2027-01-01', end: '2027-02-01', title: 'A', updatedAt: 'x' },
        { start: '2027-01-05', end: '2027-02-01', title: 'A' },
      ),
    ).toEqual([{ field: 'start', before: '2027-01-01', after: '2027-01-05' }]);
  });

  it('reads the log’s JSON text', () => {
    expect(changedFields('{"progress":10}', '{"progress":20}')).toEqual([
      { field: 'progress', before: 10, after: 20 },
    ]);
  });

  it('lists every field a creation filled, with nothing before', () => {
    expect(changedFields(null, { title: 'A', progress: 0, description: '', dependsOn: [] })).toEqual([
      { field: 'title', before: undefined, after: 'A' },
      { field: 'progress', before: undefined, after: 0 },
    ]);
  });

  it('does not count a milestone’s row id as a change', () => {
    const milestones = [{ title: 'Site chosen', date: '2027-02-01', reachedAt: null }];
    expect(changedFields({ milestones: [{ id: 7, ...milestones[0] }] }, { milestones })).toEqual([]);
  });

  it('says each value with names, not ids, codes or JSON', () => {
    const names = {
      direction: (id: number) => `Direction ${id}`,
      state: (code: string) => ({ KZ: 'Kazakhstan', RU: 'Russia' })[code] ?? code,
      person: (id: number) => `Person ${id}`,
      activity: (id: number) => `Activity ${id}`,
      status: (status: string) => status.toUpperCase(),
      milestone: (title: string, date: string, reachedOn: string | null) =>
        `${title} ${date}${reachedOn ? ` reached ${reachedOn}` : ''}`,
      none: '—',
    };
    const text = (field: string, value: unknown) => activityValueText(field, value, names);
    expect(text('directionId', 2)).toBe('Direction 2');
    expect(text('leadState', 'KZ')).toBe('Kazakhstan');
    expect(text('participatingStates', ['RU', 'KZ'])).toBe('Russia; Kazakhstan');
    expect(text('participatingStates', [])).toBe('—');
    expect(text('responsiblePersonIds', [4])).toBe('Person 4');
    expect(text('dependsOn', [9, 10])).toBe('Activity 9; Activity 10');
    expect(text('status', 'delayed')).toBe('DELAYED');
    expect(text('progress', 40)).toBe('40%');
    expect(
      text('milestones', [
        { id: 1, title: 'Site chosen', date: '2027-02-01', reachedAt: '2027-02-03T10:00:00.000Z' },
        { title: 'Opened', date: '2027-06-01', reachedAt: null },
      ]),
    ).toBe('Site chosen 2027-02-01 reached 2027-02-03; Opened 2027-06-01');
    expect(text('start', '2027-01-05')).toBe('2027-01-05');
    expect(text('description', '')).toBe('—');
    expect(text('title', undefined)).toBe('—');
  });
});
