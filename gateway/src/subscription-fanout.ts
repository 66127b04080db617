import { FormattedExecutionResult, GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { Viewer } from '@hub/auth';
import { logger } from '@hub/observability';
import { PreparedSubscription, PROBE_KEY } from './subscription-router';
import { PushIterator } from './push-iterator';
import { reachesTypes, viewerGroupKey } from './viewer-group';

/** Who a subscription runs as: the verified token, forwarded to the subgraphs like an HTTP request's. */
export interface SubscriberAuth {
  bearer?: string;
  viewer: Viewer | null;
  /** When the token expires (ms since the epoch); null when anonymous. */
  expiresAt: number | null;
}

/** Runs a query through the gateway as `as`, exactly like an HTTP request with that token. */
export type OperationExecutor = (request: { query: string; variables: Record<string, unknown> }, as: SubscriberAuth) => Promise<FormattedExecutionResult>;

/** Where events come from (the @hub/events EventListener). */
export interface EventSource {
  subscribe(topic: string, key: string | null, handler: (event: { topic: string; key: string }) => void): () => void;
  onReconnect(handler: () => void): () => void;
}

export interface SubscriptionCounters {
  /** Initial access checks, one per subscribe. */
  checks: number;
  /** Queries resolved for events: one per event and group, however many subscribers the group has. */
  executions: number;
  /** Events received for a topic and key somebody subscribes to. */
  events: number;
  /** Results sent to subscribers. */
  deliveries: number;
}

interface Subscriber {
  auth: SubscriberAuth;
  iterator: PushIterator<FormattedExecutionResult>;
}

interface Group {
  id: string;
  prepared: PreparedSubscription;
  members: Set<Subscriber>;
  /** Event keys waiting to be resolved; true = deliver only if the result changed (catch-up after a reconnect). */
  pending: Map<string, boolean>;
  running: boolean;
  /** The last result sent (or, until then, the first subscriber's initial check). */
  lastResult: string | undefined;
  unlisten: () => void;
}

const ACCESS_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

function codeOf(error: GraphQLFormattedError): string | undefined {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The query answered nothing for the subscribed field, with errors: the viewer may not (or can no longer) see it. */
function refusal(result: FormattedExecutionResult, responseKey: string): readonly GraphQLFormattedError[] | null {
  const errors = result.errors ?? [];
  if (errors.length === 0) return null;
  const value = result.data == null ? null : (result.data as Record<string, unknown>)[responseKey];
  return value == null ? errors : null;
}

function toGraphQLError(error: GraphQLFormattedError): GraphQLError {
  return new GraphQLError(error.message, { path: error.path, extensions: error.extensions });
}

function expired(auth: SubscriberAuth, now: number): boolean {
  return auth.expiresAt !== null && auth.expiresAt <= now;
}

/**
 * Turns events into subscription results. Subscribers with the same query, variables, event key and
 * viewer group (see viewer-group.ts) form one group, which resolves its query ONCE per event, as one
 * of its members, and sends the result to all of them. Each group resolves its events one at a time,
 * in order; events that arrive for a key while it waits are coalesced, since the query reads the
 * current state anyway.
 */
export class SubscriptionFanout {
  readonly counters: SubscriptionCounters = { checks: 0, executions: 0, events: 0, deliveries: 0 };
  /** The same counts per subscription field (a bounded set: the fields of type Subscription). */
  private readonly fieldCounters = new Map<string, SubscriptionCounters>();
  private readonly groups = new Map<string, Group>();
  private readonly stopReconnect: () => void;

  constructor(
    private readonly options: {
      schema: GraphQLSchema;
      events: EventSource;
      execute: OperationExecutor;
      log?: (line: string) => void;
      now?: () => number;
      /** Told of every count (the gateway's Prometheus counters). */
      onCount?: (field: string, counter: keyof SubscriptionCounters, n: number) => void;
    },
  ) {
    this.stopReconnect = options.events.onReconnect(() => this.catchUp());
  }

  get subscriberCount(): number {
    let n = 0;
    for (const group of this.groups.values()) n += group.members.size;
    return n;
  }

  get groupCount(): number {
    return this.groups.size;
  }

  /** Results waiting for subscribers that have not taken them yet, summed. */
  get backlog(): number {
    let n = 0;
    for (const group of this.groups.values()) for (const member of group.members) n += member.iterator.queued;
    return n;
  }

  /** Per subscription field: subscribers and groups now, and the counters so far. */
  byField(): Record<string, SubscriptionCounters & { active: number; groups: number }> {
    const out: Record<string, SubscriptionCounters & { active: number; groups: number }> = {};
    for (const [field, counters] of this.fieldCounters) out[field] = { ...counters, active: 0, groups: 0 };
    for (const group of this.groups.values()) {
      const entry = (out[group.prepared.fieldName] ??= { checks: 0, executions: 0, events: 0, deliveries: 0, active: 0, groups: 0 });
      entry.active += group.members.size;
      entry.groups++;
    }
    return out;
  }

  private count(field: string, counter: keyof SubscriptionCounters, n = 1): void {
    this.counters[counter] += n;
    let perField = this.fieldCounters.get(field);
    if (!perField) this.fieldCounters.set(field, (perField = { checks: 0, executions: 0, events: 0, deliveries: 0 }));
    perField[counter] += n;
    this.options.onCount?.(field, counter, n);
  }

  /**
   * Resolves the subscription once as the subscriber, before it starts: errors when the subscriber
   * may not see what it subscribes to (the subscription ends with them), else the result.
   */
  async check(prepared: PreparedSubscription, auth: SubscriberAuth): Promise<{ errors: GraphQLError[] } | { result: FormattedExecutionResult }> {
    this.count(prepared.fieldName, 'checks');
    if (expired(auth, this.now())) return { errors: [new GraphQLError('Your session has expired; sign in again.', { extensions: { code: 'UNAUTHENTICATED' } })] };
    const result = await this.run(prepared, prepared.key ?? PROBE_KEY, auth);
    const errors = refusal(result, prepared.responseKey);
    // A route without a key probes with an id that names nothing: NOT_FOUND is the expected answer.
    if (errors && !(prepared.key === null && errors.every((e) => codeOf(e) === 'NOT_FOUND'))) return { errors: errors.map(toGraphQLError) };
    return { result };
  }

  /** Adds a subscriber that passed `check`; the iterator yields its results until either side ends it. */
  add(prepared: PreparedSubscription, auth: SubscriberAuth, initial?: FormattedExecutionResult): AsyncIterableIterator<FormattedExecutionResult> {
    const perUser = reachesTypes(this.options.schema, prepared.queryDocument);
    const id = JSON.stringify([prepared.fieldName, prepared.key, prepared.query, canonicalJson(prepared.variables), viewerGroupKey(auth.viewer, perUser)]);
    let group = this.groups.get(id);
    if (!group) {
      const created: Group = {
        id,
        prepared,
        members: new Set(),
        pending: new Map(),
        running: false,
        lastResult: initial && prepared.key !== null ? JSON.stringify(initial) : undefined,
        unlisten: () => undefined,
      };
      const onEvent = (event: { key: string }) => {
        this.count(prepared.fieldName, 'events');
        this.enqueue(created, event.key, false);
      };
      // A field may be fed by several subgraphs' topics (an order's status, its documents).
      const unlisten = prepared.route.topics.map((topic) => this.options.events.subscribe(topic, prepared.key, onEvent));
      created.unlisten = () => unlisten.forEach((off) => off());
      this.groups.set(id, created);
      group = created;
    }
    const member: Subscriber = {
      auth,
      iterator: new PushIterator<FormattedExecutionResult>(
        () => this.remove(group!, member),
        256,
        () => new GraphQLError('The subscription was ended: the client does not keep up with its events.', { extensions: { code: 'RATE_LIMITED' } }),
      ),
    };
    group.members.add(member);
    return member.iterator;
  }

  /** Ends every subscription (the gateway is stopping). */
  stop(): void {
    this.stopReconnect();
    for (const group of [...this.groups.values()]) {
      for (const member of [...group.members]) member.iterator.end();
    }
  }

  private remove(group: Group, member: Subscriber): void {
    group.members.delete(member);
    if (group.members.size === 0 && this.groups.get(group.id) === group) {
      group.unlisten();
      group.pending.clear();
      this.groups.delete(group.id);
    }
  }

  /** After the listener reconnects: events may have been missed, so re-read every keyed subscription and send what changed. */
  private catchUp(): void {
    for (const group of this.groups.values()) {
      if (group.prepared.key !== null) this.enqueue(group, group.prepared.key, true);
    }
  }

  private enqueue(group: Group, key: string, onlyIfChanged: boolean): void {
    group.pending.set(key, (group.pending.get(key) ?? true) && onlyIfChanged);
    if (!group.running) void this.drain(group);
  }

  private async drain(group: Group): Promise<void> {
    group.running = true;
    try {
      while (group.pending.size > 0 && group.members.size > 0) {
        const [key, onlyIfChanged] = group.pending.entries().next().value as [string, boolean];
        group.pending.delete(key);
        await this.resolve(group, key, onlyIfChanged);
      }
    } catch (error) {
      this.log(`a subscription group failed: ${(error as Error).stack ?? error}`);
    } finally {
      group.running = false;
    }
  }

  private async resolve(group: Group, key: string, onlyIfChanged: boolean): Promise<void> {
    const now = this.now();
    for (const member of [...group.members]) {
      if (expired(member.auth, now)) member.iterator.fail(new GraphQLError('Your session has expired; sign in again.', { extensions: { code: 'UNAUTHENTICATED' } }));
    }
    // Members share rights (same viewer group), so any valid one can run the query for all.
    const [runAs] = group.members;
    if (!runAs) return;
    this.count(group.prepared.fieldName, 'executions');
    const result = await this.run(group.prepared, key, runAs.auth);
    const errors = refusal(result, group.prepared.responseKey);
    if (errors) {
      // Without a key filter, events about things this group may not see are simply not for it.
      if (group.prepared.key === null && errors.every((e) => codeOf(e) === 'NOT_FOUND')) return;
      if (errors.some((e) => ACCESS_CODES.has(codeOf(e) ?? ''))) {
        const error = toGraphQLError(errors.find((e) => ACCESS_CODES.has(codeOf(e) ?? ''))!);
        for (const member of [...group.members]) member.iterator.fail(error);
        return;
      }
    }
    const serialized = JSON.stringify(result);
    if (onlyIfChanged && serialized === group.lastResult) return;
    group.lastResult = serialized;
    for (const member of group.members) member.iterator.push(result);
    this.count(group.prepared.fieldName, 'deliveries', group.members.size);
  }

  private async run(prepared: PreparedSubscription, key: string, auth: SubscriberAuth): Promise<FormattedExecutionResult> {
    try {
      return await this.options.execute({ query: prepared.query, variables: { ...prepared.variables, [prepared.keyVariable]: key } }, auth);
    } catch (error) {
      this.log(`resolving ${prepared.fieldName} failed: ${(error as Error).stack ?? error}`);
      return { errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
    }
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  private log(line: string): void {
    (this.options.log ?? ((l: string) => logger.error({ component: 'subscriptions' }, l)))(line);
  }
}

/** JSON with object keys sorted, so equal variables give equal group keys. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
