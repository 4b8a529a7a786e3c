import { describe, expect, it } from 'vitest';
import { client } from '../api';
import { activeFilters, auditQuery, compactJson, nextDay, parseDay, startOfDayMs, zonedIso } from './audit';

describe('the audit query built from the page’s filters', () => {
  it('leaves out what is not set and trims what is', () => {
    expect(auditQuery({}, 'UTC')).toEqual({ query: {}, invalid: [] });
    expect(
      auditQuery({ action: ' person.update ', recordType: 'person', recordId: '', actorId: '7' }, 'UTC'),
    ).toEqual({ query: { action: 'person.update', recordType: 'person', actorId: '7' }, invalid: [] });
  });

  it('names a filter the API would refuse instead of sending it', () => {
    expect(auditQuery({ recordId: '12; drop', actorId: '0', action: 'Person.Update' }, 'UTC')).toEqual({
      query: {},
      invalid: ['action', 'recordId', 'actorId'],
    });
  });

  it('turns days into the start of that day and the start of the day after, in the viewer’s zone', () => {
    expect(auditQuery({ from: '2027-03-15', to: '2027-03-15' }, 'Asia/Yerevan').query).toEqual({
      from: '2027-03-15T00:00:00+04:00',
      to: '2027-03-16T00:00:00+04:00',
    });
    expect(auditQuery({ from: '2027-12-31', to: '2027-12-31' }, 'UTC').query).toEqual({
      from: '2027-12-31T00:00:00+00:00',
      to: '2028-01-01T00:00:00+00:00',
    });
  });

  it('follows daylight saving: the day after a change has the new offset', () => {
    expect(auditQuery({ from: '2027-03-28', to: '2027-03-28' }, 'Europe/Berlin').query).toEqual({
      from: '2027-03-28T00:00:00+01:00',
      to: '2027-03-29T00:00:00+02:00',
    });
  });

  it('refuses a day that does not exist and an end before the start', () => {
    expect(auditQuery({ from: '2027-02-30' }, 'UTC').invalid).toEqual(['from']);
    expect(auditQuery({ from: '2027-03-15', to: '2027-03-14' }, 'UTC')).toEqual({
      query: { from: '2027-03-15T00:00:00+00:00' },
      invalid: ['to'],
    });
  });

  it('builds the export link with the same filters through the typed client', () => {
    const { query } = auditQuery({ action: 'meeting.notify', from: '2027-03-15' }, 'Asia/Yerevan');
    expect(client.api.audit.export.$path({ query })).toBe(
      '/api/audit/export?action=meeting.notify&from=2027-03-15T00%3A00%3A00%2B04%3A00',
    );
  });
});

describe('days in a time zone', () => {
  it('reads only real calendar days', () => {
    expect(parseDay('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseDay('2027-02-29')).toBeNull();
    expect(parseDay('15.03.2027')).toBeNull();
  });

  it('steps over the end of a month and a year', () => {
    expect(nextDay({ year: 2027, month: 2, day: 28 })).toEqual({ year: 2027, month: 3, day: 1 });
    expect(nextDay({ year: 2027, month: 12, day: 31 })).toEqual({ year: 2028, month: 1, day: 1 });
  });

  it('starts a day when the clocks land, where they jump over midnight', () => {
    // Chile moved its clocks from 00:00 to 01:00 on 8 September 2024.
    const start = startOfDayMs({ year: 2024, month: 9, day: 8 }, 'America/Santiago');
    expect(zonedIso(start, 'America/Santiago')).toBe('2024-09-08T01:00:00-03:00');
  });

  it('starts a day at the first of two midnights, where the clocks go back over it', () => {
    // Cuba moved its clocks from 01:00 back to 00:00 on 3 November 2024, so that midnight happened twice.
    const start = startOfDayMs({ year: 2024, month: 11, day: 3 }, 'America/Havana');
    expect(zonedIso(start, 'America/Havana')).toBe('2024-11-03T00:00:00-04:00');
  });

  it('writes negative offsets and half hours', () => {
    expect(zonedIso(Date.UTC(2027, 0, 1, 12), 'America/New_York')).toBe('2027-01-01T07:00:00-05:00');
    expect(zonedIso(Date.UTC(2027, 0, 1, 12), 'Asia/Kolkata')).toBe('2027-01-01T17:30:00+05:30');
  });
});

describe('the filters kept in the address', () => {
  it('are only those set', () => {
    expect(activeFilters({ action: '', recordId: ' 12 ', from: undefined, to: '2027-03-15' })).toEqual({
      recordId: '12',
      to: '2027-03-15',
    });
  });
});

describe('before and after, compactly', () => {
  it('is nothing for no value', () => {
    expect(compactJson(null)).toBeNull();
    expect(compactJson(undefined)).toBeNull();
  });

  it('is one line of JSON when short', () => {
    expect(compactJson({ active: false, seats: [] })).toEqual({
      short: '{"active":false,"seats":[]}',
      full: '{"active":false,"seats":[]}',
      cut: false,
    });
  });

  it('is cut with an ellipsis when long, the whole of it kept indented', () => {
    const long = compactJson({ title: 'a'.repeat(50) }, 20);
    expect(long?.cut).toBe(true);
    expect(long?.short).toBe('{"title":"aaaaaaaaa…');
    expect(long?.short).toHaveLength(20);
    expect(long?.full).toContain('\n  "title"');
  });
});
