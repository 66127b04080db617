import cluster from 'node:cluster';
import client from 'prom-client';

/**
 * One prom-client registry per process (prom-client's global one, so node:cluster workers can be
 * aggregated by their primary), with the hub's instruments registered once by name: in single-process
 * mode several subgraph servers share a process and ask for the same instruments.
 *
 * HUB_METRICS=false turns every instrument into a no-op and `/metrics` into a 404.
 */
export const registry = client.register;

export function metricsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.HUB_METRICS !== 'false';
}

const enabled = metricsEnabled();

export type LabelValues<L extends string> = Partial<Record<L, string | number>>;

export interface CounterMetric<L extends string> {
  inc(labels: LabelValues<L>, value?: number): void;
}

export interface HistogramMetric<L extends string> {
  observe(labels: LabelValues<L>, value: number): void;
}

export interface GaugeMetric<L extends string> {
  set(labels: LabelValues<L>, value: number): void;
  /** Drops every label set (a scrape-time gauge re-sets what exists now, so a vanished topic disappears). */
  reset(): void;
}

const NOOP = { inc: () => undefined, observe: () => undefined, set: () => undefined, reset: () => undefined };

export function counter<L extends string>(name: string, help: string, labelNames: readonly L[]): CounterMetric<L> {
  if (!enabled) return NOOP;
  return (registry.getSingleMetric(name) as client.Counter<L> | undefined) ?? new client.Counter<L>({ name, help, labelNames: [...labelNames] });
}

/** Seconds by default: from 5 ms (a cached catalogue page) to 30 s (a large sync page). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function histogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[] = LATENCY_BUCKETS): HistogramMetric<L> {
  if (!enabled) return NOOP;
  return (registry.getSingleMetric(name) as client.Histogram<L> | undefined) ?? new client.Histogram<L>({ name, help, labelNames: [...labelNames], buckets });
}

/**
 * A gauge, optionally filled at scrape time by `collect` (queue depths, pool usage: read when asked,
 * nothing on the hot path). Several collectors may feed one gauge (one per subgraph server of a process).
 */
export function gauge<L extends string>(name: string, help: string, labelNames: readonly L[], collect?: (gauge: GaugeMetric<L>) => void | Promise<void>): GaugeMetric<L> {
  if (!enabled) return NOOP;
  type Collected = client.Gauge<L> & { hubCollectors?: Array<(g: GaugeMetric<L>) => void | Promise<void>> };
  let existing = registry.getSingleMetric(name) as Collected | undefined;
  if (!existing) {
    const collectors: Array<(g: GaugeMetric<L>) => void | Promise<void>> = [];
    existing = new client.Gauge<L>({
      name,
      help,
      labelNames: [...labelNames],
      async collect() {
        if (collectors.length === 0) return;
        this.reset();
        // A collector that fails (the database is down) leaves its series out instead of failing the scrape.
        await Promise.all(collectors.map((c) => Promise.resolve().then(() => c(this)).catch(() => undefined)));
      },
    }) as Collected;
    existing.hubCollectors = collectors;
  }
  if (collect) existing!.hubCollectors!.push(collect);
  return existing!;
}

/** Starts prom-client's process metrics (CPU, memory, event-loop lag, GC, handles) and names the process in every series. */
export function startProcessMetrics(service: string): void {
  if (!enabled) return;
  registry.setDefaultLabels({ service });
  if (!registry.getSingleMetric('process_cpu_user_seconds_total')) client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
}

/**
 * Label values that come from clients (operation names) stay a bounded set: valid GraphQL names,
 * the first `max` distinct ones per process, then "other". Never ids or users.
 */
export class LabelBudget {
  private readonly seen = new Set<string>();

  constructor(private readonly max = 200) {}

  label(value: string | null | undefined): string {
    if (!value) return 'anonymous';
    if (this.seen.has(value)) return value;
    if (!/^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(value)) return 'invalid';
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(value);
    return value;
  }
}

const METRICS_REQUEST = 'hub:metrics-request';
const METRICS_ANSWER = 'hub:metrics-answer';
let aggregator: client.AggregatorRegistry<client.RegistryContentType> | null = null;

/**
 * In a node:cluster primary (a subgraph served by several worker processes on one port): answers a
 * worker's request for every worker's metrics, summed, so a scrape of the shared port sees the whole
 * subgraph whichever worker takes it.
 */
export function serveClusterMetrics(): void {
  if (!enabled || !cluster.isPrimary || aggregator) return;
  const own = new client.AggregatorRegistry();
  aggregator = own;
  cluster.on('message', (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== METRICS_REQUEST) return;
    own.clusterMetrics().then(
      (text) => worker.send({ type: METRICS_ANSWER, id: message.id, text }),
      (error: Error) => worker.send({ type: METRICS_ANSWER, id: message.id, error: error.message }),
    );
  });
}

let nextRequest = 0;

/** The metrics text this process answers `/metrics` with (a cluster worker's: all its siblings', through the primary). */
export async function metricsText(): Promise<string> {
  if (!cluster.isWorker || !process.send) return registry.metrics();
  const id = ++nextRequest;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('the cluster primary did not answer with metrics')), 5_000);
    const onMessage = (message: { type?: string; id?: number; text?: string; error?: string }) => {
      if (message?.type !== METRICS_ANSWER || message.id !== id) return;
      done(message.error ? new Error(message.error) : null, message.text);
    };
    const done = (error: Error | null, text?: string) => {
      clearTimeout(timer);
      process.off('message', onMessage);
      if (error) reject(error);
      else resolve(text ?? '');
    };
    process.on('message', onMessage);
    process.send!({ type: METRICS_REQUEST, id });
  });
}

export const METRICS_CONTENT_TYPE = registry.contentType;
