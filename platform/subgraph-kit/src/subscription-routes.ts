import { SubscriptionRoute, SubscriptionRoutes } from '@hub/events';
import { SubgraphModule } from './subgraph-module';

/**
 * The gateway's subscription routes, from the event topics the modules declare: one route per
 * subscription field, fed by every topic that serves it. Topics feeding one field must agree on
 * how it is resolved.
 */
export function collectSubscriptionRoutes(modules: readonly SubgraphModule<any>[]): SubscriptionRoutes {
  const routes: Record<string, SubscriptionRoute> = {};
  for (const module of modules) {
    for (const event of module.events ?? []) {
      for (const [field, resolution] of Object.entries(event.serves ?? {})) {
        const existing = routes[field];
        if (!existing) {
          routes[field] = { ...resolution, topics: [event.topic] };
          continue;
        }
        if (
          existing.keyArg !== resolution.keyArg || existing.queryField !== resolution.queryField || existing.queryArg !== resolution.queryArg ||
          existing.batchQueryField !== resolution.batchQueryField ||
          existing.batchQueryArg !== resolution.batchQueryArg
        ) {
          throw new Error(`Subscription.${field}: topic ${event.topic} (${module.name}) resolves it differently from ${existing.topics.join(', ')}.`);
        }
        if (!existing.topics.includes(event.topic)) routes[field] = { ...existing, topics: [...existing.topics, event.topic] };
      }
    }
  }
  return routes;
}
