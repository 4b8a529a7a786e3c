import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { type RunningProcess, startEntry } from '../../support/processes';

/** The core the benchmark process (sandbox, load, measurement) keeps; the worker gets the other. */
const BENCH_CORE = 0;
const WORKER_CORE = 1;

const canPin = (() => {
  if (process.platform !== 'linux' || availableParallelism() < 2) return false;
  const probe = spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
  return probe.status === 0;
})();

/** Pins every thread of `pid` to one core; false when taskset is missing or the machine has one core. */
function pin(pid: number, core: number): boolean {
  if (!canPin) return false;
  return spawnSync('taskset', ['-a', '-cp', String(core), String(pid)], { stdio: 'ignore' }).status === 0;
}

/** Pins a process under measurement (a worker, a server) to the core the benchmark leaves free. */
export const pinToWorkerCore = (pid: number): boolean => pin(pid, WORKER_CORE);

/** Pins this process (the sandbox and the measurement) to its core; returns a line saying what was done. */
export function pinBenchProcess(underTest = 'worker'): string {
  return pin(process.pid, BENCH_CORE)
    ? `pinning: benchmark + sandbox on core ${BENCH_CORE}, ${underTest} on core ${WORKER_CORE} (taskset)`
    : 'pinning: none (taskset missing or fewer than 2 cores)';
}

/** Workers this benchmark started and that have not exited: killed if the benchmark itself exits. */
const live = new Set<number>();
process.once('exit', () => {
  for (const pid of live) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export interface WorkerOptions {
  databaseFile: string;
  sandboxUrl: string;
  token: string;
  workerId: string;
  dispatchRate?: number;
}

export interface StartedWorker {
  process: RunningProcess;
  pid: number;
  /** Epoch ms of the worker's own 'worker running' log line (pino's `time`): its dispatcher has started. */
  readyAt: number;
}

/**
 * Starts an entry point as its own process on the worker's core (everything under test runs
 * there, the sandbox and the measurement on the other); killed if the benchmark exits first.
 */
export function startPinnedEntry(
  entry: string,
  env: Record<string, string>,
): { process: RunningProcess; pid: number } {
  const running = startEntry(entry, env);
  const pid = running.child.pid;
  if (pid === undefined) throw new Error(`${entry} did not start`);
  live.add(pid);
  running.child.once('exit', () => live.delete(pid));
  pin(pid, WORKER_CORE);
  return { process: running, pid };
}

/** Starts `apps/bot/src/worker.ts` as its own process, pins it, and waits for its 'worker running' line. */
export async function startWorker(options: WorkerOptions): Promise<StartedWorker> {
  const { process: running, pid } = startPinnedEntry('apps/bot/src/worker.ts', {
    DATABASE_FILE: options.databaseFile,
    TELEGRAM_BOT_TOKEN: options.token,
    TELEGRAM_API_ROOT: options.sandboxUrl,
    WORKER_ID: options.workerId,
    ...(options.dispatchRate === undefined ? {} : { DISPATCH_RATE: String(options.dispatchRate) }),
    LOG_LEVEL: 'info',
  });
  const time = await running.waitForOutput(/"time":(\d+)[^\n]*"msg":"worker running"/, 60_000);
  return { process: running, pid, readyAt: Number(time) };
}

/** The process's peak resident set (VmHWM) in MB, read from /proc while it is alive; null elsewhere. */
export function peakRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

/** SIGTERM (in-flight sends finish and are recorded), then SIGKILL if it is not gone within `graceMs`. */
export async function stopWorker(worker: StartedWorker, graceMs = 10_000): Promise<void> {
  const exited = worker.process.stop('SIGTERM');
  const timer = setTimeout(() => worker.process.child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Lines the worker logged at error level or above (pino levels 50 and 60). */
export const workerErrorLines = (worker: StartedWorker): number =>
  worker.process
    .output()
    .split('\n')
    .filter((line) => /"level":(50|60)\b/.test(line)).length;
