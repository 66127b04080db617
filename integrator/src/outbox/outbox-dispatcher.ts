import { Pool } from 'pg';
import { OutboxMessage, OutboxStore } from '@hub/outbox';
import { ErpAdapter, ErpError } from '../adapter';
import { retryDelayMs } from './retry-backoff';

export interface OutboxDispatcherOptions {
  pool: Pool;
  adapter: ErpAdapter;
  stores: OutboxStore[];
  tickMs?: number;
  /** After this many failed attempts a message is dead-lettered. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long a claimed message is reserved for this dispatcher before another may take it. */
  leaseMs?: number;
  batchSize?: number;
}

type Push = (adapter: ErpAdapter, message: OutboxMessage) => Promise<Record<string, unknown>>;
type Lookup = (adapter: ErpAdapter, key: string) => Promise<Record<string, unknown> | null>;

/** What each topic means to the ERP: how to send it, and how to ask whether it already arrived. */
const TOPICS: Record<string, { push: Push; lookup: Lookup }> = {
  'order.placed': {
    push: async (adapter, m) => ({ ...(await adapter.pushOrder(m.payload as any, m.key)) }),
    lookup: async (adapter, key) => {
      const receipt = await adapter.findOrderByKey(key);
      return receipt ? { ...receipt } : null;
    },
  },
  'customer.registered': {
    push: async (adapter, m) => ({ ...(await adapter.pushCustomer(m.payload as any, m.key)) }),
    lookup: async (adapter, key) => {
      const receipt = await adapter.findCustomerByKey(key);
      return receipt ? { ...receipt } : null;
    },
  },
  'return.filed': {
    push: async (adapter, m) => ({ ...(await adapter.pushReturn(m.payload as any, m.key)) }),
    lookup: async (adapter, key) => {
      const receipt = await adapter.findReturnByKey(key);
      return receipt ? { ...receipt } : null;
    },
  },
};

/**
 * Delivers the subgraphs' outbox messages to the ERP at least once, with the message key as the
 * ERP's idempotency key so the ERP applies each once. Before any retry it asks the ERP whether the
 * key already arrived (a timeout or a crash may have hidden a success), so an unknown outcome is
 * reconciled instead of duplicated. Transient failures retry with capped, jittered backoff;
 * failures staff must fix (validation, conflict, credentials) and messages out of attempts go to
 * the dead-letter state, from where staff can resend them.
 */
export class OutboxDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly options: OutboxDispatcherOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.tick().finally(() => (this.running = null));
    }, this.options.tickMs ?? 500);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass over every outbox; returns how many messages were attempted. */
  async tick(): Promise<number> {
    let attempted = 0;
    for (const store of this.options.stores) {
      let messages: OutboxMessage[];
      try {
        messages = await store.claimDue(this.options.pool, this.options.batchSize ?? 20, this.options.leaseMs ?? 60_000);
      } catch (error) {
        console.error(`[integrator] outbox ${store.schema}: claim failed:`, (error as Error).message);
        continue;
      }
      // Keys are unique, and a claimed message is leased to this dispatcher: one delivery per key at a time.
      for (const message of messages) {
        attempted++;
        await this.deliver(store, message);
      }
    }
    return attempted;
  }

  private async deliver(store: OutboxStore, message: OutboxMessage): Promise<void> {
    const topic = TOPICS[message.topic];
    const { pool } = this.options;
    if (!topic) {
      await store.markFailed(pool, message.id, `No ERP operation for topic ${message.topic}`, new Date(), true);
      return;
    }
    try {
      const known = message.attempts > 0 ? await topic.lookup(this.options.adapter, message.key) : null;
      const result = known ?? (await topic.push(this.options.adapter, message));
      const client = await pool.connect();
      const onConnectionError = () => undefined;
      client.on('error', onConnectionError);
      try {
        await client.query('begin');
        await store.markDelivered(client, message, result);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.off('error', onConnectionError);
        client.release();
      }
    } catch (error) {
      const erp = error instanceof ErpError ? error : new ErpError('TRANSIENT', (error as Error).message);
      const attempts = message.attempts + 1;
      const dead = !erp.retryable || attempts >= (this.options.maxAttempts ?? 10);
      let delay = retryDelayMs(attempts - 1, this.options.baseDelayMs ?? 1000, this.options.maxDelayMs ?? 5 * 60_000);
      if (erp.kind === 'RATE_LIMITED' && erp.retryAfterMs !== null) delay = Math.max(delay, erp.retryAfterMs);
      await store.markFailed(pool, message.id, `${erp.kind}: ${erp.message}`, new Date(Date.now() + delay), dead);
    }
  }
}
