import { exitWithParent } from './exit-with-parent';

/**
 * A simulator's command line (`--name value` or `--name=value`): the values by name, refusing
 * anything but the names it knows, so a mistyped option fails at start instead of being ignored.
 */
export function parseOptionArgs(argv: readonly string[], known: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unexpected argument ${argv[i]}`);
    if (!known.includes(m[1])) throw new Error(`unknown option --${m[1]}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    values.set(m[1], value);
  }
  return values;
}

/** A whole-number option in 0..max (`fallback` when not given). */
export function wholeNumberOption(values: ReadonlyMap<string, string>, name: string, fallback: number, max: number): number {
  const n = Number(values.get(name) ?? fallback);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`--${name} must be 0..${max}`);
  return n;
}

/**
 * Runs a simulated outside-world server as its own process: starts it, prints one line
 * `<readyLine> <url>` once it listens (what the launcher and tests wait for), and stops it on
 * SIGTERM/SIGINT and, when started with an IPC channel, when its parent is gone (even killed with
 * SIGKILL), so its port is free for the next start.
 */
export function serveUntilStopped(label: string, readyLine: string, start: () => Promise<{ url: string; stop(): Promise<void> }>): void {
  start().then(
    (handle) => {
      process.stdout.write(`${readyLine} ${handle.url}\n`);
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        handle.stop().then(() => process.exit(0), () => process.exit(1));
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
      exitWithParent({ stop: () => handle.stop(), onParentGone: () => process.stderr.write(`${label}: the process that started it is gone; stopping\n`) });
    },
    (error: unknown) => {
      process.stderr.write(`${label} failed to start: ${(error as Error)?.message ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
