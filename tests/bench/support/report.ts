import { parseArgs } from 'node:util';

/** Telegram's overall limit: the floor of a broadcast is its sends ÷ this. */
export const TELEGRAM_SENDS_PER_SECOND = 30;

/** `--rounds N` from the command line, or the scenario's default. */
export function roundsFromArgs(defaultRounds: number): number {
  const { values } = parseArgs({ options: { rounds: { type: 'string' } }, strict: false });
  const raw = values.rounds;
  if (raw === undefined || typeof raw !== 'string') return defaultRounds;
  const rounds = Number(raw);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`--rounds must be a positive integer, got ${raw}`);
  return rounds;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
export const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Readable lines go to stdout as they come; the JSON line is always the last one. */
export const say = (line: string) => console.log(line);

export function finish(
  bench: string,
  figures: Record<string, unknown>,
  targets: Record<string, unknown>,
  pass: boolean,
): never {
  say(`${bench}: ${pass ? 'PASS' : 'FAIL'}`);
  console.log(JSON.stringify({ bench, figures, targets, pass }));
  process.exit(pass ? 0 : 1);
}

/**
 * Runs rounds 1…`rounds` one after another. A round that throws (a worker that never starts, a
 * kill point never reached) ends the benchmark at once with a failing JSON line.
 */
export async function runRounds<T>(
  bench: string,
  targets: Record<string, unknown>,
  rounds: number,
  round: (n: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  for (let n = 1; n <= rounds; n++) {
    try {
      results.push(await round(n));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      say(`round ${n} failed: ${message}`);
      finish(bench, { rounds, completedRounds: n - 1, error: message.slice(0, 500) }, targets, false);
    }
  }
  return results;
}
