import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string[];
  from: string;
  /** The message as sent (headers and encoded body). */
  raw: string;
  /** Decoded by a MIME parser (mailparser), whatever transfer encoding the sender chose. */
  subject: string;
  text: string;
  html: string;
  /** The attached files, their content base64-encoded. */
  attachments: Array<{ filename: string; contentType: string; content: string }>;
  receivedAt: string;
}

/** What a reader sees of a mail: its decoded plain-text and HTML parts. */
export const bodyOf = (mail: CaughtMail): string => `${mail.text}\n${mail.html}`;

export interface MailCatcher {
  port: number;
  file: string;
  stop(): Promise<void>;
}

/**
 * A real SMTP server in the test run's main process (smtp-server): the hub sends mail to it over
 * SMTP with nodemailer, and each message is appended as one JSON line to `file`, which test files
 * (in worker processes) read with `caughtMail`.
 */
export async function startMailCatcher(file: string): Promise<MailCatcher> {
  writeFileSync(file, '');
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            const mail: CaughtMail = {
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              raw: raw.toString('utf8'),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content.toString('base64') })),
              receivedAt: new Date().toISOString(),
            };
            appendFileSync(file, `${JSON.stringify(mail)}\n`);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, file, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Every message caught so far (optionally only those to one address). */
export function caughtMail(to?: string): CaughtMail[] {
  const file = process.env.HUB_TEST_MAIL_FILE;
  if (!file) throw new Error('The global setup did not start a mail catcher.');
  if (!existsSync(file)) return [];
  const all = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as CaughtMail);
  return to ? all.filter((m) => m.to.includes(to.toLowerCase())) : all;
}
