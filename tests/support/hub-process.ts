import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface HubProcess {
  /** The launcher's process id. */
  pid: number;
  gatewayUrl: string;
  erpUrl: string;
  carrierUrl: string;
  smsUrl: string;
  paymentsUrl: string;
  subgraphs: Record<string, string>;
  output(): string;
  /** Ctrl-C, as a user would; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Sends a signal to the launcher alone (SIGKILL: a crash) and resolves once it has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const MAIN = join(__dirname, '../../launcher/dist/main.js');

/** Starts `npm start`'s entry point (launcher/dist/main.js) as a real process and waits until it is ready. */
export async function startHubProcess(env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<HubProcess> {
  // With an IPC channel, so that the hub stops by itself if the test run is killed (exitWithParent).
  const child: ChildProcess = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));

  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => finish(new Error(`the hub did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const poll = setInterval(() => output.includes('Press Ctrl-C to stop.') && finish(), 50);
    const finish = (error?: Error) => {
      clearTimeout(deadline);
      clearInterval(poll);
      if (error) {
        child.kill('SIGKILL');
        reject(error);
      } else resolve();
    };
    void exited.then((code) => finish(new Error(`the hub exited early with ${code}:\n${output}`)));
  });

  const gatewayUrl = /GraphQL endpoint: (\S+)/.exec(output)![1];
  const subgraphs = Object.fromEntries(
    /Subgraphs: (.*)/.exec(output)![1].trim().split(' ').map((pair) => pair.split('=') as [string, string]),
  );
  const erpUrl = /ERP: (\S+)/.exec(output)![1];
  const carrierUrl = /Carrier: (\S+)/.exec(output)![1];
  const smsUrl = /SMS: (\S+)/.exec(output)![1];
  const paymentsUrl = /Payments: (\S+)/.exec(output)?.[1] ?? '';
  return {
    pid: child.pid!,
    gatewayUrl,
    erpUrl,
    carrierUrl,
    smsUrl,
    paymentsUrl,
    subgraphs,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
    kill: async (signal) => {
      if (!gone) child.kill(signal);
      await exited;
    },
  };
}
