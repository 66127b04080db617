import { ChildProcess, spawn } from 'node:child_process';

/** A server started as a process of its own (the demo ERP, the demo carrier, Hive Gateway) that says its URL once it listens. */
export interface ServiceProcess {
  url: string;
  stop(): Promise<void>;
}

export interface ServiceProcessOptions {
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
  /** Its environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts a server as its own process (HTTP on loopback, as the real system would be its own),
 * resolving with its URL once it listens. Its memory and CPU stay out of this process.
 */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  // The IPC channel is how it notices this process gone (exitWithParent), even after a SIGKILL.
  const child: ChildProcess = spawn(process.execPath, [options.cli, ...options.args], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], env: options.env ?? process.env });
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
