import { Client } from 'pg';
import { componentLogger } from '@hub/observability';
import { decodeEvent, HUB_EVENTS_CHANNEL, HubEvent } from './hub-event';

const events = componentLogger('events');

export type EventHandler = (event: HubEvent) => void;

export interface EventListenerOptions {
  connectionString: string;
  /** Shown in pg_stat_activity, so the listening connection is easy to find. */
  applicationName?: string;
  log?: (line: string) => void;
  /** First delay before reconnecting after the connection is lost; doubles up to `maxRetryMs`. */
  minRetryMs?: number;
  maxRetryMs?: number;
}

interface TopicHandlers {
  /** Handlers for every event of the topic. */
  any: Set<EventHandler>;
  /** Handlers for one key of the topic. */
  byKey: Map<string, Set<EventHandler>>;
}

/**
 * Holds ONE dedicated PostgreSQL connection that runs `LISTEN hub_events` and hands each event to
 * the in-process handlers of its topic (and key). When the connection drops it reconnects with
 * backoff and tells the `onReconnect` handlers: events published while it was away are gone, which
 * is harmless for readers that re-read the state on the next event, and readers that want the
 * current state right away (the gateway's subscriptions) re-read it on reconnect.
 */
export class EventListener {
  private readonly topics = new Map<string, TopicHandlers>();
  private readonly reconnectHandlers = new Set<() => void>();
  private client: Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempts = 0;
  private started = false;
  private stopped = false;
  private reconnectCount = 0;
  private readonly log: (line: string) => void;

  constructor(private readonly options: EventListenerOptions) {
    this.log = options.log ?? ((line) => events.warn(line));
  }

  /** Connects and starts listening; rejects if the first connection fails. */
  async start(): Promise<void> {
    if (this.started) throw new Error('The event listener was already started.');
    this.started = true;
    await this.connect();
  }

  /** True while the LISTEN connection is up. */
  get connected(): boolean {
    return this.client !== null;
  }

  /** How often the connection was lost and re-established. */
  get reconnects(): number {
    return this.reconnectCount;
  }

  /** Calls `handler` for each event of `topic` (only those with `key`, unless key is null). Returns the unsubscribe. */
  subscribe(topic: string, key: string | null, handler: EventHandler): () => void {
    let handlers = this.topics.get(topic);
    if (!handlers) {
      handlers = { any: new Set(), byKey: new Map() };
      this.topics.set(topic, handlers);
    }
    const set = key === null ? handlers.any : handlers.byKey.get(key) ?? new Set<EventHandler>();
    if (key !== null) handlers.byKey.set(key, set);
    set.add(handler);
    return () => {
      set.delete(handler);
      if (key !== null && set.size === 0) handlers!.byKey.delete(key);
      if (handlers!.any.size === 0 && handlers!.byKey.size === 0 && this.topics.get(topic) === handlers) this.topics.delete(topic);
    };
  }

  /** Calls `handler` after each reconnection (events may have been missed while disconnected). */
  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => this.reconnectHandlers.delete(handler);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: this.options.applicationName ?? 'hub-events',
      // A dead peer is noticed by TCP keep-alive even when no event is due.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on('notification', (message) => {
      if (message.channel === HUB_EVENTS_CHANNEL) this.dispatch(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('the connection was closed')));
    try {
      await client.connect();
      await client.query(`LISTEN ${HUB_EVENTS_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  private lost(client: Client, error: Error): void {
    if (client !== this.client) return;
    this.client = null;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.log(`lost the ${HUB_EVENTS_CHANNEL} connection (${error.message}); reconnecting`);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const min = this.options.minRetryMs ?? 250;
    const max = this.options.maxRetryMs ?? 10_000;
    const delay = Math.min(max, min * 2 ** this.attempts);
    this.attempts++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().then(
        () => {
          if (this.stopped) return;
          this.attempts = 0;
          this.reconnectCount++;
          this.log(`listening on ${HUB_EVENTS_CHANNEL} again`);
          for (const handler of [...this.reconnectHandlers]) this.call(() => handler());
        },
        (error: Error) => {
          if (this.stopped) return;
          this.log(`reconnecting failed (${error.message}); retrying`);
          this.scheduleReconnect();
        },
      );
    }, delay);
  }

  private dispatch(payload: string | undefined): void {
    const event = decodeEvent(payload);
    if (!event) return;
    const handlers = this.topics.get(event.topic);
    if (!handlers) return;
    for (const handler of [...handlers.any, ...(handlers.byKey.get(event.key) ?? [])]) this.call(() => handler(event));
  }

  /** A failing handler must not keep the others from their events. */
  private call(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.log(`an event handler failed: ${(error as Error).stack ?? error}`);
    }
  }
}
