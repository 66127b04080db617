import { context, Context } from '@opentelemetry/api';
import { DefaultLogger, LoggerOptions, LogContext } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Pool, PoolClient } from 'pg';
import { currentScope, gauge, histogram, recordSpan, RequestScope, tracingEnabled } from '@hub/observability';

const SQL_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];
const statementSeconds = histogram('hub_sql_statement_duration_seconds', 'SQL statements by database schema (subgraph) or pool, and whether they failed', ['db', 'outcome'], SQL_BUCKETS);

// Created here with its help text; the collectors below feed it.
gauge('hub_db_pool_connections', 'PostgreSQL connections of each pool: used, idle, waiting (requests queued for a connection) and max', ['pool', 'state']);

/** A statement's shape for a span: literals out, so no e-mail address or hash ever reaches a trace backend. */
export function statementShape(sql: string): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/(?<![$\w.])\d+(\.\d+)?\b/g, '?')
    .slice(0, 2_000);
}

function verb(sql: string): string {
  const match = /^\s*(\w+)/.exec(sql);
  return match ? match[1].toLowerCase() : 'sql';
}

/** Counts a finished statement for its request, times it, and (tracing on) records its span. */
export function observeStatement(db: string, sql: string, tookMs: number, failed: boolean, scope: RequestScope | undefined = currentScope(), parent?: Context): void {
  if (scope) scope.sqlStatements++;
  statementSeconds.observe({ db, outcome: failed ? 'error' : 'ok' }, tookMs / 1000);
  if (!tracingEnabled()) return;
  const now = Date.now();
  recordSpan(`sql ${verb(sql)}`, now - tookMs, now, { 'db.system': 'postgresql', 'db.namespace': db, 'db.query.text': statementShape(sql) }, failed ? 'statement failed' : undefined, parent ?? context.active());
}

/**
 * MikroORM's logger with every statement counted, timed and traced; logging itself stays MikroORM's
 * (debug: ['query'] still prints, tests still count statements through their own writer).
 */
export class HubOrmLogger extends DefaultLogger {
  constructor(options: LoggerOptions, private readonly db: string) {
    super(options);
  }

  override logQuery(context: { query: string } & LogContext): void {
    observeStatement(this.db, context.query, context.took ?? 0, context.level === 'error');
    super.logQuery(context);
  }
}

/** Pool usage of an ORM's (knex/tarn) pool, read at scrape time. */
export function observeOrmPool(orm: MikroORM, name: string): void {
  gauge('hub_db_pool_connections', '', ['pool', 'state'], (g) => {
    const pool = (orm.em.getConnection().getKnex().client as { pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number; max: number } }).pool;
    if (!pool) return;
    g.set({ pool: name, state: 'used' }, pool.numUsed());
    g.set({ pool: name, state: 'idle' }, pool.numFree());
    g.set({ pool: name, state: 'waiting' }, pool.numPendingAcquires());
    g.set({ pool: name, state: 'max' }, pool.max);
  });
}

type QueryFn = (...args: unknown[]) => unknown;

/** Wraps one pg client's `query`: text queries (promise or callback form) are observed; COPY streams and Query objects pass through. */
function instrumentClient(client: PoolClient, name: string): void {
  const original = client.query as unknown as QueryFn;
  (client as unknown as { query: QueryFn }).query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as { text?: unknown; submit?: unknown } | string;
    if (typeof first !== 'string' && (typeof first?.text !== 'string' || typeof first.submit === 'function')) return original.apply(client, args);
    const sql = typeof first === 'string' ? first : (first.text as string);
    const started = Date.now();
    // pg calls back from the socket's context: the caller's request and span are taken now.
    const scope = currentScope();
    const parent = tracingEnabled() ? context.active() : undefined;
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        observeStatement(name, sql, Date.now() - started, !!error, scope, parent);
        (last as (e: unknown, r: unknown) => void)(error, result);
      };
      return original.apply(client, args);
    }
    const result = original.apply(client, args) as Promise<unknown>;
    result.then(
      () => observeStatement(name, sql, Date.now() - started, false, scope, parent),
      () => observeStatement(name, sql, Date.now() - started, true, scope, parent),
    );
    return result;
  };
}

/**
 * A pg Pool observed like the ORM's: each statement counted, timed and traced, its connections in
 * `hub_db_pool_connections`. A connection lost while idle is logged by the caller's 'error' handler.
 */
export function instrumentPool<T extends Pool>(pool: T, name: string): T {
  pool.on('connect', (client) => instrumentClient(client, name));
  gauge('hub_db_pool_connections', '', ['pool', 'state'], (g) => {
    g.set({ pool: name, state: 'used' }, pool.totalCount - pool.idleCount);
    g.set({ pool: name, state: 'idle' }, pool.idleCount);
    g.set({ pool: name, state: 'waiting' }, pool.waitingCount);
    g.set({ pool: name, state: 'max' }, (pool as unknown as { options: { max: number } }).options.max);
  });
  return pool;
}

