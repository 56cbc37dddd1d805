import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Parent side of the crash tests (reliability-notes §5.1): start an operation in a child process,
// SIGKILL it at a random moment, then let the test inspect the files it left.

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHILD_RUNNER = join(REPO_ROOT, 'test', 'stress', 'child-runner.ts');

/** `SELFEVAL_STRESS=full` (npm run test:stress) runs the full counts; npm test runs a small profile. */
export const STRESS_FULL = process.env.SELFEVAL_STRESS === 'full';

/** Kills per operation: 50 (200 for imports) in the full run, 5 (10 for imports) in the small profile. */
export function killsPerOperation(kind: 'operation' | 'import' = 'operation'): number {
  if (!STRESS_FULL) return kind === 'import' ? 10 : 5;
  return kind === 'import' ? 200 : 50;
}

export const STRESS_TEST_TIMEOUT_MS = STRESS_FULL ? 60 * 60_000 : 300_000;

export interface ChildRun {
  /** Killed before it reported DONE (for looping operations: always, when killed). */
  killedMidway: boolean;
  lines: string[];
  stderr: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from READY to DONE, for one-shot operations that finished. */
  readyToDoneMs: number | null;
}

/** The batch ids a looping child reported as committed (`COMMIT n` lines) before it was killed. */
export function reportedCommits(run: ChildRun): number[] {
  return run.lines.filter((l) => l.startsWith('COMMIT ')).map((l) => Number(l.slice(7)));
}

/**
 * Runs `operation` in a child and kills it `killAfterMs` after it printed READY (null: let it
 * finish). Rejects if the child fails on its own or never gets ready.
 */
export function runChild(operation: string, args: Record<string, unknown>, killAfterMs: number | null): Promise<ChildRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD_RUNNER, operation, JSON.stringify(args)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let stderr = '';
    let buffered = '';
    let readyAt: number | null = null;
    let doneAt: number | null = null;
    let killTimer: NodeJS.Timeout | null = null;
    let killSent = false;
    const startTimer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child ${operation} did not get ready in 120 s: ${stderr}`));
    }, 120_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl = buffered.indexOf('\n');
      while (nl >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        lines.push(line);
        if (line === 'READY' && readyAt === null) {
          readyAt = performance.now();
          clearTimeout(startTimer);
          if (killAfterMs !== null) {
            killTimer = setTimeout(() => {
              killSent = true;
              child.kill('SIGKILL');
            }, killAfterMs);
          }
        }
        if (line === 'DONE') doneAt = performance.now();
        nl = buffered.indexOf('\n');
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => {
      stderr += c;
    });
    child.on('error', reject);
    child.on('exit', (exitCode, signal) => {
      clearTimeout(startTimer);
      if (killTimer) clearTimeout(killTimer);
      const killedMidway = killSent && signal === 'SIGKILL' && doneAt === null;
      // Killed after DONE (while exiting) counts as finished; any other non-zero exit is a failure.
      if (!(killSent && signal === 'SIGKILL') && exitCode !== 0) {
        reject(new Error(`child ${operation} failed (exit ${exitCode}, signal ${signal}): ${stderr}`));
        return;
      }
      resolvePromise({
        killedMidway,
        lines,
        stderr,
        exitCode,
        signal,
        readyToDoneMs: readyAt !== null && doneAt !== null ? doneAt - readyAt : null,
      });
    });
  });
}

/** Uniform random delay in [minMs, maxMs]. */
export function randomDelay(minMs: number, maxMs: number): number {
  return Math.round(minMs + Math.random() * (maxMs - minMs));
}

/**
 * Kill delays for one-shot operations: every other kill is spread over the whole operation, the
 * others fall in its last quarter, where the final rename or commit happens. The duration is
 * re-estimated from runs that finished before their kill (the machine's speed varies).
 */
export class KillWindow {
  constructor(private durationMs: number) {}

  delay(i: number): number {
    const d = this.durationMs;
    return i % 2 === 0 ? randomDelay(0, d * 1.05) : randomDelay(d * 0.75, d * 1.05);
  }

  observe(run: ChildRun): void {
    if (run.readyToDoneMs !== null) this.durationMs = this.durationMs * 0.7 + run.readyToDoneMs * 0.3;
  }
}

export interface KillVerdict {
  /** quick_check / integrity_check failed, or a file under a final name is damaged. */
  integrityFailure: boolean;
  /** A batch, migration, backup, restore or export is partly there. */
  partial: boolean;
  /** user_version or schema is not exactly one of the versions the migrations produce. */
  versionBetween: boolean;
  /** Something reported as saved before the kill is missing. */
  lost: boolean;
  /** Free-form state label for the tally, e.g. "old" / "new". */
  state: string;
  detail?: string;
  /** Extra figures summed over all runs and printed in the tally (e.g. batches checked). */
  counts?: Record<string, number>;
}

export class KillTally {
  kills = 0;
  finishedBeforeKill = 0;
  integrityFailures = 0;
  partial = 0;
  versionBetween = 0;
  lost = 0;
  readonly states = new Map<string, number>();
  readonly counts = new Map<string, number>();
  readonly problems: string[] = [];

  constructor(readonly operation: string) {}

  record(run: ChildRun, v: KillVerdict): void {
    if (run.killedMidway) this.kills++;
    else this.finishedBeforeKill++;
    if (v.integrityFailure) this.integrityFailures++;
    if (v.partial) this.partial++;
    if (v.versionBetween) this.versionBetween++;
    if (v.lost) this.lost++;
    this.states.set(v.state, (this.states.get(v.state) ?? 0) + 1);
    for (const [k, n] of Object.entries(v.counts ?? {})) this.counts.set(k, (this.counts.get(k) ?? 0) + n);
    if (v.integrityFailure || v.partial || v.versionBetween || v.lost) this.problems.push(`${v.state}: ${v.detail ?? ''}`);
  }

  get bad(): number {
    return this.integrityFailures + this.partial + this.versionBetween + this.lost;
  }

  line(): string {
    const states = [...this.states.entries()].map(([k, n]) => `${k}:${n}`).join(',');
    const counts = [...this.counts.entries()].map(([k, n]) => ` ${k}=${n}`).join('');
    return `KILLTEST ${this.operation} kills=${this.kills} integrity_failures=${this.integrityFailures} partial=${this.partial} version_between=${this.versionBetween} lost=${this.lost} finished_before_kill=${this.finishedBeforeKill} states=${states}${counts}`;
  }
}

export interface Campaign<A extends Record<string, unknown>> {
  operation: string;
  kills: number;
  /** Files for attempt `i`; called before every child. */
  prepare(i: number): Promise<A> | A;
  /** Delay after READY before the kill. */
  delayMs(i: number): number;
  verify(args: A, run: ChildRun, i: number): Promise<KillVerdict> | KillVerdict;
}

/** Runs children until `kills` of them were killed midway (at most 3× as many attempts). */
export async function runKillCampaign<A extends Record<string, unknown>>(c: Campaign<A>): Promise<KillTally> {
  const tally = new KillTally(c.operation);
  const maxAttempts = c.kills * 3 + 5;
  for (let i = 0; tally.kills < c.kills && i < maxAttempts; i++) {
    const args = await c.prepare(i);
    const run = await runChild(c.operation, args, c.delayMs(i));
    tally.record(run, await c.verify(args, run, i));
  }
  console.log(tally.line());
  return tally;
}

export interface RunningChild {
  pid: number;
  /** SIGKILLs the child and waits until it is gone. */
  kill(): Promise<void>;
}

/** Starts `operation` and resolves once it printed READY, leaving it running (e.g. holding a lock). */
export function startChild(operation: string, args: Record<string, unknown>): Promise<RunningChild> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD_RUNNER, operation, JSON.stringify(args)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => {
      stderr += c;
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c: string) => {
      if (c.includes('READY')) {
        resolvePromise({
          pid: child.pid!,
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`child ${operation} exited (${code}) before READY: ${stderr}`)));
    child.once('error', reject);
  });
}
