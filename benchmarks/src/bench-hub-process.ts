import { ChildProcess } from 'node:child_process';

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
