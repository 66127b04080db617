import { context, Context, Link, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace, TraceFlags } from '@opentelemetry/api';
import { BatchSpanProcessor, SimpleSpanProcessor, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { currentScope, formatTraceparent, parseTraceparent } from './request-context';

export { SpanKind, SpanStatusCode };
export type { Span, Link };

/**
 * OpenTelemetry tracing, off by default. On when HUB_TRACING=true, or when an OTLP endpoint is
 * configured (OTEL_EXPORTER_OTLP_ENDPOINT / OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) and HUB_TRACING is not
 * "false". Spans are made by hand at the points worth seeing (no auto-instrumentation patching
 * node_modules); W3C trace context goes gateway → subgraphs → ERP and through the outbox.
 */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.HUB_TRACING === 'true') return true;
  if (env.HUB_TRACING === 'false') return false;
  return !!(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

let provider: NodeTracerProvider | null = null;

/** True while a tracer provider is registered in this process: the hot paths skip span work otherwise. */
export function tracingEnabled(): boolean {
  return provider !== null;
}

export interface TracingOptions {
  /** The process's name (hub, gateway, products, ...): its spans' service.name is erp-hub or erp-hub-<name>. */
  service: string;
  /** Instead of OTLP (tests: an InMemorySpanExporter); spans are then exported one by one as they end. */
  exporter?: SpanExporter;
}

/** Registers the tracer provider when tracing is configured (or an exporter is given); returns whether it did. */
export function startTracing(options: TracingOptions): boolean {
  if (provider) return true;
  if (!options.exporter && !tracingConfigured()) return false;
  let processor;
  if (options.exporter) processor = new SimpleSpanProcessor(options.exporter);
  else {
    // Loaded only when used: the OTLP exporter pulls in protobuf and HTTP code nobody needs with tracing off.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    processor = new BatchSpanProcessor(new OTLPTraceExporter());
  }
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      'service.name': process.env.OTEL_SERVICE_NAME || (options.service === 'hub' ? 'erp-hub' : `erp-hub-${options.service}`),
      'service.namespace': 'erp-integration-hub',
    }),
    spanProcessors: [processor],
  });
  // AsyncLocalStorage context manager and the W3C trace-context propagator.
  provider.register();
  return true;
}

/** Flushes and unregisters (process shutdown, or the end of a test). */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = null;
  if (!stopping) return;
  await stopping.shutdown().catch(() => undefined);
  trace.disable();
  context.disable();
  propagation.disable();
}

const tracer = () => trace.getTracer('erp-integration-hub');

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Record<string, string | number | boolean | undefined>;
  links?: Link[];
  /** Start a new trace instead of a child of the active span (background work linked to its cause instead). */
  root?: boolean;
}

function fail(span: Span, error: unknown): void {
  span.recordException(error as Error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
}

/** Runs `fn` in a span (active for everything `fn` awaits); with tracing off, just runs `fn`. */
export async function withSpan<T>(name: string, options: SpanOptions, fn: (span: Span | undefined) => Promise<T>): Promise<T> {
  if (!provider) return fn(undefined);
  const parent = options.root ? ROOT_CONTEXT : context.active();
  const span = tracer().startSpan(name, { kind: options.kind, attributes: options.attributes, links: options.links }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    fail(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/**
 * A child span for work that already happened (an SQL statement the ORM reports with its duration).
 * Only inside a span: background polling (due syncs, outbox claims) would otherwise make a root span a tick.
 */
export function recordSpan(name: string, startedAtMs: number, endedAtMs: number, attributes: SpanOptions['attributes'], error?: string, parent: Context = context.active()): void {
  if (!provider || !trace.getSpan(parent)) return;
  const span = tracer().startSpan(name, { kind: SpanKind.CLIENT, attributes, startTime: startedAtMs }, parent);
  if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error });
  span.end(endedAtMs);
}

/** Starts a server span continuing the caller's trace (from its traceparent); the caller ends it. */
export function startServerSpan(name: string, headers: Record<string, unknown>): { span: Span; context: Context } | null {
  if (!provider) return null;
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = tracer().startSpan(name, { kind: SpanKind.SERVER }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/** The active span, if any (a no-op span with tracing off is never returned). */
export function activeSpan(): Span | undefined {
  return provider ? trace.getActiveSpan() : undefined;
}

/**
 * The W3C traceparent of where we are now: the active span's when tracing is on, else the request's
 * (its trace id carried for log correlation, flags 00: nothing recorded). Null outside any request or span.
 */
export function currentTraceparent(): string | null {
  const span = activeSpan();
  if (span && span.spanContext().traceId !== '00000000000000000000000000000000') {
    const { traceId, spanId, traceFlags } = span.spanContext();
    return formatTraceparent({ traceId, spanId, traceFlags: traceFlags.toString(16).padStart(2, '0') });
  }
  const scope = currentScope();
  return scope ? formatTraceparent(scope) : null;
}

/** Sets traceparent (and x-request-id) for a call made on behalf of the current request or span. */
export function injectTraceHeaders(set: (name: string, value: string) => void): void {
  const scope = currentScope();
  if (scope) set('x-request-id', scope.requestId);
  const traceparent = currentTraceparent();
  if (traceparent) set('traceparent', traceparent);
}

/** The same as headers of their own, for a fetch made on the request's behalf. */
export function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  injectTraceHeaders((name, value) => (headers[name] = value));
  return headers;
}

/** A span link to a stored traceparent (an outbox message's placing request); null when it is not one. */
export function linkTo(traceparent: string | null | undefined): Link | null {
  const parsed = parseTraceparent(traceparent);
  if (!parsed) return null;
  return { context: { traceId: parsed.traceId, spanId: parsed.spanId, traceFlags: parseInt(parsed.traceFlags, 16) & TraceFlags.SAMPLED, isRemote: true } };
}
