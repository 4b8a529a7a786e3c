import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './connection';

describe('openDatabase keeps prepared statements', () => {
  it('answers each run of a kept statement with its own parameters', async () => {
    const db = openDatabase({ file: ':memory:' });
    try {
      for (const n of [1, 2, 3])
        expect((await sql<{ n: number }>`select ${n} as n`.execute(db)).rows).toEqual([{ n }]);
    } finally {
      await db.destroy();
    }
  });

  it('still answers after more distinct statements than it keeps, and after the schema changes', async () => {
    const db = openDatabase({ file: ':memory:' });
    try {
      await sql`create table t (a integer)`.execute(db);
      await sql`insert into t (a) values (1)`.execute(db);
      const read = () => sql<{ a: number }>`select * from t`.execute(db);
      expect((await read()).rows).toEqual([{ a: 1 }]);
      for (let i = 0; i < 600; i++) await sql.raw(`select ${i} as n`).execute(db);
      const long = Array.from({ length: 2_000 }, (_, i) => i + 1_000);
      expect(
        (await sql<{ n: number }>`select count(*) as n from t where a not in (${sql.join(long)})`.execute(db))
          .rows,
      ).toEqual([{ n: 1 }]);
      await sql`alter table t add column b text default 'x'`.execute(db);
      expect((await read()).rows).toEqual([{ a: 1, b: 'x' }]);
    } finally {
      await db.destroy();
    }
  });
});
