import { Client, createClient, FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { gatewayUrl } from './hub-client';

/** The gateway's URL for graphql-ws: the same host, port and path as HTTP. */
export const gatewayWsUrl = (): string => gatewayUrl().replace(/^http/, 'ws');

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

/** The gateway's `GET /metrics`. */
export async function gatewayMetrics(): Promise<GatewayMetrics> {
  const response = await fetch(new URL('/metrics', gatewayUrl()));
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  return (await response.json()) as GatewayMetrics;
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
