import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { withHubNodeFlags } from '@hub/launcher/dist/node-flags';

/**
 * Waits until a hub started by a benchmark (`launcher/dist/main.js` with piped stdout and stderr)
 * prints that it is ready, and gives what it printed until then (its URLs). What comes after is read
 * (as a log shipper would) but not kept: the access log runs to thousands of lines.
 */
export function untilHubReady(child: ChildProcess, timeoutMs: number): Promise<string> {
  let output = '';
  let ready = false;
  child.stderr!.on('data', (chunk) => {
    if (!ready) output += chunk;
  });
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the hub did not start:\n${output}`)), timeoutMs);
    child.stdout!.on('data', (chunk) => {
      if (ready) return;
      output += chunk;
      if (output.includes('Press Ctrl-C to stop.')) {
        ready = true;
        clearTimeout(timer);
        resolve(output);
      }
    });
    child.on('exit', (code) => reject(new Error(`the hub exited with ${code}:\n${output}`)));
  });
}

export interface BenchHub {
  gatewayUrl: string;
  child: ChildProcess;
  /** What the hub printed until it was ready (its URLs). */
  output: string;
}

/** BENCH_CPU_PROFILE_DIR=dir: every hub process writes a V8 CPU profile there when it stops. */
export function cpuProfileFlags(): string[] {
  const dir = process.env.BENCH_CPU_PROFILE_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/**
 * Starts the hub as deployed (`launcher/dist/main.js`): production mode (real secrets, which the
 * benchmark sets), the gateway and every subgraph in a process of its own, on free ports; `env`
 * adds the benchmark's own settings (database, ERP, demo data, sync, worker) or overrides these.
 */
export async function startProductionHub(env: Record<string, string>, options: { nodeFlags?: string[]; timeoutMs?: number } = {}): Promise<BenchHub> {
  const child = spawn(process.execPath, [...withHubNodeFlags(options.nodeFlags ?? cpuProfileFlags()), join(__dirname, '../../launcher/dist/main.js')], {
    env: { ...process.env, NODE_ENV: 'production', HUB_PORT: '0', HUB_SUBGRAPH_BASE_PORT: '0', HUB_PROCESSES: 'split', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = await untilHubReady(child, options.timeoutMs ?? 180_000);
  return { gatewayUrl: /GraphQL endpoint: (\S+)/.exec(output)![1], child, output };
}

/** Stops a hub started by a benchmark (SIGINT: an orderly stop, so CPU profiles are written), waiting at most `timeoutMs`. */
export async function stopHub(hub: { child: ChildProcess } | null, timeoutMs = 10_000): Promise<void> {
  if (!hub || hub.child.exitCode !== null) return;
  const exited = new Promise((resolve) => hub.child.on('exit', resolve));
  hub.child.kill('SIGINT');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
}
