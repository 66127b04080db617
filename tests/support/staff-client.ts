import { erpAdminRequest } from './demo-erp-process';
import { as } from './hub-client';

export const OUTBOX_QUERY = /* GraphQL */ `
  query Outbox($status: OutboxMessageStatus) {
    outboxMessages(status: $status, first: 500) { id source topic key status attempts lastError result deliveredAt }
  }
`;

export interface OutboxRow {
  id: string;
  source: string;
  topic: string;
  key: string;
  status: 'PENDING' | 'DELIVERED' | 'DEAD';
  attempts: number;
  lastError: string | null;
  result: string | null;
}

export async function outboxMessages(status?: string): Promise<OutboxRow[]> {
  const staff = await as('admin@hub.example');
  return (await staff.request<{ outboxMessages: OutboxRow[] }>(OUTBOX_QUERY, { status })).outboxMessages;
}

/** Polls until the check returns a value (not undefined/false), or fails after the timeout. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The shared hub's demo ERP admin endpoints (its URL comes from the global setup). */
export function erpAdmin(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<any> {
  const url = process.env.HUB_TEST_ERP_URL;
  if (!url) throw new Error('The hub did not report its demo ERP URL.');
  return erpAdminRequest(url, method, path, body);
}
