export interface ExitWithParentOptions {
  /** Stops the process in order (servers, pools); it exits when this settles. */
  stop: () => Promise<unknown>;
  /** The longest the orderly stop may take before the process exits anyway (default 5 s). */
  graceMs?: number;
  /** How often to compare process.ppid with the parent it started with (default 500 ms). */
  pollMs?: number;
  /** Told once, when the parent is found gone (for a log line). */
  onParentGone?: (how: 'disconnect' | 'reparented') => void;
}

/**
 * Makes a child process of the hub stop when its parent is gone, however the parent went: an
 * orderly parent stops its children itself, but one killed with SIGKILL cannot, and an orphan that
 * keeps its port makes the next start fail ("listen EADDRINUSE").
 *
 * Only when started with an IPC channel (stdio 'ipc'): that is how a parent says it manages this
 * process; run by hand (no channel) a process keeps running on its own. The kernel closes the
 * channel when the parent dies, so 'disconnect' comes at once; process.ppid changing (the orphan is
 * adopted by init or a subreaper) is checked as well, in case the channel was closed some other way.
 * Returns whether it watches.
 */
export function exitWithParent(options: ExitWithParentOptions): boolean {
  if (!process.send) return false;
  const parent = process.ppid;
  const graceMs = options.graceMs ?? 5000;
  let gone = false;
  const onGone = (how: 'disconnect' | 'reparented') => {
    if (gone) return;
    gone = true;
    clearInterval(poll);
    options.onParentGone?.(how);
    setTimeout(() => process.exit(1), graceMs).unref();
    options.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  const poll = setInterval(() => process.ppid !== parent && onGone('reparented'), options.pollMs ?? 500);
  poll.unref();
  process.once('disconnect', () => onGone('disconnect'));
  return true;
}
