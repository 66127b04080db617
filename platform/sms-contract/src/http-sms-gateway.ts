import { SmsGatewayError } from './sms-error';
import { SmsRecord, SmsRequest } from './sms-records';

/** What the hub needs of an SMS gateway. */
export interface SmsGateway {
  send(sms: SmsRequest): Promise<SmsRecord>;
  status(id: string): Promise<SmsRecord>;
}

export interface HttpSmsGatewayOptions {
  baseUrl: string;
  apiKey: string;
  /** Per request; a gateway that hangs counts as down. */
  timeoutMs?: number;
}

/** The SMS gateway protocol (see sms-records.ts) over HTTP+JSON. */
export class HttpSmsGateway implements SmsGateway {
  private readonly baseUrl: string;

  constructor(private readonly options: HttpSmsGatewayOptions) {
    this.baseUrl = options.baseUrl.replace(/\/$/, '');
  }

  send(sms: SmsRequest): Promise<SmsRecord> {
    return this.call('POST', '/messages', sms);
  }

  status(id: string): Promise<SmsRecord> {
    return this.call('GET', `/messages/${encodeURIComponent(id)}`);
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<SmsRecord> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.options.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new SmsGatewayError(0, 'UNREACHABLE', `SMS gateway unreachable: ${(error as Error).message}`, false);
    }
    const text = await response.text();
    if (response.ok) return JSON.parse(text) as SmsRecord;
    let code = 'HTTP_ERROR';
    let message = text;
    try {
      const parsed = JSON.parse(text) as { error?: { code?: string; message?: string } };
      code = parsed.error?.code ?? code;
      message = parsed.error?.message ?? message;
    } catch {
      // not JSON: keep the raw text
    }
    // 400 and 422 will be answered the same way however often they are asked; 401, 429 and 5xx may pass later.
    const permanent = response.status === 400 || response.status === 422;
    throw new SmsGatewayError(response.status, code, `SMS gateway answered ${response.status} ${code}: ${message}`, permanent);
  }
}
