import { readBodyText, sendJson } from '@hub/simulator-http';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { ErpDocumentKind, ErpPaymentRecord, recordKey } from '@hub/erp-contract';
import { DemoErp, DemoErpScale, InvalidPayment, PushResult } from './demo-erp';
import { CursorError, isKindName } from './erp-state';
import { TickRandom } from './random';
import { DEFAULT_SEED } from './reference';

export const DEFAULT_DEMO_ERP_API_KEY = 'demo-erp-key';
/** The admin API (faults, records, steps) has a key of its own: the hub's API key cannot change the ERP's data. */
export const DEFAULT_DEMO_ERP_ADMIN_KEY = 'demo-erp-admin-key';

/** Failure modes the demo ERP can be told to show; admin endpoints are never affected. */
export interface DemoErpFaults {
  /** Delay before every non-admin answer. */
  latencyMs: number;
  /** Share (0..1) of non-admin requests answered 503. */
  errorRate: number;
  /** Every non-admin request gets 503. */
  outage: boolean;
  /** Extra delay on /changes pages. */
  slowPageMs: number;
  /** Every non-admin request gets 429 with Retry-After: 1. */
  rateLimit: boolean;
  /** The next POST /orders stores the order, then drops the connection without answering (once). */
  crashAfterAcceptingOrder: boolean;
  /** The next POST /returns stores the return, then drops the connection without answering (once). */
  crashAfterAcceptingReturn: boolean;
  /** The next /changes page of this kind is answered 200 with a body that is not JSON (once). */
  corruptNextPage: string | null;
}

export const NO_FAULTS: Readonly<DemoErpFaults> = Object.freeze({
  latencyMs: 0, errorRate: 0, outage: false, slowPageMs: 0, rateLimit: false, crashAfterAcceptingOrder: false, crashAfterAcceptingReturn: false, corruptNextPage: null,
});

export interface StartDemoErpOptions {
  scale?: DemoErpScale;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  apiKey?: string;
  adminKey?: string;
  seed?: number;
  /** Seconds between the ERP's own steps (orders move, invoices get paid, prices and stock change); 0: only on request. */
  stepSeconds?: number;
}

export interface DemoErpHandle {
  /** Base URL, e.g. http://127.0.0.1:4100 */
  url: string;
  apiKey: string;
  adminKey: string;
  /** The in-process ERP, for tests and benchmarks that want to look inside. */
  erp: DemoErp;
  stop(): Promise<void>;
}

const DOCUMENT_KINDS: ErpDocumentKind[] = ['invoice', 'creditNote', 'deliveryNote', 'orderConfirmation'];
const MAX_BODY = 10 * 1024 * 1024;

class HttpFailure extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBodyText(req, MAX_BODY, () => new HttpFailure(413, 'request body too large'));
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpFailure(400, 'the body is not valid JSON');
  }
}

/** Collections the hub may push into besides orders, customers and returns (a deployment's own documents). */
const COLLECTION_NAME = /^[a-z][A-Za-z0-9-]{0,49}$/;
const RESERVED = new Set(['admin', 'changes', 'documents', 'records', 'health']);

function validateFaults(input: unknown): Partial<DemoErpFaults> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new HttpFailure(400, 'faults must be a JSON object');
  const out: Partial<DemoErpFaults> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    switch (key) {
      case 'latencyMs':
      case 'slowPageMs':
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 600_000) throw new HttpFailure(400, `${key} must be 0..600000`);
        out[key] = value;
        break;
      case 'errorRate':
        if (typeof value !== 'number' || value < 0 || value > 1) throw new HttpFailure(400, 'errorRate must be 0..1');
        out.errorRate = value;
        break;
      case 'outage':
      case 'rateLimit':
      case 'crashAfterAcceptingOrder':
      case 'crashAfterAcceptingReturn':
        if (typeof value !== 'boolean') throw new HttpFailure(400, `${key} must be a boolean`);
        out[key] = value;
        break;
      case 'corruptNextPage':
        if (value !== null && (typeof value !== 'string' || !isKindName(value))) throw new HttpFailure(400, 'corruptNextPage must be a kind or null');
        out.corruptNextPage = value as string | null;
        break;
      default:
        throw new HttpFailure(400, `unknown fault ${key}`);
    }
  }
  return out;
}

/** The demo ERP's HTTP+JSON API around a `DemoErp`. */
export class DemoErpServer {
  faults: DemoErpFaults = { ...NO_FAULTS };
  private readonly faultRandom: TickRandom;
  private readonly expectedAuth: Buffer;
  private readonly expectedAdminAuth: Buffer;
  private stepTimer: NodeJS.Timeout | null = null;
  readonly server: Server;

  constructor(readonly erp: DemoErp, readonly apiKey: string, readonly adminKey: string = DEFAULT_DEMO_ERP_ADMIN_KEY) {
    this.faultRandom = new TickRandom(erp.seed ^ 0xfa17);
    this.expectedAuth = Buffer.from(`Bearer ${apiKey}`);
    this.expectedAdminAuth = Buffer.from(`Bearer ${adminKey}`);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (res.headersSent || res.destroyed) {
          res.destroy();
          return;
        }
        if (error instanceof HttpFailure) sendJson(res, error.status, { error: error.message });
        else sendJson(res, 500, { error: `internal error: ${(error as Error)?.message ?? String(error)}` });
      });
    });
    this.server.keepAliveTimeout = 10_000;
  }

  private authorized(req: IncomingMessage, expected = this.expectedAuth): boolean {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** The ERP's own pace: a step every `seconds` (0 stops it). */
  setPace(seconds: number): void {
    if (this.stepTimer) clearInterval(this.stepTimer);
    this.stepTimer = null;
    this.paceSeconds = seconds;
    if (seconds > 0) {
      this.stepTimer = setInterval(() => this.erp.advance(1), seconds * 1000);
      this.stepTimer.unref();
    }
  }

  paceSeconds = 0;

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://demo-erp');
    let segments: string[];
    try {
      segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      throw new HttpFailure(400, 'malformed path');
    }
    const method = req.method ?? 'GET';
    if (segments[0] === 'admin') {
      if (!this.authorized(req, this.expectedAdminAuth)) return sendJson(res, 401, { error: 'the admin API needs Authorization: Bearer <admin key>' });
      return this.admin(req, res, method, segments.slice(1));
    }

    const f = this.faults;
    if (f.latencyMs > 0) await sleep(f.latencyMs);
    if (f.outage) return sendJson(res, 503, { error: 'the ERP is down for maintenance' });
    if (f.rateLimit) return sendJson(res, 429, { error: 'too many requests' }, { 'retry-after': '1' });
    if (f.errorRate > 0 && this.faultRandom.next() < f.errorRate) return sendJson(res, 503, { error: 'the ERP is temporarily unavailable' });

    if (segments.length === 1 && segments[0] === 'health' && method === 'GET') return sendJson(res, 200, { status: 'ok' });
    if (!this.authorized(req)) return sendJson(res, 401, { error: 'missing or wrong API key' });

    const [head, a, b, extra] = segments;
    if (head === 'changes' && a !== undefined && b === undefined) {
      if (method !== 'GET') throw new HttpFailure(405, 'method not allowed');
      return this.changes(res, a, url.searchParams);
    }
    if (head === 'documents' && a !== undefined && b !== undefined && extra === undefined) {
      if (method !== 'GET') throw new HttpFailure(405, 'method not allowed');
      if (!(DOCUMENT_KINDS as string[]).includes(a)) throw new HttpFailure(404, `unknown document kind ${a}`);
      const pdf = await this.erp.document(a as ErpDocumentKind, b);
      if (!pdf) throw new HttpFailure(404, `no ${a} ${b}`);
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length, 'content-disposition': `inline; filename="${a}-${b}.pdf"` });
      res.end(pdf);
      return;
    }
    const pushes: Record<string, { submit: (key: string | undefined, body: unknown) => PushResult<unknown>; find: (key: string) => unknown }> = {
      orders: { submit: (k, body) => this.erp.submitOrder(k, body), find: (k) => this.erp.findOrder(k) },
      customers: { submit: (k, body) => this.erp.submitCustomer(k, body), find: (k) => this.erp.findCustomer(k) },
      returns: { submit: (k, body) => this.erp.submitReturn(k, body), find: (k) => this.erp.findReturn(k) },
      pickups: { submit: (k, body) => this.erp.submitPickup(k, body), find: (k) => this.erp.findPickup(k) },
      serviceOrders: { submit: (k, body) => this.erp.submitServiceOrder(k, body), find: (k) => this.erp.findServiceOrder(k) },
      purchaseOrders: { submit: (k, body) => this.erp.submitPurchaseOrder(k, body), find: (k) => this.erp.findPurchaseOrder(k) },
      purchaseOrderConfirmations: { submit: (k, body) => this.erp.submitPurchaseOrderConfirmation(k, body), find: (k) => this.erp.findPurchaseOrderConfirmation(k) },
      dropShipAssignments: { submit: (k, body) => this.erp.submitDropShipAssignment(k, body), find: (k) => this.erp.findDropShipAssignment(k) },
      dropShipments: { submit: (k, body) => this.erp.submitDropShipment(k, body), find: (k) => this.erp.findDropShipment(k) },
      payments: { submit: (k, body) => this.erp.submitPayment(k, body), find: (k) => this.erp.findPayment(k) },
    };
    if (head === 'records' && a !== undefined && b !== undefined && extra === undefined) {
      if (method !== 'GET') throw new HttpFailure(405, 'method not allowed');
      // 404 means "no such record"; a kind name that cannot exist is the caller's mistake.
      if (!isKindName(a)) throw new HttpFailure(400, `not a kind: ${a}`);
      const record = this.erp.state.get(a, b);
      return record ? sendJson(res, 200, record) : sendJson(res, 404, { error: `no ${a} ${b}` });
    }
    const extension = head !== undefined && !RESERVED.has(head) && COLLECTION_NAME.test(head) && !Object.prototype.hasOwnProperty.call(pushes, head)
      ? { submit: (k: string | undefined, body: unknown) => this.erp.submitDocument(head, k, body), find: (k: string) => this.erp.findDocument(head, k) }
      : undefined;
    const push = head !== undefined && Object.prototype.hasOwnProperty.call(pushes, head) ? pushes[head] : extension;
    if (push && a === undefined) {
      if (method !== 'POST') throw new HttpFailure(405, 'method not allowed');
      const body = await readJson(req);
      const key = req.headers['idempotency-key'];
      const result = push.submit(Array.isArray(key) ? key[0] : key, body);
      if (head === 'orders' && result.stored && this.faults.crashAfterAcceptingOrder) {
        this.faults.crashAfterAcceptingOrder = false;
        req.socket.destroy();
        return;
      }
      if (head === 'returns' && result.stored && result.status === 201 && this.faults.crashAfterAcceptingReturn) {
        this.faults.crashAfterAcceptingReturn = false;
        req.socket.destroy();
        return;
      }
      return sendJson(res, result.status, result.body);
    }
    if (push && a === 'by-key' && b !== undefined && extra === undefined) {
      if (method !== 'GET') throw new HttpFailure(405, 'method not allowed');
      const receipt = push.find(b);
      return receipt ? sendJson(res, 200, receipt) : sendJson(res, 404, { error: `no ${head} with idempotency key ${b}` });
    }
    throw new HttpFailure(404, `no route ${method} ${url.pathname}`);
  }

  private async changes(res: ServerResponse, kind: string, params: URLSearchParams): Promise<void> {
    if (!isKindName(kind)) throw new HttpFailure(404, `unknown kind ${kind}`);
    const limitText = params.get('limit');
    let limit = 1000;
    if (limitText !== null && limitText !== '') {
      limit = /^\d{1,6}$/.test(limitText) ? Number(limitText) : NaN;
      if (!(limit >= 1 && limit <= 50_000)) throw new HttpFailure(400, 'limit must be 1..50000');
    }
    const cursorText = params.get('cursor');
    if (this.faults.slowPageMs > 0) await sleep(this.faults.slowPageMs);
    if (this.faults.corruptNextPage === kind) {
      this.faults.corruptNextPage = null;
      const text = '{"rows":[{"broken": tr';
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      res.end(text);
      return;
    }
    try {
      sendJson(res, 200, this.erp.state.changes(kind, cursorText === null || cursorText === '' ? null : cursorText, limit));
    } catch (error) {
      if (error instanceof CursorError) throw new HttpFailure(400, `invalid cursor: ${error.message}`);
      throw error;
    }
  }

  private async admin(req: IncomingMessage, res: ServerResponse, method: string, path: string[]): Promise<void> {
    const [what, kind, key, extra] = path;
    if (what === 'stats' && !kind && method === 'GET') return sendJson(res, 200, { ...this.erp.stats(), faults: this.faults, paceSeconds: this.paceSeconds });
    if (what === 'pace' && !kind && method === 'POST') {
      const body = (await readJson(req)) as { seconds?: unknown } | undefined;
      const seconds = body?.seconds;
      if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0 || seconds > 86_400) throw new HttpFailure(400, 'seconds must be an integer 0..86400');
      this.setPace(seconds);
      return sendJson(res, 200, { paceSeconds: this.paceSeconds });
    }
    if (what === 'advance' && !kind && method === 'POST') {
      const body = (await readJson(req)) as { steps?: unknown } | undefined;
      const steps = body?.steps ?? 1;
      if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 0 || steps > 100_000) throw new HttpFailure(400, 'steps must be an integer 0..100000');
      this.erp.advance(steps);
      return sendJson(res, 200, { ticks: this.erp.ticks, version: this.erp.state.version });
    }
    if (what === 'orders' && kind !== undefined && key === 'advance' && extra === undefined && method === 'POST') {
      const body = (await readJson(req)) as { steps?: unknown } | undefined;
      const steps = body?.steps ?? 1;
      if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1 || steps > 10) throw new HttpFailure(400, 'steps must be an integer 1..10');
      const status = this.erp.advanceOrder(kind, steps);
      return status ? sendJson(res, 200, { orderNumber: kind, status }) : sendJson(res, 404, { error: `no order ${kind}` });
    }
    if (what === 'serviceOrders' && kind !== undefined && key === 'advance' && extra === undefined && method === 'POST') {
      // The workshop moves one service order on (received, in repair, repaired, shipped back, closed).
      const body = (await readJson(req)) as { steps?: unknown } | undefined;
      const steps = body?.steps ?? 1;
      if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1 || steps > 10) throw new HttpFailure(400, 'steps must be an integer 1..10');
      const status = this.erp.advanceServiceOrder(kind, steps);
      return status ? sendJson(res, 200, { serviceOrderNumber: kind, status }) : sendJson(res, 404, { error: `no service order ${kind}` });
    }
    if (what === 'purchaseOrders' && kind !== undefined && key === 'receive' && extra === undefined && method === 'POST') {
      // The warehouse books goods in against a purchase order (all that is open, or `quantities` per line number).
      const body = (await readJson(req)) as { quantities?: unknown } | undefined;
      const quantities = body?.quantities;
      if (quantities !== undefined && (typeof quantities !== 'object' || quantities === null || Object.values(quantities).some((q) => typeof q !== 'string' || !/^\d{1,12}(\.\d{1,6})?$/.test(q)))) {
        throw new HttpFailure(400, 'quantities must map line numbers to decimal strings');
      }
      const order = this.erp.receivePurchaseOrder(kind, quantities as Record<string, string> | undefined);
      return order ? sendJson(res, 200, order) : sendJson(res, 404, { error: `no purchase order ${kind}` });
    }
    if (what === 'invoices' && kind !== undefined && key === 'payments' && extra === undefined && method === 'POST') {
      // The customer paid (all that is open, or `amount` of it): what a bank statement booked in the ERP does.
      const body = (await readJson(req)) as { amount?: unknown } | undefined;
      let payment: ErpPaymentRecord | undefined;
      try {
        payment = this.erp.recordPayment(kind, body?.amount as string | undefined);
      } catch (error) {
        if (error instanceof InvalidPayment) throw new HttpFailure(400, error.message);
        throw error;
      }
      return payment ? sendJson(res, 200, payment) : sendJson(res, 404, { error: `no open invoice ${kind}` });
    }
    if (what === 'faults' && !kind) {
      if (method === 'POST') {
        this.faults = { ...this.faults, ...validateFaults(await readJson(req)) };
        return sendJson(res, 200, this.faults);
      }
      if (method === 'DELETE') {
        this.faults = { ...NO_FAULTS };
        return sendJson(res, 200, this.faults);
      }
      if (method === 'GET') return sendJson(res, 200, this.faults);
    }
    if (what === 'records' && kind !== undefined && extra === undefined) {
      if (!isKindName(kind)) throw new HttpFailure(404, `unknown kind ${kind}`);
      if (key === undefined && method === 'POST') {
        const record = await readJson(req);
        if (!record || typeof record !== 'object' || Array.isArray(record)) throw new HttpFailure(400, 'the body must be a record object');
        const recordKeyValue = recordKey(kind, record) as unknown;
        if (typeof recordKeyValue !== 'string' || recordKeyValue === '') throw new HttpFailure(400, `the record has no ${kind} key`);
        const version = this.erp.upsertRecord(kind, record as never);
        return sendJson(res, 200, { key: recordKeyValue, version });
      }
      if (key !== undefined && method === 'DELETE') {
        const version = this.erp.deleteRecord(kind, key);
        return version === null ? sendJson(res, 404, { error: `no ${kind} ${key}` }) : sendJson(res, 200, { key, version });
      }
      if (key !== undefined && method === 'GET') {
        const record = this.erp.state.get(kind, key);
        return record ? sendJson(res, 200, record) : sendJson(res, 404, { error: `no ${kind} ${key}` });
      }
    }
    throw new HttpFailure(404, `no admin route ${method} /admin/${path.join('/')}`);
  }

  listen(port: number, host: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const address = this.server.address() as AddressInfo;
        const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        resolve(`http://${shownHost}:${address.port}`);
      });
    });
  }

  close(): Promise<void> {
    this.setPace(0);
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

/** Starts the demo ERP in this process. */
export async function startDemoErp(options: StartDemoErpOptions = {}): Promise<DemoErpHandle> {
  const erp = new DemoErp(options.scale ?? 'small', options.seed ?? DEFAULT_SEED);
  const apiKey = options.apiKey ?? DEFAULT_DEMO_ERP_API_KEY;
  const adminKey = options.adminKey ?? DEFAULT_DEMO_ERP_ADMIN_KEY;
  const server = new DemoErpServer(erp, apiKey, adminKey);
  const url = await server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  server.setPace(options.stepSeconds ?? 0);
  return { url, apiKey, adminKey, erp, stop: () => server.close() };
}
