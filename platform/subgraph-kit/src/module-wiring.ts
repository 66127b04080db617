import { PoolClient } from 'pg';
import { ErpAdapter, ErpError, ErpReceiptOf, ErpRecordOf, ErpSubmissionOf } from '@hub/erp-contract';
import { SubscriptionResolution } from '@hub/events';
import { IngestPage, MergeResult } from '@hub/ingest';
import { OutboxMessage, OutboxStore } from '@hub/outbox';

/**
 * What a subgraph exchanges with the ERP and announces to subscribers, declared by the subgraph
 * itself (its SubgraphModule). The integrator, the gateway and the launcher learn kinds, outbox
 * topics and event topics only from these declarations, never from a central list.
 */

/** One page of a kind's ERP records, merged on the caller's client (so in the caller's transaction). */
export type IngestFunction<T> = (client: PoolClient, page: IngestPage<T>) => Promise<MergeResult>;

/** A kind this subgraph owns: it sets the schedule, and its ingest's counts and changed keys are the run's. */
export interface SyncKindDeclaration<K extends string = string> {
  kind: K;
  /** The only way this kind's ERP data enters the subgraph. */
  ingest: IngestFunction<ErpRecordOf<K>>;
  defaultIntervalSeconds: number;
  description: string;
  /** Kinds whose first full sync must come before this one's (e.g. categories before products). */
  runsAfter?: readonly string[];
}

/** A kind another subgraph owns, of which this one keeps a part: ingested after the owner's, in the same transaction. */
export interface SyncIngestDeclaration<K extends string = string> {
  kind: K;
  ingest: IngestFunction<ErpRecordOf<K>>;
}

/** The kind comes first and decides the record type its ingest function must take. */
export function syncKind<K extends string>(kind: K, declaration: Omit<SyncKindDeclaration<K>, 'kind'>): SyncKindDeclaration<K> {
  return { kind, ...declaration };
}

export function alsoIngests<K extends string>(kind: K, ingest: IngestFunction<ErpRecordOf<K>>): SyncIngestDeclaration<K> {
  return { kind, ingest };
}

/** What one outbox topic means to the ERP. */
export interface OutboxTopicDeclaration {
  topic: string;
  /** Sends one message; resolves with the ERP's receipt. */
  push(adapter: ErpAdapter, message: OutboxMessage): Promise<Record<string, unknown>>;
  /** The receipt when the ERP already has this key (asked before every retry, so an unknown outcome is not sent twice). */
  lookup(adapter: ErpAdapter, key: string): Promise<Record<string, unknown> | null>;
  /** Applies the receipt to the subgraph's own data, in the transaction that marks the message delivered. */
  acknowledge?(client: PoolClient, message: OutboxMessage, receipt: Record<string, unknown>): Promise<void>;
  /**
   * ERP records to read right after delivery and ingest (through their owners' ingest functions) in
   * that same transaction, so what the ERP made of the message is visible at once rather than at
   * the next scheduled sync (e.g. a new customer's currency and price group). A key that is empty
   * reads nothing back for that message.
   */
  ingestAfterDelivery?: ReadonlyArray<{ kind: string; key(receipt: Record<string, unknown>, message: OutboxMessage): string }>;
  /**
   * Runs in the transaction that dead-letters the message (the ERP refused it: VALIDATION, CONFLICT,
   * AUTH, or it ran out of attempts), so what the sender shows its users (e.g. an order the ERP
   * refused, with the ERP's reason) changes together with the message. If it throws, the message is
   * not dead-lettered but retried later.
   */
  deadLettered?(client: PoolClient, message: OutboxMessage, error: ErpError): Promise<void>;
}

/** A topic delivered by pushing its payload into one of the ERP's collections, with the message key as idempotency key. */
export function pushToCollection<C extends string>(
  topic: string,
  collection: C,
  options: Pick<OutboxTopicDeclaration, 'acknowledge' | 'ingestAfterDelivery' | 'deadLettered'> = {},
): OutboxTopicDeclaration {
  return {
    topic,
    push: async (adapter, message) => {
      const receipt: ErpReceiptOf<C> = await adapter.push(collection, message.payload as ErpSubmissionOf<C>, message.key);
      return { ...(receipt as object) } as Record<string, unknown>;
    },
    lookup: async (adapter, key) => {
      const receipt: ErpReceiptOf<C> | null = await adapter.findByKey(collection, key);
      return receipt ? ({ ...(receipt as object) } as Record<string, unknown>) : null;
    },
    ...options,
  };
}

/** A subgraph's outbox table and the topics written into it. */
export interface SubgraphOutbox {
  store: OutboxStore;
  topics: readonly OutboxTopicDeclaration[];
}

/** An event topic the subgraph publishes (@hub/events), with the subscription fields it feeds. */
export interface EventTopicDeclaration {
  topic: string;
  description: string;
  /** Subscription field → how the gateway resolves each event for a subscriber. */
  serves?: Readonly<Record<string, SubscriptionResolution>>;
}
