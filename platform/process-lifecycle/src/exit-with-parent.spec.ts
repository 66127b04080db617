import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processAlive, waitForExit } from './process-state';

// Child processes run plain Node on the compiled package (the specs run after `tsc -b`).
const DIST = join(__dirname, '..', 'dist', 'index.js');

/** A child that watches its parent and, when told it is gone, writes `how` to a file and exits after a short orderly stop. */
const childScript = (marker: string) => `
  const { writeFileSync } = require('node:fs');
  const { exitWithParent } = require(${JSON.stringify(DIST)});
  const watching = exitWithParent({
    stop: () => new Promise((resolve) => setTimeout(resolve, 100)).then(() => writeFileSync(${JSON.stringify(marker)}, 'stopped')),
    onParentGone: (how) => writeFileSync(${JSON.stringify(marker)} + '.how', how),
  });
  setInterval(() => undefined, 1000);
  if (process.send) process.send({ watching, pid: process.pid });
  else process.stdout.write(JSON.stringify({ watching, pid: process.pid }) + '\\n');
`;

/** A parent that starts the child (with or without an IPC channel) and prints the child's answer. */
const parentScript = (marker: string, ipc: boolean) => `
  const { spawn } = require('node:child_process');
  const child = spawn(process.execPath, ['-e', ${JSON.stringify(childScript(marker))}], { stdio: ['ignore', ${ipc ? "'ignore', 'inherit', 'ipc'" : "'pipe', 'inherit'"}] });
  ${ipc ? "child.on('message', (m) => process.stdout.write(JSON.stringify(m) + '\\n'));" : "child.stdout.pipe(process.stdout);"}
  setInterval(() => undefined, 1000);
`;

async function startFamily(marker: string, ipc: boolean): Promise<{ parent: ChildProcess; child: { watching: boolean; pid: number } }> {
  const parent = spawn(process.execPath, ['-e', parentScript(marker, ipc)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const child = await new Promise<{ watching: boolean; pid: number }>((resolve, reject) => {
    let out = '';
    parent.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
    });
    parent.once('exit', () => reject(new Error(`the parent exited: ${out}`)));
  });
  return { parent, child };
}

describe('exitWithParent', () => {
  const dir = mkdtempSync(join(tmpdir(), 'exit-with-parent-'));
  const strays: number[] = [];
  afterAll(() => {
    for (const pid of strays) if (processAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops a child started with an IPC channel, in order, when its parent is killed with SIGKILL', async () => {
    const marker = join(dir, 'ipc');
    const { parent, child } = await startFamily(marker, true);
    strays.push(child.pid);
    expect(child.watching).toBe(true);
    expect(processAlive(child.pid)).toBe(true);
    parent.kill('SIGKILL');
    expect(await waitForExit(child.pid, 5000)).toBe(true);
    // Its stop ran to the end before it exited, and it learnt of it from the closed channel.
    expect(readFileSync(marker, 'utf8')).toBe('stopped');
    expect(readFileSync(`${marker}.how`, 'utf8')).toBe('disconnect');
  });

  it('leaves a child without an IPC channel (run by hand) running on its own', async () => {
    const marker = join(dir, 'no-ipc');
    const { parent, child } = await startFamily(marker, false);
    strays.push(child.pid);
    expect(child.watching).toBe(false);
    parent.kill('SIGKILL');
    expect(await waitForExit(child.pid, 1500)).toBe(false);
    expect(existsSync(marker)).toBe(false);
    process.kill(child.pid, 'SIGKILL');
    expect(await waitForExit(child.pid, 5000)).toBe(true);
  });
});

describe('processAlive', () => {
  it('is true for a running process and false once it has exited', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => undefined, 60000)'], { stdio: 'ignore' });
    expect(processAlive(child.pid!)).toBe(true);
    child.kill('SIGKILL');
    expect(await waitForExit(child.pid!, 5000)).toBe(true);
    expect(processAlive(process.pid)).toBe(true);
  });
});
