import { counter, gauge, histogram } from '@hub/observability';
import { SubscriptionCounters, SubscriptionFanout } from './subscription-fanout';

/** What the gateway counts besides its operations (those are the shared GraphQL plugin's). */
export const subgraphFetchSeconds = histogram('hub_gateway_subgraph_fetch_duration_seconds', 'Time of one fetch from the gateway to a subgraph (a query plan makes one or more), by subgraph and outcome', ['subgraph', 'outcome']);

const subscriptionCounters: Record<keyof SubscriptionCounters, ReturnType<typeof counter<'field'>>> = {
  checks: counter('hub_subscription_checks_total', 'Subscriptions checked (resolved once as the subscriber) before they start, by field', ['field']),
  checkExecutions: counter('hub_subscription_check_executions_total', 'Queries resolved for subscription checks: one per batch of subscribers with the same selection and rights, by field', ['field']),
  executions: counter('hub_subscription_executions_total', 'Queries resolved for events: one per batch of events of a group of subscribers, by field', ['field']),
  events: counter('hub_subscription_events_total', 'Events received for a subscribed topic and key, by field', ['field']),
  deliveries: counter('hub_subscription_deliveries_total', 'Results sent to subscribers, by field', ['field']),
  cutOff: counter('hub_subscriptions_cut_off_total', 'Subscribers cut off because their connection did not keep up, by field', ['field']),
};

export function countSubscription(field: string, which: keyof SubscriptionCounters, n: number): void {
  subscriptionCounters[which].inc({ field }, n);
}

/** Scrape-time gauges of the gateway's subscriptions and event listener. */
export function observeSubscriptions(fanout: SubscriptionFanout, connections: () => number, bufferedBytes: () => number, listener: { connected: boolean; reconnects: number }): void {
  gauge('hub_subscriptions_active', 'Subscriptions open now, by field', ['field'], (g) => {
    for (const [field, counts] of Object.entries(fanout.byField())) g.set({ field }, counts.active);
  });
  gauge('hub_subscription_groups', 'Groups of subscribers that share one execution per event, by field', ['field'], (g) => {
    for (const [field, counts] of Object.entries(fanout.byField())) g.set({ field }, counts.groups);
  });
  gauge('hub_subscription_connections', 'graphql-ws WebSocket connections open now', [], (g) => g.set({}, connections()));
  gauge('hub_subscription_send_backlog', 'Subscribers whose connection still holds results not yet written (cut off past 1 MiB)', [], (g) => g.set({}, fanout.backlog));
  gauge('hub_subscription_socket_buffered_bytes', 'Bytes written to subscribers\' WebSockets and not yet sent', [], (g) => g.set({}, bufferedBytes()));
  gauge('hub_event_listener_connected', 'Whether the LISTEN connection for hub events is up (1) or reconnecting (0)', ['listener'], (g) => g.set({ listener: 'gateway' }, listener.connected ? 1 : 0));
  gauge('hub_event_listener_reconnects', 'Times the LISTEN connection was lost and re-established since start', ['listener'], (g) => g.set({ listener: 'gateway' }, listener.reconnects));
}

/** Scrape-time counts of HTTP connections the gateway cut off (see guardConnections). */
export function observeConnectionGuard(counters: { pipelineCutOffs: number; slowReaderCutOffs: number }): void {
  gauge('hub_gateway_connections_cut_off', 'HTTP connections the gateway destroyed since start, by reason (pipelined too many requests, or left too many answer bytes unread)', ['reason'], (g) => {
    g.set({ reason: 'pipelined' }, counters.pipelineCutOffs);
    g.set({ reason: 'slow_reader' }, counters.slowReaderCutOffs);
  });
}
