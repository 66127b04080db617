import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface DemoErpProcess {
  url: string;
  apiKey: string;
  admin(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<any>;
  stop(): Promise<void>;
}

/** Starts the demo ERP's CLI as its own process, as `npm start` would run it beside the hub. */
export async function startDemoErpProcess(scale: 'small' | 'large' = 'small', apiKey = 'test-erp-key'): Promise<DemoErpProcess> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, '../../integrator/dist/demo-erp/main.js'), '--scale', scale, '--port', '0', '--api-key', apiKey], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /DEMO ERP READY (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`the demo ERP exited with ${code}`)));
  });
  const admin = async (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  };
  return {
    url,
    apiKey,
    admin,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
