import { currentResponses, listDecisions, listResponseHistory, openTestDatabase } from '@accord/db';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from './demo-people';
import { seedDemoRegister } from './demo-register';
import { seedDemoPeople, seedReference } from './seed';

const counts = async (db: Awaited<ReturnType<typeof openTestDatabase>>) => {
  const result = await sql<{ t: string; n: number }>`
    select 'states' t, count(*) n from member_states union all select 'commission', count(*) from commission
    union all select 'programs', count(*) from programs union all select 'directions', count(*) from program_directions
    union all select 'people', count(*) from people union all select 'representations', count(*) from representations`.execute(
    db,
  );
  return Object.fromEntries(result.rows.map((r) => [r.t, r.n]));
};

describe('seeds', () => {
  it('put the reference data into a new database, and running twice changes nothing', async () => {
    const db = await openTestDatabase();
    await seedReference(db, '2027-01-01T00:00:00.000Z');
    const once = await counts(db);
    expect(once).toEqual({
      states: 6,
      commission: 1,
      programs: 1,
      directions: 5,
      people: 0,
      representations: 0,
    });
    await seedReference(db, '2027-01-02T00:00:00.000Z');
    expect(await counts(db)).toEqual(once);
  });

  it('add the demo commission only on request, once', async () => {
    const db = await openTestDatabase();
    await seedReference(db, '2027-01-01T00:00:00.000Z');
    await seedDemoPeople(db, '2027-01-01T00:00:00.000Z', { linkSandboxTelegram: true });
    await seedDemoPeople(db, '2027-01-01T00:00:00.000Z', { linkSandboxTelegram: true });
    const after = await counts(db);
    expect(after.people).toBe(DEMO_PEOPLE.length);
    expect(after.representations).toBe(12);
  });

  it('give every state a head of delegation and an alternate, and make the chairman a representative', () => {
    for (const state of ['AM', 'BY', 'KZ', 'KG', 'RU', 'TJ']) {
      const kinds = DEMO_PEOPLE.filter((p) => p.representation?.state === state).map(
        (p) => p.representation?.kind,
      );
      expect(kinds.sort()).toEqual(['alternate', 'head']);
    }
    const chairman = DEMO_PEOPLE.find((p) => p.roles.includes('chairman'));
    expect(chairman?.representation).toBeDefined();
    expect(DEMO_PEOPLE.some((p) => p.roles.includes('secretary') && p.roles.includes('admin'))).toBe(true);
    expect(DEMO_PEOPLE.some((p) => p.roles.includes('observer'))).toBe(true);
  });
});

describe('the demo register', () => {
  it('holds one adopted recommendation with responses at every stage, seeded once', async () => {
    const db = await openTestDatabase();
    const now = '2027-03-01T00:00:00.000Z';
    await seedReference(db, now);
    await seedDemoRegister(db, now); // no demo people yet: nothing
    expect(await listDecisions(db)).toEqual([]);
    await seedDemoPeople(db, now, { linkSandboxTelegram: true });
    await seedDemoRegister(db, now);
    await seedDemoRegister(db, now);
    const [entry, ...others] = await listDecisions(db);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ number: 1, year: 2026, kind: 'recommendation' });
    const current = currentResponses(await listResponseHistory(db, [entry?.id ?? 0]), entry?.id ?? 0);
    expect(Object.fromEntries([...current].map(([state, r]) => [state, r.status]))).toEqual({
      AM: 'implemented',
      BY: 'accepted',
      KG: 'accepted',
      KZ: 'under-consideration',
      RU: 'implemented',
      TJ: 'sent',
    });
  });
});
