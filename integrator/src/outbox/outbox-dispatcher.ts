import { Pool } from 'pg';
import { inTransaction } from '@hub/database';
import { ErpAdapter, ErpError } from '@hub/erp-contract';
import { OutboxMessage } from '@hub/outbox';
import { componentLogger, linkTo, withSpan } from '@hub/observability';
import { OutboxTopicDeclaration } from '@hub/subgraph-kit';
import { outboxDeliveries, outboxDeliverySeconds } from '../integrator-metrics';
import { SyncRegistry } from '../sync/sync-registry';
import { RegisteredOutbox } from './outbox-registry';
import { retryDelayMs } from './retry-backoff';

export interface OutboxDispatcherOptions {
  pool: Pool;
  adapter: ErpAdapter;
  outboxes: readonly RegisteredOutbox[];
  /** The sync kinds and their ingest functions, for records a topic reads back right after delivery. */
  registry: SyncRegistry;
  tickMs?: number;
  /** After this many failed attempts a message is dead-lettered. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /**
   * How long a claimed message is reserved for this dispatcher before another may take it (default
   * 10 s). Renewed every third of it while the dispatcher works through its batch, so it bounds how long
   * a crashed dispatcher's messages wait, not how long a delivery may take.
   */
  leaseMs?: number;
  batchSize?: number;
  /** Where its lines go (default: the process's structured log, component "outbox"). */
  log?: Pick<ReturnType<typeof componentLogger>, 'error' | 'warn' | 'info'>;
}

const defaultLog = componentLogger('outbox');
/** Short, because it is renewed while held: after a crash the dead dispatcher's messages wait no longer than this. */
const DEFAULT_LEASE_MS = 10_000;

/**
 * Delivers the subgraphs' outbox messages to the ERP at least once, with the message key as the
 * ERP's idempotency key so the ERP applies each once. What a topic means to the ERP (how to send it,
 * how to ask whether it already arrived, what to do with the receipt) is the owning subgraph's
 * declaration. Before any retry the dispatcher asks the ERP whether the key already arrived (a
 * timeout or a crash may have hidden a success), so an unknown outcome is reconciled instead of
 * duplicated. Transient failures retry with capped, jittered backoff; failures staff must fix
 * (validation, conflict, credentials) and messages out of attempts go to the dead-letter state,
 * from where staff can resend them.
 */
export class OutboxDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  private readonly log: NonNullable<OutboxDispatcherOptions['log']>;

  constructor(private readonly options: OutboxDispatcherOptions) {
    this.log = options.log ?? defaultLog;
  }

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
    for (const outbox of this.options.outboxes) {
      let messages: OutboxMessage[];
      try {
        messages = await outbox.store.claimDue(this.options.pool, this.options.batchSize ?? 20, this.leaseMs);
      } catch (error) {
        this.log.error({ source: outbox.source, err: error }, `outbox ${outbox.source}: claim failed`);
        continue;
      }
      // Keys are unique, and a claimed message is leased to this dispatcher: one delivery per key at a time.
      const held = new Map(messages.map((m) => [m.id, m]));
      const lease = this.renewWhileHeld(outbox, held);
      try {
        for (const message of messages) {
          attempted++;
          await this.deliver(outbox, message);
          held.delete(message.id);
        }
      } finally {
        lease.stop();
      }
    }
    return attempted;
  }

  /**
   * Keeps the lease on the claimed messages not yet attempted (and the one being attempted) while the
   * batch takes longer than the lease: a delivery may wait for a slow ERP up to its timeout, but a
   * dispatcher that died should hold its messages for a short lease only.
   */
  private renewWhileHeld(outbox: RegisteredOutbox, held: Map<string, OutboxMessage>): { stop(): void } {
    const leaseMs = this.leaseMs;
    let renewing: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      renewing = renewing.then(() =>
        outbox.store.renewLease(this.options.pool, [...held.values()], leaseMs).catch((error) => this.log.error({ source: outbox.source, err: error }, `outbox ${outbox.source}: renewing the lease failed`)),
      );
    }, Math.max(1, Math.floor(leaseMs / 3)));
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  private get leaseMs(): number {
    return this.options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /**
   * One attempt, in a trace of its own linked to the request that wrote the message (its stored
   * traceparent): the ERP call's span and traceparent continue from here.
   */
  private async deliver(outbox: RegisteredOutbox, message: OutboxMessage): Promise<void> {
    const started = performance.now();
    const link = linkTo(message.traceparent);
    const outcome = await withSpan(
      `outbox deliver ${message.topic}`,
      { root: true, links: link ? [link] : [], attributes: { 'hub.outbox.source': outbox.source, 'hub.outbox.topic': message.topic, 'hub.outbox.attempt': message.attempts + 1 } },
      async (span) => {
        const result = await this.attempt(outbox, message);
        span?.setAttribute('hub.outbox.outcome', result);
        return result;
      },
    );
    outboxDeliveries.inc({ source: outbox.source, topic: message.topic, outcome });
    outboxDeliverySeconds.observe({ source: outbox.source, topic: message.topic }, (performance.now() - started) / 1000);
    // The placing request's trace id, so the delivery's line is found from the request's (and back).
    const line = { source: outbox.source, topic: message.topic, messageId: message.id, attempt: message.attempts + 1, outcome, ...(link ? { causeTraceId: link.context.traceId } : {}) };
    if (outcome === 'delivered') this.log.info(line, `outbox ${message.topic} delivered`);
    else this.log.warn(line, `outbox ${message.topic} ${outcome === 'dead' ? 'dead-lettered' : 'will be retried'}`);
  }

  private async attempt(outbox: RegisteredOutbox, message: OutboxMessage): Promise<'delivered' | 'retry' | 'dead'> {
    const topic = outbox.topics.get(message.topic);
    const { pool, adapter } = this.options;
    if (!topic) {
      await outbox.store.markFailed(pool, message.id, `No ERP operation for topic ${message.topic}`, new Date(), true);
      return 'dead';
    }
    try {
      const known = message.attempts > 0 ? await topic.lookup(adapter, message.key) : null;
      const receipt = known ?? (await topic.push(adapter, message));
      const readBack = await this.readBack(topic, message, receipt);
      await inTransaction(pool, async (client) => {
        // What the ERP made of it first, through the owners' ingest functions, then the sender's own acknowledgement.
        for (const { kind, record } of readBack) await this.options.registry.findErpKind(kind)!.ingest(client, { rows: [record], deletions: [] });
        await outbox.store.markDelivered(client, message, receipt);
        await topic.acknowledge?.(client, message, receipt);
      });
      return 'delivered';
    } catch (error) {
      const erp = error instanceof ErpError ? error : new ErpError('TRANSIENT', (error as Error).message);
      const attempts = message.attempts + 1;
      const dead = !erp.retryable || attempts >= (this.options.maxAttempts ?? 10);
      let delay = retryDelayMs(attempts - 1, this.options.baseDelayMs ?? 1000, this.options.maxDelayMs ?? 5 * 60_000);
      if (erp.kind === 'RATE_LIMITED' && erp.retryAfterMs !== null) delay = Math.max(delay, erp.retryAfterMs);
      const lastError = `${erp.kind}: ${erp.message}`;
      if (dead && topic.deadLettered) return this.deadLetter(outbox, topic, message, erp, lastError, new Date(Date.now() + delay));
      await outbox.store.markFailed(pool, message.id, lastError, new Date(Date.now() + delay), dead);
      return dead ? 'dead' : 'retry';
    }
  }

  /** Dead-letters the message and runs the topic's hook in one transaction; if the hook fails, the message is retried instead. */
  private async deadLetter(outbox: RegisteredOutbox, topic: OutboxTopicDeclaration, message: OutboxMessage, error: ErpError, lastError: string, retryAt: Date): Promise<'dead' | 'retry'> {
    try {
      await inTransaction(this.options.pool, async (client) => {
        await outbox.store.markFailed(client, message.id, lastError, retryAt, true);
        await topic.deadLettered!(client, message, error);
      });
      return 'dead';
    } catch (hookError) {
      this.log.error({ source: outbox.source, topic: message.topic, err: hookError }, `outbox ${outbox.source}: the dead-letter hook of ${message.topic} failed`);
      await outbox.store.markFailed(this.options.pool, message.id, `${lastError} (not dead-lettered: its hook failed: ${(hookError as Error).message})`, retryAt, false);
      return 'retry';
    }
  }

  /** The ERP records a topic reads back after delivery (collectOutboxes checked their kinds); one the ERP does not have yet is left to the next sync. */
  private async readBack(topic: OutboxTopicDeclaration, message: OutboxMessage, receipt: Record<string, unknown>): Promise<Array<{ kind: string; record: unknown }>> {
    const records: Array<{ kind: string; record: unknown }> = [];
    for (const { kind, key } of topic.ingestAfterDelivery ?? []) {
      const recordKey = key(receipt, message);
      // An empty key: this receipt names nothing of that kind (e.g. a return exchanged, not credited).
      if (!recordKey) continue;
      const record = await this.options.adapter.fetchRecord(kind, recordKey);
      if (record) records.push({ kind, record });
    }
    return records;
  }
}
