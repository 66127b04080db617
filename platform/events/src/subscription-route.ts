/**
 * How the gateway serves a subscription field from events: which topics it listens to and which
 * query it resolves for each event, as the subscriber. The subgraph that owns the field declares it
 * (its SubgraphModule's event topics) and publishes the topics; it never executes the subscription.
 */
export interface SubscriptionResolution {
  /**
   * The subscription argument whose value an event's key must equal (e.g. `orderId`), or null:
   * every event of the topics is resolved for the subscriber, and the ones the subscriber may not
   * see (the query answers NOT_FOUND) are skipped.
   */
  keyArg: string | null;
  /** The Query field resolved for each event, with the event's key as `queryArg`. */
  queryField: string;
  queryArg: string;
  /**
   * Optional: a Query field that takes a list of keys as `batchQueryArg` and answers a list of the
   * same type in the order asked (null, with an error at that index, where one is not visible).
   * The gateway resolves the events of many keys in one call of it: federation plans a list field
   * as one fetch per subgraph, where n aliases of `queryField` cost n fetches of each entity below.
   */
  batchQueryField?: string;
  batchQueryArg?: string;
}

export interface SubscriptionRoute extends SubscriptionResolution {
  /** The topics whose events (keyed like `queryArg`) feed the field; several subgraphs may feed one field. */
  topics: readonly string[];
}

export type SubscriptionRoutes = Readonly<Record<string, SubscriptionRoute>>;
