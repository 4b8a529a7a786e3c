import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { sqliteHandleOf } from './connection';
import type { Database } from './schema';

/** A write of a few statements, run synchronously on the connection; throwing undoes it. */
export type SyncWrite<T> = (sqlite: SQLite.Database) => T;

interface Pending {
  write: SyncWrite<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Marks an error thrown by one of the batch's writes, as against by `begin` or `commit`. */
class WriteFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('a write in the batch failed');
  }
}

/**
 * Group commit: the writes that arrive in the same turn of the event loop share one transaction.
 * For a small write the commit costs more than its statements, so a burst of writes (the secretary's
 * dashboard and every member pressing at once) is committed once, not once each. If one write
 * throws, the shared transaction is rolled back and each runs again alone, so a bad write fails
 * only itself. A write is answered only once its transaction has committed.
 *
 * The batch runs on the connection Kysely uses, holding Kysely's connection lock: it never lands
 * inside a Kysely transaction that is waiting between two statements, and none starts inside it.
 */
export class GroupCommit {
  #pending: Pending[] = [];
  readonly #together: SQLite.Transaction<(batch: Pending[]) => unknown[]>;
  readonly #alone: SQLite.Transaction<(write: SyncWrite<unknown>) => unknown>;

  constructor(
    private readonly db: Kysely<Database>,
    sqlite: SQLite.Database,
  ) {
    this.#together = sqlite.transaction((batch: Pending[]) =>
      batch.map(({ write }) => {
        try {
          return write(sqlite);
        } catch (error) {
          throw new WriteFailed(error);
        }
      }),
    );
    this.#alone = sqlite.transaction((write: SyncWrite<unknown>) => write(sqlite));
  }

  /** Runs the write in the next batch; resolves with its result once the batch has committed. */
  run<T>(write: SyncWrite<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ write, resolve: resolve as (value: unknown) => void, reject });
      // The check phase comes after the poll phase: every request read in this turn is in the batch.
      if (this.#pending.length === 1) setImmediate(() => void this.#flush());
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    try {
      await this.db.connection().execute(async () => this.#commit(batch));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }

  #commit(batch: Pending[]): void {
    let results: unknown[];
    try {
      results = this.#together.immediate(batch);
    } catch (error) {
      if (!(error instanceof WriteFailed)) throw error;
      const [only, ...others] = batch;
      if (only && others.length === 0) only.reject(error.cause);
      else for (const pending of batch) this.#commitAlone(pending);
      return;
    }
    for (const [i, pending] of batch.entries()) pending.resolve(results[i]);
  }

  #commitAlone(pending: Pending): void {
    try {
      pending.resolve(this.#alone.immediate(pending.write));
    } catch (error) {
      pending.reject(error);
    }
  }
}

const committers = new WeakMap<Kysely<Database>, GroupCommit>();

/** The database's group commit: one per connection, as the batch is the connection's transaction. */
export function groupCommitOf(db: Kysely<Database>): GroupCommit {
  let committer = committers.get(db);
  if (!committer) {
    committer = new GroupCommit(db, sqliteHandleOf(db));
    committers.set(db, committer);
  }
  return committer;
}
