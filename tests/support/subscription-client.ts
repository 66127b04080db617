import { Client, createClient, FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { gatewayUrl } from './hub-client';
import { sampleValue, scrape } from './prometheus';

let ownGateway: string | null = null;

/**
 * Points this file's WebSocket clients and metric reads at a gateway of its own (startPrivateGateway)
 * instead of the shared one, where other test files' subscriptions would be counted too.
 */
export function useGateway(url: string | null): void {
  ownGateway = url;
}

const currentGatewayUrl = (): string => ownGateway ?? gatewayUrl();

/** The gateway's URL for graphql-ws: the same host, port and path as HTTP. */
export const gatewayWsUrl = (): string => currentGatewayUrl().replace(/^http/, 'ws');

/** A graphql-ws client that sends `authorization` (a token, or a raw header value) on connect and never retries. */
export function wsClient(auth?: { token?: string; authorization?: string }): Client {
  const authorization = auth?.authorization ?? (auth?.token ? `Bearer ${auth.token}` : undefined);
  return createClient({
    url: gatewayWsUrl(),
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { authorization } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** One subscription whose results, error and completion are recorded for assertions. */
export class RecordedSubscription {
  readonly results: FormattedExecutionResult<any, unknown>[] = [];
  error: unknown = undefined;
  completed = false;
  private readonly waiters = new Set<() => void>();
  private readonly dispose: () => void;

  constructor(client: Client, query: string, variables?: Record<string, unknown>) {
    this.dispose = client.subscribe(
      { query, variables },
      {
        next: (result) => {
          this.results.push(result);
          this.wake();
        },
        error: (error) => {
          this.error = error;
          this.wake();
        },
        complete: () => {
          this.completed = true;
          this.wake();
        },
      },
    );
  }

  /** The GraphQL errors the subscription ended with (graphql-ws hands them over as an array). */
  get errors(): Array<{ message: string; extensions?: Record<string, unknown> }> {
    return Array.isArray(this.error) ? this.error : [];
  }

  /** Resolves once `predicate` holds; rejects after `timeoutMs`. */
  async until(predicate: (s: this) => boolean, timeoutMs = 10_000): Promise<void> {
    if (predicate(this)) return;
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!predicate(this)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out; results: ${JSON.stringify(this.results)}, error: ${JSON.stringify(this.error)}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  unsubscribe(): void {
    this.dispose();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

export interface GatewayMetrics {
  subscriptionsActive: number;
  subscriptionGroups: number;
  subscriptionChecks: number;
  subscriptionExecutions: number;
  subscriptionEvents: number;
  subscriptionDeliveries: number;
  eventListenerConnected: boolean;
  eventListenerReconnects: number;
  subscriptionFields: Record<string, FieldMetrics>;
}

export interface FieldMetrics {
  active: number;
  groups: number;
  checks: number;
  executions: number;
  events: number;
  deliveries: number;
}

const NO_FIELD_METRICS: FieldMetrics = { active: 0, groups: 0, checks: 0, executions: 0, events: 0, deliveries: 0 };

/**
 * One subscription field's counts. Test files run side by side against one gateway, so a test that
 * counts subscriptions or executions counts those of the field it uses, never the gateway's totals.
 */
export function fieldMetrics(metrics: GatewayMetrics, field: string): FieldMetrics {
  return metrics.subscriptionFields[field] ?? NO_FIELD_METRICS;
}

/** The subscription series of the gateway's `GET /metrics` (Prometheus text), read into one object. */
export async function gatewayMetrics(): Promise<GatewayMetrics> {
  const samples = await scrape(new URL('/metrics', currentGatewayUrl()).toString());
  const fields: Record<string, FieldMetrics> = {};
  const perField: Array<[keyof FieldMetrics, string]> = [
    ['active', 'hub_subscriptions_active'],
    ['groups', 'hub_subscription_groups'],
    ['checks', 'hub_subscription_checks_total'],
    ['executions', 'hub_subscription_executions_total'],
    ['events', 'hub_subscription_events_total'],
    ['deliveries', 'hub_subscription_deliveries_total'],
  ];
  for (const [key, name] of perField) {
    for (const sample of samples.filter((s) => s.name === name)) (fields[sample.labels.field] ??= { ...NO_FIELD_METRICS })[key] = sample.value;
  }
  const total = (key: keyof FieldMetrics) => Object.values(fields).reduce((sum, f) => sum + f[key], 0);
  return {
    subscriptionsActive: total('active'),
    subscriptionGroups: total('groups'),
    subscriptionChecks: total('checks'),
    subscriptionExecutions: total('executions'),
    subscriptionEvents: total('events'),
    subscriptionDeliveries: total('deliveries'),
    eventListenerConnected: sampleValue(samples, 'hub_event_listener_connected', { listener: 'gateway' }) === 1,
    eventListenerReconnects: sampleValue(samples, 'hub_event_listener_reconnects', { listener: 'gateway' }),
    subscriptionFields: fields,
  };
}

/** Polls `GET /metrics` until `predicate` holds. */
export async function untilMetrics(predicate: (m: GatewayMetrics) => boolean, timeoutMs = 10_000): Promise<GatewayMetrics> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const metrics = await gatewayMetrics();
    if (predicate(metrics)) return metrics;
    if (Date.now() > deadline) throw new Error(`metrics never matched: ${JSON.stringify(metrics)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
