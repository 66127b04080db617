import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Span } from '@opentelemetry/api';

/**
 * What every log line, metric and span of one request needs to know about it. One store per HTTP
 * request (gateway or subgraph), carried by AsyncLocalStorage through every await, DataLoader tick
 * and ORM query of that request, so no function has to pass it along.
 */
export interface RequestScope {
  requestId: string;
  /** W3C trace id (32 hex): the span's when tracing is on, else the caller's or a fresh one, so logs correlate either way. */
  traceId: string;
  /** This process's span id for the request (16 hex), the parent named in the traceparent sent on. */
  spanId: string;
  /** The caller's trace flags (01 sampled). */
  traceFlags: string;
  /** Set once the token is verified: ids only, never the token or personal data. */
  userId?: string;
  companyId?: string | null;
  /** Staff user acting as userId ("sign in as"). */
  actorId?: string | null;
  operationName?: string;
  /** SQL statements this request ran (counted by the ORM logger and the pg pool wrapper). */
  sqlStatements: number;
  /** The request's server span, with tracing on (named after the operation once it is known). */
  span?: Span;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}

export function runInScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** A caller's x-request-id when it is a sane token (it lands in every log line), else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

export interface TraceParent {
  traceId: string;
  spanId: string;
  traceFlags: string;
}

/** W3C trace-context `traceparent` (version 00); null when absent or malformed (or all-zero ids, which W3C forbids). */
export function parseTraceparent(header: string | string[] | undefined | null): TraceParent | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? TRACEPARENT.exec(value.trim()) : null;
  if (!match || /^0+$/.test(match[1]) || /^0+$/.test(match[2])) return null;
  return { traceId: match[1], spanId: match[2], traceFlags: match[3] };
}

export function formatTraceparent(parent: TraceParent): string {
  return `00-${parent.traceId}-${parent.spanId}-${parent.traceFlags}`;
}

export function newTraceId(): string {
  return randomBytes(16).toString('hex');
}

export function newSpanId(): string {
  return randomBytes(8).toString('hex');
}

/** A new scope for an incoming request, continuing the caller's trace when it sent one. */
export function newRequestScope(headers: { 'x-request-id'?: string | string[]; traceparent?: string | string[] }): RequestScope {
  const parent = parseTraceparent(headers.traceparent);
  return {
    requestId: requestIdFrom(headers['x-request-id']),
    traceId: parent?.traceId ?? newTraceId(),
    spanId: newSpanId(),
    traceFlags: parent?.traceFlags ?? '00',
    sqlStatements: 0,
  };
}

/** Records who the verified caller is (ids only). */
export function setScopeViewer(viewer: { userId: string; companyId: string | null; actorId?: string | null } | null): void {
  const scope = storage.getStore();
  if (!scope || !viewer) return;
  scope.userId = viewer.userId;
  scope.companyId = viewer.companyId;
  scope.actorId = viewer.actorId ?? null;
}
