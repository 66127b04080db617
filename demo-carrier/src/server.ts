import { bearerKeyMatches, readBodyText, sendJson } from '@hub/simulator-http';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { CarrierNetwork, InvalidParcel } from './carrier-network';

export const DEFAULT_DEMO_CARRIER_API_KEY = 'demo-carrier-key';
export const DEFAULT_DEMO_CARRIER_ADMIN_KEY = 'demo-carrier-admin-key';

/** Failure modes on request; admin endpoints are never affected. */
export interface DemoCarrierFaults {
  /** Every non-admin request gets 503. */
  outage: boolean;
  latencyMs: number;
}

export interface StartDemoCarrierOptions {
  port?: number;
  host?: string;
  apiKey?: string;
  adminKey?: string;
  /** Seconds between the carrier's working steps (every parcel moves one state); 0: only on request. */
  stepSeconds?: number;
  /** Every n-th parcel gets lost in transit; 0: none. */
  loseEvery?: number;
}

export interface DemoCarrierHandle {
  url: string;
  apiKey: string;
  adminKey: string;
  network: CarrierNetwork;
  stop(): Promise<void>;
}

class HttpFailure extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<any> {
  const text = await readBodyText(req, 1024 * 1024, () => new HttpFailure(413, 'body too large'));
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpFailure(400, 'body is not JSON');
  }
}

function cursor(url: URL): { after: number; limit: number } {
  const after = Number(url.searchParams.get('after') ?? '0');
  const limit = Number(url.searchParams.get('limit') ?? '500');
  if (!Number.isInteger(after) || after < 0) throw new HttpFailure(400, 'after must be a whole number');
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new HttpFailure(400, 'limit must be 1..1000');
  return { after, limit };
}

/** Starts the demo carrier's HTTP server (the carrier protocol of @hub/carrier-contract plus /admin). */
export async function startDemoCarrier(options: StartDemoCarrierOptions = {}): Promise<DemoCarrierHandle> {
  const apiKey = options.apiKey ?? DEFAULT_DEMO_CARRIER_API_KEY;
  const adminKey = options.adminKey ?? DEFAULT_DEMO_CARRIER_ADMIN_KEY;
  const network = new CarrierNetwork(options.loseEvery ?? 7);
  const faults: DemoCarrierFaults = { outage: false, latencyMs: 0 };
  let baseUrl = '';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://carrier');
    const path = url.pathname;
    if (path.startsWith('/admin/')) {
      if (!bearerKeyMatches(req.headers.authorization, adminKey)) throw new HttpFailure(401, 'admin key required');
      if (req.method === 'POST' && path === '/admin/step') {
        const times = Number((await readJson(req)).times ?? 1);
        let moved = 0;
        for (let i = 0; i < times; i++) moved += network.step();
        return sendJson(res, 200, { moved, ...network.stats });
      }
      if (req.method === 'POST' && path === '/admin/faults') {
        const body = await readJson(req);
        if (body.outage !== undefined) faults.outage = Boolean(body.outage);
        if (body.latencyMs !== undefined) faults.latencyMs = Math.max(0, Number(body.latencyMs) || 0);
        return sendJson(res, 200, faults);
      }
      if (req.method === 'DELETE' && path === '/admin/faults') {
        faults.outage = false;
        faults.latencyMs = 0;
        return sendJson(res, 200, faults);
      }
      const lose = /^\/admin\/parcels\/([A-Z0-9]+)\/lose$/.exec(path);
      if (req.method === 'POST' && lose) {
        const parcel = network.find(lose[1]);
        if (!parcel) throw new HttpFailure(404, `no parcel ${lose[1]}`);
        network.lose(parcel);
        return sendJson(res, 200, { parcelNumber: parcel.parcelNumber, status: parcel.status, willBeLost: true });
      }
      if (req.method === 'GET' && path === '/admin/stats') return sendJson(res, 200, network.stats);
      throw new HttpFailure(404, 'no such admin endpoint');
    }
    // The public tracking page a customer's link opens (no key needed, like a carrier's site).
    const track = /^\/track\/([A-Z0-9]+)$/.exec(path);
    if (req.method === 'GET' && track) {
      const parcel = network.find(track[1]);
      if (!parcel) throw new HttpFailure(404, `no parcel ${track[1]}`);
      return sendJson(res, 200, { parcelNumber: parcel.parcelNumber, status: parcel.status, events: network.eventsOf(parcel.parcelNumber) });
    }
    if (!bearerKeyMatches(req.headers.authorization, apiKey)) throw new HttpFailure(401, 'api key required');
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    if (faults.outage) throw new HttpFailure(503, 'carrier unavailable');
    if (req.method === 'GET' && path === '/health') return sendJson(res, 200, { ok: true });
    if (req.method === 'POST' && path === '/parcels') {
      try {
        const { parcel, created } = network.register(await readJson(req));
        return sendJson(res, created ? 201 : 200, { parcelNumber: parcel.parcelNumber, reference: parcel.registration.reference, trackingUrl: `${baseUrl}/track/${parcel.parcelNumber}` });
      } catch (error) {
        if (error instanceof InvalidParcel) throw new HttpFailure(422, error.message);
        throw error;
      }
    }
    if (req.method === 'GET' && path === '/tracking-events') {
      const { after, limit } = cursor(url);
      return sendJson(res, 200, network.trackingEvents(after, limit));
    }
    if (req.method === 'GET' && path === '/cod-collections') {
      const { after, limit } = cursor(url);
      return sendJson(res, 200, network.codCollections(after, limit));
    }
    throw new HttpFailure(404, 'no such endpoint');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpFailure ? error.status : 500;
      sendJson(res, status, { error: (error as Error).message });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${address.port}`;
  const steps = (options.stepSeconds ?? 0) > 0 ? setInterval(() => network.step(), options.stepSeconds! * 1000) : undefined;
  steps?.unref();
  return {
    url: baseUrl,
    apiKey,
    adminKey,
    network,
    stop: async () => {
      if (steps) clearInterval(steps);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
