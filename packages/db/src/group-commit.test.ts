import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection';
import { groupCommitOf, type SyncWrite } from './group-commit';

let db: ReturnType<typeof openDatabase>;
beforeEach(async () => {
  db = openDatabase({ file: ':memory:' });
  await sql`create table t (a integer not null check (a > 0))`.execute(db);
});
afterEach(() => db.destroy());

const rows = async () =>
  (await sql<{ a: number }>`select a from t order by a`.execute(db)).rows.map((r) => r.a);

/** Inserts `a` (a check refuses a ≤ 0), counting how often it ran. */
function insert(a: number, runs: Map<number, number>): SyncWrite<number> {
  return (sqlite) => {
    runs.set(a, (runs.get(a) ?? 0) + 1);
    sqlite.prepare('insert into t (a) values (?)').run(a);
    return a * 10;
  };
}

describe('group commit', () => {
  it('answers each write with its own result once committed', async () => {
    const runs = new Map<number, number>();
    const committer = groupCommitOf(db);
    expect(await Promise.all([1, 2, 3].map((a) => committer.run(insert(a, runs))))).toEqual([10, 20, 30]);
    expect(await rows()).toEqual([1, 2, 3]);
    expect(groupCommitOf(db)).toBe(committer);
  });

  it('fails only the write that throws: the others arriving with it are committed, its own statements undone', async () => {
    const runs = new Map<number, number>();
    const committer = groupCommitOf(db);
    const failing: SyncWrite<never> = (sqlite) => {
      sqlite.prepare('insert into t (a) values (4)').run();
      sqlite.prepare('insert into t (a) values (0)').run();
      throw new Error('unreachable');
    };
    const results = await Promise.allSettled([
      committer.run(insert(1, runs)),
      committer.run(failing),
      committer.run(insert(2, runs)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/CHECK constraint failed/);
    expect(await rows()).toEqual([1, 2]);
    // They shared a transaction: the first ran, was rolled back with the failing one, and ran again alone.
    expect(runs).toEqual(
      new Map([
        [1, 2],
        [2, 1],
      ]),
    );
  });

  it('commits writes of different turns apart', async () => {
    const runs = new Map<number, number>();
    const committer = groupCommitOf(db);
    await committer.run(insert(1, runs));
    await expect(committer.run(insert(-1, runs))).rejects.toThrow(/CHECK constraint failed/);
    expect(await rows()).toEqual([1]);
    expect([...runs.values()]).toEqual([1, 1]);
  });

  it('waits for a Kysely transaction in progress instead of writing inside it', async () => {
    const runs = new Map<number, number>();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = db.transaction().execute(async (trx) => {
      await sql`insert into t (a) values (5)`.execute(trx);
      await held;
      throw new Error('rolled back');
    });
    const write = groupCommitOf(db).run(insert(6, runs));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs.size).toBe(0);
    release();
    await expect(transaction).rejects.toThrow('rolled back');
    expect(await write).toBe(60);
    expect(await rows()).toEqual([6]);
  });
});
