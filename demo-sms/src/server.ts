import { bearerKeyMatches, readBodyText, sendJson } from '@hub/simulator-http';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { InvalidSms, SmsOutbox } from './sms-outbox';

export const DEFAULT_DEMO_SMS_API_KEY = 'demo-sms-key';
export const DEFAULT_DEMO_SMS_ADMIN_KEY = 'demo-sms-admin-key';

/** Failure modes on request; admin endpoints are never affected. */
export interface DemoSmsFaults {
  /** Every non-admin request gets 503. */
  down: boolean;
  /** Numbers the "operator" refuses (422 NUMBER_REFUSED). */
  refusedNumbers: string[];
}

export interface StartDemoSmsOptions {
  port?: number;
  host?: string;
  apiKey?: string;
  adminKey?: string;
}

export interface DemoSmsHandle {
  url: string;
  apiKey: string;
  adminKey: string;
  outbox: SmsOutbox;
  faults: DemoSmsFaults;
  stop(): Promise<void>;
}

class HttpFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<any> {
  const text = await readBodyText(req, 64 * 1024, () => new HttpFailure(413, 'TOO_LARGE', 'body too large'));
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpFailure(400, 'INVALID_REQUEST', 'body is not JSON');
  }
}

/** Starts the demo SMS gateway's HTTP server (the protocol of @hub/sms-contract plus /admin). */
export async function startDemoSms(options: StartDemoSmsOptions = {}): Promise<DemoSmsHandle> {
  const apiKey = options.apiKey ?? DEFAULT_DEMO_SMS_API_KEY;
  const adminKey = options.adminKey ?? DEFAULT_DEMO_SMS_ADMIN_KEY;
  const outbox = new SmsOutbox();
  const faults: DemoSmsFaults = { down: false, refusedNumbers: [] };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sms');
    const path = url.pathname;
    if (path.startsWith('/admin/')) {
      if (!bearerKeyMatches(req.headers.authorization, adminKey)) throw new HttpFailure(401, 'UNAUTHORIZED', 'admin key required');
      if (req.method === 'GET' && path === '/admin/messages') return sendJson(res, 200, outbox.list(url.searchParams.get('to')));
      if (req.method === 'POST' && path === '/admin/deliver') return sendJson(res, 200, { delivered: outbox.deliverAll() });
      if (req.method === 'GET' && path === '/admin/faults') return sendJson(res, 200, faults);
      if (req.method === 'POST' && path === '/admin/faults') {
        const body = await readJson(req);
        if (body.down !== undefined) faults.down = Boolean(body.down);
        if (body.refusedNumbers !== undefined) {
          if (!Array.isArray(body.refusedNumbers) || !body.refusedNumbers.every((n: unknown) => typeof n === 'string')) throw new HttpFailure(400, 'INVALID_REQUEST', 'refusedNumbers must be a list of numbers');
          faults.refusedNumbers = [...body.refusedNumbers];
        }
        return sendJson(res, 200, faults);
      }
      if (req.method === 'DELETE' && path === '/admin/faults') {
        faults.down = false;
        faults.refusedNumbers = [];
        return sendJson(res, 200, faults);
      }
      throw new HttpFailure(404, 'NOT_FOUND', 'no such admin endpoint');
    }
    if (faults.down) throw new HttpFailure(503, 'UNAVAILABLE', 'SMS gateway unavailable');
    if (req.method === 'GET' && path === '/health') return sendJson(res, 200, { status: 'ok' });
    if (!bearerKeyMatches(req.headers.authorization, apiKey)) throw new HttpFailure(401, 'UNAUTHORIZED', 'api key required');
    if (req.method === 'POST' && path === '/messages') {
      const body = await readJson(req);
      if (typeof body.to === 'string' && faults.refusedNumbers.includes(body.to)) throw new HttpFailure(422, 'NUMBER_REFUSED', `${body.to} cannot receive text messages`);
      try {
        const { message, created } = outbox.accept(body);
        return sendJson(res, created ? 201 : 200, message);
      } catch (error) {
        if (error instanceof InvalidSms) throw new HttpFailure(400, 'INVALID_REQUEST', error.message);
        throw error;
      }
    }
    const one = /^\/messages\/([A-Za-z0-9]+)$/.exec(path);
    if (req.method === 'GET' && one) {
      const message = outbox.find(one[1]);
      if (!message) throw new HttpFailure(404, 'NOT_FOUND', `no message ${one[1]}`);
      return sendJson(res, 200, message);
    }
    throw new HttpFailure(404, 'NOT_FOUND', 'no such endpoint');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const failure = error instanceof HttpFailure ? error : new HttpFailure(500, 'INTERNAL', (error as Error).message);
      sendJson(res, failure.status, { error: { code: failure.code, message: failure.message } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
    apiKey,
    adminKey,
    outbox,
    faults,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
