import { FormattedExecutionResult, GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { Viewer } from '@hub/auth';
import { logger } from '@hub/observability';
import { PreparedSubscription, PROBE_KEY } from './subscription-router';
import { batchedQuery, batchVariables, splitBatch, splitBatchedResult } from './subscription-batch';
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

/**
 * Where one subscriber's results go. The fanout encodes each result once per group and hands every
 * member the same JSON text, so a result costs one JSON.stringify however many receive it.
 */
export interface SubscriberSink {
  /** Sends one result: `payloadJson` is the encoded `payload` of a graphql-ws `next` message. */
  next(payloadJson: string): void;
  /** Ends the subscription with these errors (a graphql-ws `error` message). */
  fail(error: GraphQLError): void;
  /** Bytes the subscriber's connection has not yet written out. */
  backlog(): number;
  /** Drops the connection of a subscriber too far behind to catch up. */
  cutOff(reason: string): void;
}

export interface SubscriptionCounters {
  /** Subscriptions checked before they start, one per subscribe. */
  checks: number;
  /** Queries resolved for those checks: one per batch of subscribers with the same selection and rights. */
  checkExecutions: number;
  /** Queries resolved for events: one per batch of events of a group, however many subscribers and keys it has. */
  executions: number;
  /** Events received for a topic and key somebody subscribes to. */
  events: number;
  /** Results sent to subscribers. */
  deliveries: number;
  /** Subscribers cut off because their connection did not keep up. */
  cutOff: number;
}

export interface FanoutOptions {
  schema: GraphQLSchema;
  events: EventSource;
  execute: OperationExecutor;
  log?: (line: string) => void;
  now?: () => number;
  /** Event keys (or subscription checks) resolved in one execution. */
  maxBatch?: number;
  /** Sends between two yields to the event loop, so HTTP keeps being answered during a large fan-out. */
  sendsPerSlice?: number;
  /** A subscriber whose connection holds more unsent bytes than this is cut off. */
  maxBacklogBytes?: number;
  /** Told of every count (the gateway's Prometheus counters). */
  onCount?: (field: string, counter: keyof SubscriptionCounters, n: number) => void;
}

export interface SubscriptionHandle {
  /** The subscriber is gone (completed, disconnected): forget it. */
  close(): void;
}

interface Member {
  auth: SubscriberAuth;
  sink: SubscriberSink;
  /** The event key it follows (keyed routes), else null. */
  key: string | null;
  closed: boolean;
}

/** One event key of a keyed group: its subscribers and the last result they were sent. */
interface KeyState {
  members: Set<Member>;
  last: string | undefined;
  unlisten: () => void;
}

/**
 * Subscribers with the same field, query, variables and viewer group (see viewer-group.ts): they
 * get byte-identical answers, so the group resolves each event once for all of them. Events of
 * several keys waiting at once are resolved together, in one execution of an aliased query.
 */
interface Group {
  id: string;
  field: string;
  prepared: PreparedSubscription;
  keyed: boolean;
  /** Keyed routes: subscribers by the key they follow. */
  keys: Map<string, KeyState>;
  /** Key-less routes: every subscriber gets every event it may see. */
  members: Set<Member>;
  /** Key-less routes: the last result sent per event key, so an unchanged one is never sent twice (bounded). */
  lastByKey: Map<string, string>;
  unlistenAll: () => void;
  /** Subscribers in the group, over all keys. */
  size: number;
  /** Event keys waiting to be resolved, in arrival order; a key waits at most once (later events coalesce). */
  pending: Set<string>;
  running: boolean;
}

interface PendingCheck {
  key: string;
  resolve: (result: FormattedExecutionResult) => void;
}

interface CheckBatch {
  prepared: PreparedSubscription;
  auth: SubscriberAuth;
  waiting: PendingCheck[];
}

const ACCESS_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);
const MAX_REMEMBERED_KEYS = 1000;

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

const expiredError = () => new GraphQLError('Your session has expired; sign in again.', { extensions: { code: 'UNAUTHENTICATED' } });
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Turns events into subscription results, cheaply at scale:
 * - subscribers with the same query, variables and viewer group form one group, which resolves an
 *   event once for all of them; the events of many keys that wait at once (a sync that changed many
 *   orders) are resolved in one execution of an aliased query (subscription-batch.ts);
 * - each result is encoded once, and every member gets the same JSON text;
 * - a result equal to the last one sent for that key is not sent again;
 * - large fan-outs are sent in slices with a yield to the event loop between them, so HTTP
 *   requests keep being answered, and a subscriber whose connection does not keep up is cut off
 *   instead of buffered without limit;
 * - the checks of new subscriptions are batched the same way, so a reconnect storm costs one
 *   execution per group and batch, not one per subscriber.
 */
export class SubscriptionFanout {
  readonly counters: SubscriptionCounters = { checks: 0, checkExecutions: 0, executions: 0, events: 0, deliveries: 0, cutOff: 0 };
  /** The same counts per subscription field (a bounded set: the fields of type Subscription). */
  private readonly fieldCounters = new Map<string, SubscriptionCounters>();
  private readonly groups = new Map<string, Group>();
  private readonly checkBatches = new Map<string, CheckBatch>();
  private checkFlushScheduled = false;
  private readonly stopReconnect: () => void;
  private readonly maxBatch: number;
  private readonly sendsPerSlice: number;
  private readonly maxBacklogBytes: number;
  private stopped = false;
  /** Whether a selection reaches user-scoped types, per rewritten query (shared by every subscriber of a text). */
  private readonly perUser = new WeakMap<object, boolean>();

  constructor(private readonly options: FanoutOptions) {
    this.maxBatch = options.maxBatch ?? 100;
    this.sendsPerSlice = options.sendsPerSlice ?? 500;
    this.maxBacklogBytes = options.maxBacklogBytes ?? 1024 * 1024;
    this.stopReconnect = options.events.onReconnect(() => this.catchUp());
  }

  get subscriberCount(): number {
    let n = 0;
    for (const group of this.groups.values()) n += this.memberCount(group);
    return n;
  }

  get groupCount(): number {
    return this.groups.size;
  }

  /** Subscribers whose connection still holds results not yet written out (results are not queued anywhere else). */
  get backlog(): number {
    let n = 0;
    for (const group of this.groups.values()) for (const member of this.membersOf(group)) if (member.sink.backlog() > 0) n++;
    return n;
  }

  /** Per subscription field: subscribers and groups now, and the counters so far. */
  byField(): Record<string, SubscriptionCounters & { active: number; groups: number }> {
    const out: Record<string, SubscriptionCounters & { active: number; groups: number }> = {};
    for (const [field, counters] of this.fieldCounters) out[field] = { ...counters, active: 0, groups: 0 };
    for (const group of this.groups.values()) {
      const entry = (out[group.field] ??= { checks: 0, checkExecutions: 0, executions: 0, events: 0, deliveries: 0, cutOff: 0, active: 0, groups: 0 });
      entry.active += this.memberCount(group);
      entry.groups++;
    }
    return out;
  }

  /**
   * Resolves the subscription once as the subscriber, before it starts: errors when the subscriber
   * may not see what it subscribes to (the subscription ends with them), else the result (which the
   * subscriber is then not sent again). Checks that arrive together for one selection and viewer
   * group are resolved in one execution.
   */
  async check(prepared: PreparedSubscription, auth: SubscriberAuth): Promise<{ errors: GraphQLError[] } | { result: FormattedExecutionResult }> {
    this.count(prepared.fieldName, 'checks');
    if (expired(auth, this.now())) return { errors: [expiredError()] };
    const result = await this.queueCheck(prepared, auth);
    const errors = refusal(result, prepared.responseKey);
    // A route without a key probes with an id that names nothing: NOT_FOUND is the expected answer.
    if (errors && !(prepared.key === null && errors.every((e) => codeOf(e) === 'NOT_FOUND'))) return { errors: errors.map(toGraphQLError) };
    return { result };
  }

  /** Adds a subscriber that passed `check`; its results go to `sink` until it is closed or ended. */
  add(prepared: PreparedSubscription, auth: SubscriberAuth, sink: SubscriberSink, initial?: FormattedExecutionResult): SubscriptionHandle {
    const group = this.groupFor(prepared, auth);
    const member: Member = { auth, sink, key: prepared.key, closed: false };
    if (group.keyed) {
      const key = prepared.key!;
      let state = group.keys.get(key);
      if (!state) {
        const created: KeyState = { members: new Set(), last: initial ? JSON.stringify(initial) : undefined, unlisten: () => undefined };
        created.unlisten = this.listen(group, key);
        group.keys.set(key, created);
        state = created;
      }
      state.members.add(member);
    } else {
      group.members.add(member);
    }
    group.size++;
    return { close: () => this.remove(group, member) };
  }

  /** Ends every subscription (the gateway is stopping). */
  stop(): void {
    this.stopped = true;
    this.stopReconnect();
    for (const group of [...this.groups.values()]) {
      for (const member of this.membersOf(group)) this.remove(group, member);
    }
  }

  // ---- groups and members ---------------------------------------------------------------------

  private groupFor(prepared: PreparedSubscription, auth: SubscriberAuth): Group {
    const id = this.groupId(prepared, auth);
    let group = this.groups.get(id);
    if (!group) {
      const created: Group = {
        id,
        field: prepared.fieldName,
        prepared,
        keyed: prepared.key !== null,
        keys: new Map(),
        members: new Set(),
        lastByKey: new Map(),
        unlistenAll: () => undefined,
        size: 0,
        pending: new Set(),
        running: false,
      };
      if (!created.keyed) created.unlistenAll = this.listen(created, null);
      this.groups.set(id, created);
      group = created;
    }
    return group;
  }

  private groupId(prepared: PreparedSubscription, auth: SubscriberAuth): string {
    let perUser = this.perUser.get(prepared.queryDocument);
    if (perUser === undefined) this.perUser.set(prepared.queryDocument, (perUser = reachesTypes(this.options.schema, prepared.queryDocument)));
    return JSON.stringify([prepared.fieldName, prepared.query, canonicalJson(prepared.variables), viewerGroupKey(auth.viewer, perUser)]);
  }

  /** Listens to every topic feeding the group's field, for one key or (null) all of them. */
  private listen(group: Group, key: string | null): () => void {
    const onEvent = (event: { key: string }) => {
      this.count(group.field, 'events');
      this.enqueue(group, event.key);
    };
    // A field may be fed by several subgraphs' topics (an order's status, its documents).
    const offs = group.prepared.route.topics.map((topic) => this.options.events.subscribe(topic, key, onEvent));
    return () => offs.forEach((off) => off());
  }

  private memberCount(group: Group): number {
    return group.size;
  }

  private membersOf(group: Group): Member[] {
    if (!group.keyed) return [...group.members];
    return [...group.keys.values()].flatMap((state) => [...state.members]);
  }

  private remove(group: Group, member: Member): void {
    if (member.closed) return;
    member.closed = true;
    if (group.keyed) {
      const state = group.keys.get(member.key!);
      state?.members.delete(member);
      if (state && state.members.size === 0) {
        state.unlisten();
        group.keys.delete(member.key!);
        group.pending.delete(member.key!);
      }
    } else {
      group.members.delete(member);
    }
    group.size--;
    if (group.size === 0 && this.groups.get(group.id) === group) {
      group.unlistenAll();
      group.pending.clear();
      this.groups.delete(group.id);
    }
  }

  private end(group: Group, member: Member, error: GraphQLError): void {
    if (member.closed) return;
    this.remove(group, member);
    member.sink.fail(error);
  }

  // ---- events ---------------------------------------------------------------------------------

  /** After the listener reconnects: events may have been missed, so re-read every keyed subscription (only changes are sent). */
  private catchUp(): void {
    for (const group of this.groups.values()) {
      if (group.keyed) for (const key of group.keys.keys()) this.enqueue(group, key);
    }
  }

  private enqueue(group: Group, key: string): void {
    group.pending.add(key);
    if (!group.running) void this.drain(group);
  }

  private async drain(group: Group): Promise<void> {
    group.running = true;
    try {
      while (group.pending.size > 0 && this.groups.get(group.id) === group) {
        const keys: string[] = [];
        for (const key of group.pending) {
          keys.push(key);
          if (keys.length >= this.maxBatch) break;
        }
        for (const key of keys) group.pending.delete(key);
        await this.resolve(group, keys);
      }
    } catch (error) {
      this.log(`a subscription group failed: ${(error as Error).stack ?? error}`);
    } finally {
      group.running = false;
    }
  }

  /** Resolves a batch of event keys for a group in one execution, and sends each key's result to its subscribers. */
  private async resolve(group: Group, keys: string[]): Promise<void> {
    const now = this.now();
    // Only the subscribers these keys reach are looked at: a group may follow thousands of keys.
    const targets = group.keyed ? keys.flatMap((key) => [...(group.keys.get(key)?.members ?? [])]) : [...group.members];
    let runAs: Member | undefined;
    for (const member of targets) {
      if (expired(member.auth, now)) this.end(group, member, expiredError());
      // Members share rights (same viewer group), so any valid one can run the query for all.
      else runAs ??= member;
    }
    if (!runAs) return;
    this.count(group.field, 'executions');
    const results = await this.run(group.prepared, keys, runAs.auth);
    for (let i = 0; i < keys.length; i++) await this.deliver(group, keys[i], results[i]);
  }

  private async deliver(group: Group, key: string, result: FormattedExecutionResult): Promise<void> {
    const state = group.keyed ? group.keys.get(key) : undefined;
    if (group.keyed && !state) return;
    const errors = refusal(result, group.prepared.responseKey);
    if (errors) {
      // Without a key filter, events about things this group may not see are simply not for it.
      if (!group.keyed && errors.every((e) => codeOf(e) === 'NOT_FOUND')) return;
      const access = errors.find((e) => ACCESS_CODES.has(codeOf(e) ?? ''));
      if (access) {
        const error = toGraphQLError(access);
        for (const member of group.keyed ? [...state!.members] : [...group.members]) this.end(group, member, error);
        return;
      }
    }
    const payload = JSON.stringify(result);
    if (group.keyed) {
      if (state!.last === payload) return;
      state!.last = payload;
    } else {
      if (group.lastByKey.get(key) === payload) return;
      group.lastByKey.delete(key);
      group.lastByKey.set(key, payload);
      if (group.lastByKey.size > MAX_REMEMBERED_KEYS) group.lastByKey.delete(group.lastByKey.keys().next().value as string);
    }
    await this.send(group, group.keyed ? state!.members : group.members, payload);
  }

  /** The same encoded result to every member, in slices with a yield between them. */
  private async send(group: Group, members: Set<Member>, payload: string): Promise<void> {
    let sent = 0;
    for (const member of [...members]) {
      if (member.closed) continue;
      if (member.sink.backlog() > this.maxBacklogBytes) {
        this.count(group.field, 'cutOff');
        this.remove(group, member);
        member.sink.cutOff('The subscription was ended: the client does not keep up with its events.');
        continue;
      }
      member.sink.next(payload);
      sent++;
      if (sent % this.sendsPerSlice === 0) await yieldToEventLoop();
    }
    this.count(group.field, 'deliveries', sent);
  }

  // ---- checks ---------------------------------------------------------------------------------

  private queueCheck(prepared: PreparedSubscription, auth: SubscriberAuth): Promise<FormattedExecutionResult> {
    const id = this.groupId(prepared, auth);
    let batch = this.checkBatches.get(id);
    if (!batch) {
      batch = { prepared, auth, waiting: [] };
      this.checkBatches.set(id, batch);
    }
    const promise = new Promise<FormattedExecutionResult>((resolve) => batch!.waiting.push({ key: prepared.key ?? PROBE_KEY, resolve }));
    if (batch.waiting.length >= this.maxBatch) this.flushCheck(id);
    else if (!this.checkFlushScheduled) {
      this.checkFlushScheduled = true;
      setImmediate(() => {
        this.checkFlushScheduled = false;
        for (const key of [...this.checkBatches.keys()]) this.flushCheck(key);
      });
    }
    return promise;
  }

  private flushCheck(id: string): void {
    const batch = this.checkBatches.get(id);
    if (!batch) return;
    this.checkBatches.delete(id);
    const keys = [...new Set(batch.waiting.map((w) => w.key))];
    this.count(batch.prepared.fieldName, 'checkExecutions');
    void this.run(batch.prepared, keys, batch.auth).then((results) => {
      const byKey = new Map(keys.map((key, i) => [key, results[i]]));
      for (const waiter of batch.waiting) waiter.resolve(byKey.get(waiter.key)!);
    });
  }

  // ---- execution ------------------------------------------------------------------------------

  /** One execution for all `keys`: each key's result as the single query for it would answer (never throws). */
  private async run(prepared: PreparedSubscription, keys: string[], auth: SubscriberAuth): Promise<FormattedExecutionResult[]> {
    try {
      if (keys.length === 1) {
        const result = await this.options.execute({ query: prepared.query, variables: { ...prepared.variables, [prepared.keyVariable]: keys[0] } }, auth);
        return [splitBatchedResult(result, prepared.responseKey, null)];
      }
      const batch = batchedQuery(prepared, keys.length);
      const result = await this.options.execute({ query: batch.query, variables: batchVariables(batch, prepared.variables, keys) }, auth);
      return splitBatch(batch, result, prepared.responseKey, keys.length);
    } catch (error) {
      this.log(`resolving ${prepared.fieldName} failed: ${(error as Error).stack ?? error}`);
      const failed: FormattedExecutionResult = { errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
      return keys.map(() => failed);
    }
  }

  private count(field: string, counter: keyof SubscriptionCounters, n = 1): void {
    this.counters[counter] += n;
    let perField = this.fieldCounters.get(field);
    if (!perField) this.fieldCounters.set(field, (perField = { checks: 0, checkExecutions: 0, executions: 0, events: 0, deliveries: 0, cutOff: 0 }));
    perField[counter] += n;
    this.options.onCount?.(field, counter, n);
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  private log(line: string): void {
    if (this.stopped) return;
    (this.options.log ?? ((l: string) => logger.error({ component: 'subscriptions' }, l)))(line);
  }
}

/** JSON with object keys sorted, so equal variables give equal group keys. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
