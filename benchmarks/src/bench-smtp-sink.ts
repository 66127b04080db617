import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * An SMTP server that accepts every message and keeps only a count: the outside mail relay a
 * deployed hub sends through, so that a benchmark's notifications are really sent over SMTP without
 * the local mail catcher (files, a listing) running inside the hub's own process.
 */
export async function startSmtpSink(): Promise<{ port: number; accepted: () => number; stop(): Promise<void> }> {
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        accepted++;
        callback();
      });
      stream.resume();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, accepted: () => accepted, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
