import { OutboxStore } from '@hub/outbox';
import { OutboxTopicDeclaration, SubgraphModule } from '@hub/subgraph-kit';
import { SyncRegistry } from '../sync/sync-registry';

/** One subgraph's outbox as the dispatcher and the staff API see it. */
export interface RegisteredOutbox {
  /** The subgraph that writes into it. */
  source: string;
  store: OutboxStore;
  topics: ReadonlyMap<string, OutboxTopicDeclaration>;
}

/** Every outbox of a hub, from its modules' declarations; refuses topics that read back a kind nobody syncs. */
export function collectOutboxes(modules: readonly SubgraphModule<any>[], registry: SyncRegistry): RegisteredOutbox[] {
  const outboxes: RegisteredOutbox[] = [];
  const schemas = new Set<string>();
  for (const module of modules) {
    if (!module.outbox) continue;
    const { store, topics } = module.outbox;
    if (store.schema !== module.dbSchema) throw new Error(`${module.name}'s outbox lives in schema ${store.schema}, not in its own (${module.dbSchema}).`);
    if (schemas.has(store.schema)) throw new Error(`Two modules declare the outbox of schema ${store.schema}.`);
    schemas.add(store.schema);
    const byTopic = new Map<string, OutboxTopicDeclaration>();
    for (const topic of topics) {
      if (byTopic.has(topic.topic)) throw new Error(`${module.name} declares outbox topic ${topic.topic} twice.`);
      for (const { kind } of topic.ingestAfterDelivery ?? []) {
        if (!registry.findErpKind(kind)) throw new Error(`Outbox topic ${topic.topic} (${module.name}) reads back sync kind ${kind}, which no module owns.`);
      }
      byTopic.set(topic.topic, topic);
    }
    outboxes.push({ source: module.name, store, topics: byTopic });
  }
  return outboxes;
}
