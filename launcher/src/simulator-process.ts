import { ChildProcess, spawn } from 'node:child_process';

/** A simulated outside system (demo ERP, demo carrier) running as a process of its own. */
export interface SimulatorProcess {
  url: string;
  stop(): Promise<void>;
}

export interface SimulatorProcessOptions {
  /** What it is, for messages ("demo ERP"). */
  name: string;
  /** Its command-line entry point and arguments. */
  cli: string;
  args: readonly string[];
  /** The line it prints once it listens, with its URL as the first group. */
  ready: RegExp;
  /** The port asked for (0: any), and the setting that changes it, for the message when it is taken. */
  port: number;
  portSetting: string;
}

/**
 * Starts a simulator as its own process (HTTP on loopback, as the real system would be its own),
 * resolving with its URL once it listens. Its memory and CPU stay out of the hub's process.
 */
export async function startSimulatorProcess(options: SimulatorProcessOptions): Promise<SimulatorProcess> {
  // The IPC channel is how it notices this process gone (exitWithParent), even after a SIGKILL.
  const child: ChildProcess = spawn(process.execPath, [options.cli, ...options.args], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = options.ready.exec(out);
      if (match) resolve(match[1]);
    });
    void exited.then(() => {
      const hint = child.exitCode === 1 && options.port !== 0 ? ` (is port ${options.port} taken by another process? ${options.portSetting} sets another)` : '';
      reject(new Error(`the ${options.name} exited before it was ready (exit ${child.exitCode ?? child.signalCode})${hint}:\n${out}`));
    });
  });
  return {
    url,
    stop: async () => {
      // Ctrl-C in a terminal reaches the whole process group, so it may have stopped already.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
