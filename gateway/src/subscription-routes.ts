/**
 * How the gateway serves one subscription field: which event topic it listens to and which query
 * it resolves for each event. The owning subgraph declares the field (so it is in the supergraph)
 * and publishes the topic with @hub/events; it never executes the subscription itself.
 */
export interface SubscriptionRoute {
  /** The @hub/events topic the owning subgraph publishes. */
  topic: string;
  /**
   * The subscription argument whose value an event's key must equal (e.g. `orderId`), or null:
   * every event of the topic is resolved for the subscriber, and the ones the subscriber may not
   * see (the query answers NOT_FOUND) are skipped.
   */
  keyArg: string | null;
  /** The Query field resolved for each event, with the event's key as `queryArg`. */
  queryField: string;
  queryArg: string;
}

export type SubscriptionRoutes = Readonly<Record<string, SubscriptionRoute>>;

/**
 * One entry per field of `type Subscription` in the supergraph; the gateway refuses to start when
 * a field has no entry or an entry does not fit the schema (see checkSubscriptionRoutes).
 */
export const SUBSCRIPTION_ROUTES: SubscriptionRoutes = {
  orderStatusChanged: { topic: 'orderStatusChanged', keyArg: 'orderId', queryField: 'order', queryArg: 'id' },
  syncRunUpdated: { topic: 'syncRunUpdated', keyArg: null, queryField: 'syncRun', queryArg: 'id' },
};
