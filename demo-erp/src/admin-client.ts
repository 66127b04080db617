import { request } from 'node:http';
import { ErpRecordOf } from '@hub/erp-contract';
import type { DemoErpStats } from './demo-erp';
import { DEFAULT_DEMO_ERP_ADMIN_KEY, type DemoErpFaults } from './server';

/** A small client for the demo ERP's /admin endpoints (tests, benchmarks, the launcher); see README.md. */
export class DemoErpAdminClient {
  constructor(
    private readonly baseUrl: string,
    private readonly adminKey: string = DEFAULT_DEMO_ERP_ADMIN_KEY,
  ) {}

  private call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const url = new URL(path, this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { authorization: `Bearer ${this.adminKey}` };
      if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': payload.length });
      const req = request(url, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
          } catch (e) {
            reject(e);
          }
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  private async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.call<T>(method, path, body);
    if (res.status !== 200) throw new Error(`demo ERP admin ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  advance(steps = 1): Promise<{ ticks: number; version: number }> {
    return this.ok('POST', 'admin/advance', { steps });
  }

  /** The ERP's own pace: a step every `seconds` (0: only when asked). */
  setPace(seconds: number): Promise<{ paceSeconds: number }> {
    return this.ok('POST', 'admin/pace', { seconds });
  }

  upsert<K extends string>(kind: K, record: ErpRecordOf<K>): Promise<{ key: string; version: number }> {
    return this.ok('POST', `admin/records/${kind}`, record);
  }

  /** Deletes a record; false when there was none. */
  async remove(kind: string, key: string): Promise<boolean> {
    const res = await this.call('DELETE', `admin/records/${kind}/${encodeURIComponent(key)}`);
    if (res.status === 404) return false;
    if (res.status !== 200) throw new Error(`demo ERP admin delete: ${res.status}`);
    return true;
  }

  async get<K extends string>(kind: K, key: string): Promise<ErpRecordOf<K> | null> {
    const res = await this.call<ErpRecordOf<K>>('GET', `admin/records/${kind}/${encodeURIComponent(key)}`);
    return res.status === 200 ? res.body : null;
  }

  /** The customer paid an open invoice: all that is open, or `amount` of it (the ERP books a payment, the open item shrinks). */
  recordPayment(invoiceNumber: string, amount?: string): Promise<ErpRecordOf<'payments'>> {
    return this.ok('POST', `admin/invoices/${encodeURIComponent(invoiceNumber)}/payments`, amount === undefined ? {} : { amount });
  }

  setFaults(faults: Partial<DemoErpFaults>): Promise<DemoErpFaults> {
    return this.ok('POST', 'admin/faults', faults);
  }

  clearFaults(): Promise<DemoErpFaults> {
    return this.ok('DELETE', 'admin/faults');
  }

  stats(): Promise<DemoErpStats & { faults: DemoErpFaults; paceSeconds: number }> {
    return this.ok('GET', 'admin/stats');
  }
}
