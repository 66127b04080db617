import * as http from 'node:http';
import * as https from 'node:https';
import {
  ChangePage, ErpAdapter, ErpDocumentKind, ErpError, ErpReceiptOf, ErpRecordOf, ErpSubmissionOf, RECEIPT_FIELDS, recordKey,
} from '@hub/erp-contract';
import { injectTraceHeaders, SpanKind, withSpan } from '@hub/observability';
import { erpRequests, erpRequestSeconds } from '../integrator-metrics';

export interface HttpErpAdapterOptions {
  /** The ERP's base URL, e.g. http://127.0.0.1:4100 (a path prefix is kept). */
  baseUrl: string;
  apiKey: string;
  /** Whole-request deadline (connect, send, answer). */
  timeoutMs?: number;
  /** Name reported as `ErpAdapter.name`. */
  name?: string;
  /** Concurrent connections to the ERP. */
  maxSockets?: number;
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request that failed on the network, with how far it had got. */
class NetworkFailure extends Error {
  constructor(
    readonly reason: NodeJS.ErrnoException,
    /** The whole request had been handed to the connection. */
    readonly sent: boolean,
    /** Response headers had arrived. */
    readonly answered: boolean,
    readonly reusedSocket: boolean,
  ) {
    super(reason.message);
  }

  get code(): string | undefined {
    return this.reason.code;
  }
}

/** A request's route for metrics and spans: its kind or collection, never a key or a document number. */
export function erpRoute(path: string): string {
  const segments = path.split('?')[0].split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  if (segments.length === 0) return '/';
  if (['changes', 'records', 'documents'].includes(segments[0]) || segments[1] === 'by-key') return segments.slice(0, 2).join('/');
  return segments[0];
}

/** Failures where the request certainly never reached the ERP. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

function errorText(body: Buffer): string {
  const text = body.toString('utf8');
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed.error === 'string') return parsed.error;
  } catch {
    // not JSON: show the start of the text
  }
  return text.slice(0, 200);
}

function retryAfterMs(header: string | undefined): number {
  if (header === undefined) return 1000;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - Date.now());
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A receipt is an object; for the collections the contract names it carries their fields as strings. */
function validReceipt(collection: string, receipt: unknown): receipt is Record<string, unknown> {
  if (!isObject(receipt)) return false;
  const fields = (RECEIPT_FIELDS as Record<string, readonly string[]>)[collection] ?? [];
  return fields.every((field) => typeof receipt[field] === 'string');
}

/**
 * The ERP adapter for an ERP speaking the demo ERP's HTTP+JSON API: change feeds with opaque
 * cursors, PDF documents, and idempotent pushes. Every failure becomes an `ErpError`.
 */
export class HttpErpAdapter implements ErpAdapter {
  readonly name: string;
  private readonly base: URL;
  private readonly basePath: string;
  private readonly timeoutMs: number;
  private readonly apiKey: string;
  private readonly agent: http.Agent;
  private readonly transport: typeof http | typeof https;

  constructor(options: HttpErpAdapterOptions) {
    this.base = new URL(options.baseUrl);
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') throw new Error(`unsupported ERP URL ${options.baseUrl}`);
    this.basePath = this.base.pathname.replace(/\/+$/, '');
    this.apiKey = options.apiKey;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.name = options.name ?? 'http';
    this.transport = this.base.protocol === 'https:' ? https : http;
    // Idle sockets are dropped before the server's keep-alive timeout (typically 5 s) can race a new request.
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 8, timeout: 4_000 };
    this.agent = this.base.protocol === 'https:' ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  }

  /** Closes the adapter's idle keep-alive connections. */
  close(): void {
    this.agent.destroy();
  }

  /** The ERP answers its health URL (GET /health) with 2xx: the hub's readiness reports it as a warning when not. */
  async health(): Promise<void> {
    const res = await this.call('GET', '/health');
    this.expectOk(res, 'GET', '/health');
  }

  async pullChanges<K extends string>(kind: K, cursor: string | null, pageSize: number): Promise<ChangePage<ErpRecordOf<K>>> {
    let path = `/changes/${encodeURIComponent(kind)}?limit=${encodeURIComponent(String(pageSize))}`;
    if (cursor !== null) path += `&cursor=${encodeURIComponent(cursor)}`;
    const res = await this.call('GET', path);
    this.expectOk(res, 'GET', `/changes/${kind}`);
    let page: unknown;
    try {
      page = JSON.parse(res.body.toString('utf8'));
    } catch (e) {
      throw new ErpError('TRANSIENT', `corrupt page from ERP: ${kind} page is not valid JSON (${(e as Error).message})`);
    }
    const problem = this.pageProblem(kind, page);
    if (problem) throw new ErpError('TRANSIENT', `corrupt page from ERP: ${kind} page ${problem}`);
    const p = page as ChangePage<ErpRecordOf<K>>;
    return { rows: p.rows, deletions: p.deletions, nextCursor: p.nextCursor, hasMore: p.hasMore };
  }

  private pageProblem(kind: string, page: unknown): string | null {
    if (!isObject(page)) return 'is not an object';
    if (!Array.isArray(page.rows)) return 'has no rows array';
    if (!Array.isArray(page.deletions)) return 'has no deletions array';
    if (typeof page.nextCursor !== 'string' || page.nextCursor === '') return 'has no nextCursor string';
    if (typeof page.hasMore !== 'boolean') return 'has no hasMore boolean';
    for (let i = 0; i < page.rows.length; i++) {
      const row = page.rows[i];
      if (!isObject(row)) return `row ${i} is not an object`;
      const key = recordKey(kind, row) as unknown;
      if (typeof key !== 'string' || key === '') return `row ${i} has no ${kind} key`;
    }
    for (let i = 0; i < page.deletions.length; i++) {
      if (typeof page.deletions[i] !== 'string') return `deletion ${i} is not a key string`;
    }
    return null;
  }

  async fetchDocument(kind: ErpDocumentKind, number: string): Promise<Buffer> {
    const path = `/documents/${encodeURIComponent(kind)}/${encodeURIComponent(number)}`;
    const res = await this.call('GET', path, undefined, { accept: 'application/pdf' });
    this.expectOk(res, 'GET', path);
    const type = String(res.headers['content-type'] ?? '');
    if (!type.startsWith('application/pdf') || res.body.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new ErpError('TRANSIENT', `corrupt document from ERP: ${kind} ${number} is not a PDF (content-type ${type || 'none'})`);
    }
    return res.body;
  }

  async fetchRecord<K extends string>(kind: K, key: string): Promise<ErpRecordOf<K> | null> {
    const path = `/records/${encodeURIComponent(kind)}/${encodeURIComponent(key)}`;
    const res = await this.call('GET', path);
    if (res.status === 404) return null;
    this.expectOk(res, 'GET', path);
    const record = this.parseJson(res.body);
    if (!isObject(record) || recordKey(kind, record) !== key) throw new ErpError('TRANSIENT', `corrupt record from ERP for GET ${path}`);
    return record as ErpRecordOf<K>;
  }

  async push<C extends string>(collection: C, document: ErpSubmissionOf<C>, idempotencyKey: string): Promise<ErpReceiptOf<C>> {
    const path = `/${encodeURIComponent(collection)}`;
    const payload = Buffer.from(JSON.stringify(document));
    const res = await this.call('POST', path, payload, { 'content-type': 'application/json', 'idempotency-key': idempotencyKey });
    this.expectOk(res, 'POST', path);
    const receipt = this.parseJson(res.body);
    // The ERP answered success, so the document may well be stored: the key must be looked up.
    if (!validReceipt(collection, receipt)) throw new ErpError('UNKNOWN_OUTCOME', `corrupt receipt from ERP for POST ${path} (key ${idempotencyKey})`);
    return receipt as ErpReceiptOf<C>;
  }

  async findByKey<C extends string>(collection: C, idempotencyKey: string): Promise<ErpReceiptOf<C> | null> {
    const path = `/${encodeURIComponent(collection)}/by-key/${encodeURIComponent(idempotencyKey)}`;
    const res = await this.call('GET', path);
    if (res.status === 404) return null;
    this.expectOk(res, 'GET', path);
    const receipt = this.parseJson(res.body);
    if (!validReceipt(collection, receipt)) throw new ErpError('TRANSIENT', `corrupt receipt from ERP for GET ${path}`);
    return receipt as ErpReceiptOf<C>;
  }

  private parseJson(body: Buffer): unknown {
    try {
      return JSON.parse(body.toString('utf8'));
    } catch {
      return undefined;
    }
  }

  /** Maps a non-2xx answer to its ErpError. */
  private expectOk(res: RawResponse, method: string, path: string): void {
    const { status } = res;
    if (status >= 200 && status < 300) return;
    const reason = errorText(res.body);
    const what = `${this.name} ERP ${method} ${path}: HTTP ${status} ${reason}`.trim();
    if (status === 429) {
      const header = res.headers['retry-after'];
      throw new ErpError('RATE_LIMITED', what, retryAfterMs(Array.isArray(header) ? header[0] : header));
    }
    if (status === 401 || status === 403) throw new ErpError('AUTH', what);
    if (status === 409) throw new ErpError('CONFLICT', what, null, reason || null);
    if (status >= 500) throw new ErpError('TRANSIENT', what);
    if (status >= 400) throw new ErpError('VALIDATION', what, null, reason || null);
    throw new ErpError('TRANSIENT', `${what} (unexpected status)`);
  }

  /** One HTTP exchange, timed and traced (its traceparent sent on); network failures become ErpErrors (TRANSIENT, or UNKNOWN_OUTCOME for a sent POST). */
  private async call(method: 'GET' | 'POST', path: string, body?: Buffer, headers: Record<string, string> = {}): Promise<RawResponse> {
    const route = erpRoute(path);
    const started = performance.now();
    let outcome = 'network_error';
    try {
      return await withSpan(`erp ${method} ${route}`, { kind: SpanKind.CLIENT, attributes: { 'http.request.method': method, 'hub.erp.route': route, 'hub.erp.adapter': this.name } }, async (span) => {
        const traced = { ...headers };
        injectTraceHeaders((name, value) => (traced[name] = value));
        const res = await this.callOnce(method, path, body, traced);
        outcome = `${Math.floor(res.status / 100)}xx`;
        span?.setAttribute('http.response.status_code', res.status);
        return res;
      });
    } finally {
      erpRequests.inc({ route, outcome });
      erpRequestSeconds.observe({ route }, (performance.now() - started) / 1000);
    }
  }

  private async callOnce(method: 'GET' | 'POST', path: string, body: Buffer | undefined, headers: Record<string, string>): Promise<RawResponse> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.exchange(method, path, body, headers);
      } catch (error) {
        if (!(error instanceof NetworkFailure)) throw error;
        // A kept-alive socket the server had just closed: a read is safely tried once more.
        if (method === 'GET' && attempt === 1 && error.reusedSocket && !error.answered && error.code === 'ECONNRESET') continue;
        const what = `${this.name} ERP ${method} ${path}: ${error.code ?? 'network error'} ${error.message}`;
        if (method === 'GET') throw new ErpError('TRANSIENT', what);
        if (!error.sent || (error.code !== undefined && NOT_SENT_CODES.has(error.code))) throw new ErpError('TRANSIENT', `${what} (not sent)`);
        throw new ErpError('UNKNOWN_OUTCOME', `${what} (sent, no answer: key ${headers['idempotency-key'] ?? '?'} must be looked up)`);
      }
    }
  }

  private exchange(method: string, path: string, body: Buffer | undefined, extraHeaders: Record<string, string>): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      let sent = false;
      let answered = false;
      let settled = false;
      const headers: http.OutgoingHttpHeaders = { accept: 'application/json', authorization: `Bearer ${this.apiKey}`, ...extraHeaders };
      if (body) headers['content-length'] = body.length;
      const req = this.transport.request({
        protocol: this.base.protocol,
        hostname: this.base.hostname.replace(/^\[|\]$/g, ''),
        port: this.base.port || undefined,
        path: this.basePath + path,
        method,
        headers,
        agent: this.agent,
      });
      const fail = (error: NodeJS.ErrnoException) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        reject(new NetworkFailure(error, sent, answered, req.reusedSocket));
      };
      const timer = setTimeout(() => {
        fail(Object.assign(new Error(`no answer within ${this.timeoutMs} ms`), { code: 'ETIMEDOUT' }));
      }, this.timeoutMs);
      req.on('finish', () => {
        sent = true;
      });
      req.on('error', fail);
      req.on('response', (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.on('close', () => {
          if (settled) return;
          if (!res.complete) return fail(Object.assign(new Error('connection closed in the middle of the answer'), { code: 'ECONNRESET' }));
          settled = true;
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        });
      });
      req.end(body);
    });
  }
}
