import { claimDueReminders, type Database, type Kysely, type LeaseClaim } from '@accord/db';
import { CompiledQuery, type KyselyPlugin, SqliteQueryCompiler } from 'kysely';

export interface ClaimPlan {
  /** The claim's statement exactly as `claimDueReminders` sends it to SQLite. */
  statement: string;
  /** `EXPLAIN QUERY PLAN` of that statement with its real parameters, one line per step, indented by depth. */
  lines: string[];
  /** A step reads every row of `reminders` (or every entry of one of its indexes). */
  fullScan: boolean;
  /** The due rows are found through the partial index `reminders_pending`. */
  usesPendingIndex: boolean;
  /** The candidates are sorted in a temporary b-tree (since each branch is limited to a batch, at most two batches are). */
  sortsCandidates: boolean;
}

class Captured extends Error {
  constructor(readonly query: CompiledQuery) {
    super('claim statement captured');
  }
}

/**
 * Runs `claimDueReminders` through a plugin that compiles its statement and stops it before it
 * reaches SQLite (nothing is claimed), then asks SQLite for the plan of that very statement with
 * the same bound values — SQLite decides whether a partial index applies from those values.
 */
export async function explainClaim(db: Kysely<Database>, claim: LeaseClaim): Promise<ClaimPlan> {
  const compiler = new SqliteQueryCompiler();
  const capture: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      throw new Captured(compiler.compileQuery(node, queryId));
    },
    transformResult: async ({ result }) => result,
  };
  let query: CompiledQuery | undefined;
  try {
    await claimDueReminders(db.withPlugin(capture), claim);
  } catch (error) {
    if (!(error instanceof Captured)) throw error;
    query = error.query;
  }
  if (query === undefined) throw new Error('claimDueReminders ran no statement');

  const result = await db.executeQuery<{ id: number; parent: number; detail: string }>(
    CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
  );
  const depth = new Map<number, number>();
  const lines = result.rows.map((row) => {
    const d = (depth.get(row.parent) ?? -1) + 1;
    depth.set(row.id, d);
    return `${'  '.repeat(d)}${row.detail}`;
  });
  const details = result.rows.map((row) => row.detail);
  return {
    statement: query.sql.replace(/\s+/g, ' ').trim(),
    lines,
    // "SCAN reminders" and "SCAN reminders USING [COVERING] INDEX …" both visit the whole table;
    // "SCAN (subquery-n)" only walks the rows the inner selects produced.
    fullScan: details.some((d) => /^SCAN (reminders|"reminders")\b/.test(d)),
    usesPendingIndex: details.some((d) =>
      /^SEARCH reminders USING (COVERING )?INDEX reminders_pending\b/.test(d),
    ),
    sortsCandidates: details.some((d) => /TEMP B-TREE FOR ORDER BY/.test(d)),
  };
}
