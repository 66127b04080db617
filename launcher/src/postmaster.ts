import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { processAlive, waitForExit } from '@hub/process-lifecycle';

/**
 * The PostgreSQL server process (postmaster) that `postmaster.pid` in the data directory names, when it
 * still runs and is really that directory's server: PostgreSQL writes its pid, data directory and port
 * there, and the command line of a live process with that pid must name the same directory (a pid
 * reused by an unrelated process after a reboot does not).
 */
export function runningPostmaster(dataDir: string): { pid: number; port: number } | null {
  let lines: string[];
  try {
    lines = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || resolve(lines[1] ?? '') !== resolve(dataDir) || !processAlive(pid)) return null;
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (!command.some((arg) => /postgres$/.test(arg)) || !command.some((arg) => arg && resolve(arg) === resolve(dataDir))) return null;
  } catch {
    if (process.platform === 'linux') return null;
  }
  return { pid, port: Number(lines[3]) };
}

/**
 * Stops a postmaster: fast shutdown (SIGINT: open transactions roll back, clients are disconnected, a
 * checkpoint is written), then immediate shutdown (SIGQUIT: crash recovery at the next start) if that
 * takes too long, then SIGKILL. Resolves true once it is gone.
 */
export async function stopPostmaster(pid: number, fastMs = 15_000): Promise<boolean> {
  for (const [signal, waitMs] of [['SIGINT', fastMs], ['SIGQUIT', 5000], ['SIGKILL', 5000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return true;
    }
    if (await waitForExit(pid, waitMs)) return true;
  }
  return false;
}
