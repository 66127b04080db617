import { readFileSync } from 'node:fs';

/**
 * Whether a process still runs. A zombie (exited, not yet reaped: an orphan whose new parent does not
 * reap, as in some containers) counts as gone: it holds no port, no file and no memory any more.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user (the embedded PostgreSQL runs as `postgres`).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    // "pid (comm) S ...": the state follows the last ')' (comm may itself contain one).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    // No /proc (macOS): kill(pid, 0) succeeding is all there is.
    return process.platform !== 'linux';
  }
}

/** Resolves true once the process is gone, false when it still runs after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number, pollMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (processAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return true;
}
