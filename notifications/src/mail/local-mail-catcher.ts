import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface LocalMailCatcher {
  smtpPort: number;
  /** Lists the caught messages (GET /), one as raw RFC 822 (GET /<file>). */
  httpUrl: string;
  folder: string;
  stop(): Promise<void>;
}

/**
 * `npm start`'s mail server when no SMTP relay is configured: a real SMTP server (smtp-server)
 * that keeps every message as an .eml file in `folder`, and a small HTTP listing to read them.
 */
export async function startLocalMailCatcher(options: { folder: string; smtpPort: number; httpPort: number; host?: string }): Promise<LocalMailCatcher> {
  const host = options.host ?? '127.0.0.1';
  mkdirSync(options.folder, { recursive: true });
  let sequence = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(++sequence).padStart(6, '0')}-${to.replace(/[^A-Za-z0-9@._-]/g, '_').slice(0, 80)}.eml`;
        writeFileSync(join(options.folder, name), Buffer.concat(chunks));
        callback();
      });
    },
  });
  // smtp-server re-emits its socket's errors (a port taken, a client gone) on itself: handled here, so they never end the hub.
  smtp.on('error', () => undefined);
  // A port already taken (another hub, another catcher) falls back to a free one: it is printed anyway.
  const listen = (server: { once(e: 'error', f: (err: Error) => void): unknown; listen(port: number, host: string, cb: () => void): unknown; removeAllListeners?(e: string): unknown }, port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', (error: Error) => {
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' && port !== 0) listen(server, 0).then(resolve, reject);
        else reject(error);
      });
      server.listen(port, host, () => resolve());
    });
  await listen(smtp.server, options.smtpPort);
  const http: Server = createServer((req, res) => {
    const files = readdirSync(options.folder).filter((f) => f.endsWith('.eml')).sort().reverse();
    const path = decodeURIComponent((req.url ?? '/').split('?')[0].slice(1));
    if (path === '') {
      const list = files.slice(0, 500).map((file) => {
        const head = readFileSync(join(options.folder, file), 'utf8').split(/\r?\n\r?\n/)[0];
        const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1] ?? '';
        return { file, to: header('To'), subject: header('Subject'), date: header('Date') };
      });
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ count: files.length, messages: list }, null, 2));
    } else if (files.includes(path)) {
      res.setHeader('content-type', 'message/rfc822');
      res.end(readFileSync(join(options.folder, path)));
    } else {
      res.statusCode = 404;
      res.end('not found');
    }
  });
  await listen(http, options.httpPort);
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const httpPort = (http.address() as AddressInfo).port;
  return {
    smtpPort,
    httpUrl: `http://${host}:${httpPort}/`,
    folder: options.folder,
    stop: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
