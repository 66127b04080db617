import { ErpError } from '@hub/erp-contract';
import { erpRequests, erpRequestSeconds } from '../integrator-metrics';

export interface TrytonConnection {
  /** trytond's base URL, e.g. http://127.0.0.1:8000 */
  url: string;
  database: string;
  user: string;
  password: string;
  timeoutMs?: number;
}

/** Tryton's JSON encoding of a datetime (trytond/protocols/jsonrpc.py), always UTC here. */
export function trytonDateTime(date: Date): Record<string, unknown> {
  return {
    __class__: 'datetime', year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(),
    hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds(), microsecond: date.getUTCMilliseconds() * 1000,
  };
}

/** Decodes Tryton's typed JSON values: Decimal to a decimal string, date and datetime to ISO strings, bytes to a Buffer. */
function revive(_key: string, value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const v = value as Record<string, any>;
  switch (v.__class__) {
    case 'Decimal':
      return String(v.decimal);
    case 'datetime':
      return new Date(Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second, Math.floor((v.microsecond ?? 0) / 1000))).toISOString();
    case 'date':
      return `${String(v.year).padStart(4, '0')}-${String(v.month).padStart(2, '0')}-${String(v.day).padStart(2, '0')}`;
    case 'bytes':
      return Buffer.from(String(v.base64), 'base64');
    default:
      return value;
  }
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/**
 * A JSON-RPC session with trytond: `common.db.login` gives [user id, session], later calls send
 * `Authorization: Session base64(login:id:session)` (trytond/security.py). A session that expired is
 * renewed once. Every failure becomes an ErpError.
 */
export class TrytonJsonRpc {
  private session: string | null = null;
  private readonly endpoint: string;
  private readonly timeoutMs: number;

  constructor(private readonly connection: TrytonConnection) {
    this.endpoint = `${connection.url.replace(/\/+$/, '')}/${encodeURIComponent(connection.database)}/`;
    this.timeoutMs = connection.timeoutMs ?? 30_000;
  }

  /**
   * Calls a method; `writes` marks calls that change data: a network failure after sending one
   * leaves its outcome unknown.
   */
  async call<T = any>(method: string, params: unknown[], writes = false): Promise<T> {
    if (this.session === null) await this.login();
    try {
      return await this.exchange<T>(method, params, writes, true);
    } catch (error) {
      if (error instanceof ErpError && error.kind === 'AUTH' && this.session !== null) {
        // The session ran out: log in again once.
        this.session = null;
        await this.login();
        return this.exchange<T>(method, params, writes, true);
      }
      throw error;
    }
  }

  private async login(): Promise<void> {
    const result = await this.exchange<[number, string] | false>('common.db.login', [this.connection.user, { password: this.connection.password }], false, false);
    if (!Array.isArray(result)) throw new ErpError('AUTH', `tryton ERP: login as ${this.connection.user} refused`);
    this.session = Buffer.from(`${this.connection.user}:${result[0]}:${result[1]}`).toString('base64');
  }

  private async exchange<T>(method: string, params: unknown[], writes: boolean, authenticated: boolean): Promise<T> {
    const route = method;
    const started = performance.now();
    let outcome = 'network_error';
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (authenticated && this.session) headers.authorization = `Session ${this.session}`;
    const what = `tryton ERP ${method}`;
    try {
      let res: Response;
      try {
        res = await fetch(this.endpoint, {
          method: 'POST', headers, body: JSON.stringify({ id: 1, method, params }), signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        const code = cause?.code ?? (error as Error).name;
        if (!writes || (code && NOT_SENT_CODES.has(code))) throw new ErpError('TRANSIENT', `${what}: ${code} ${(error as Error).message}`);
        throw new ErpError('UNKNOWN_OUTCOME', `${what}: ${code} (sent, no answer: the key must be looked up)`);
      }
      outcome = `${Math.floor(res.status / 100)}xx`;
      const text = await res.text();
      if (res.status === 401 || res.status === 403) throw new ErpError('AUTH', `${what}: HTTP ${res.status} (wrong user, password or session)`);
      if (res.status === 429) throw new ErpError('RATE_LIMITED', `${what}: HTTP 429`, 1000);
      if (res.status >= 500) throw new ErpError(writes ? 'UNKNOWN_OUTCOME' : 'TRANSIENT', `${what}: HTTP ${res.status}`);
      if (res.status >= 400) throw new ErpError('VALIDATION', `${what}: HTTP ${res.status} ${text.slice(0, 200)}`);
      let body: { result?: T; error?: unknown };
      try {
        body = JSON.parse(text, revive);
      } catch {
        throw new ErpError(writes ? 'UNKNOWN_OUTCOME' : 'TRANSIENT', `${what}: the answer is not JSON`);
      }
      if (body.error !== undefined && body.error !== null) {
        // trytond answers [exception name, [message, description]] for a UserError, [name, args] otherwise.
        const [name, detail] = Array.isArray(body.error) ? body.error : [String(body.error), null];
        const message = Array.isArray(detail) ? detail.filter((d) => typeof d === 'string' && d).join(' ') : String(detail ?? '');
        if (name === 'UserError' || name === 'UserWarning' || name === 'AccessError') throw new ErpError('VALIDATION', `${what}: ${message}`, null, message || null);
        if (name === 'ConcurrencyException') throw new ErpError('TRANSIENT', `${what}: ${name} ${message}`);
        throw new ErpError(writes ? 'UNKNOWN_OUTCOME' : 'TRANSIENT', `${what}: ${name} ${message}`.trim());
      }
      return body.result as T;
    } finally {
      erpRequests.inc({ route, outcome });
      erpRequestSeconds.observe({ route }, (performance.now() - started) / 1000);
    }
  }
}
