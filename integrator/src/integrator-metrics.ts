import { Pool } from 'pg';
import { counter, gauge, histogram } from '@hub/observability';
import { RegisteredOutbox } from './outbox/outbox-registry';

/** Label values are operation names, topics and ERP routes: all declared by the modules, never keys or ids. */
export const syncRuns = counter('hub_sync_runs_total', 'Sync runs by operation and status (SUCCEEDED, FAILED, SKIPPED: another process held the lock)', ['operation', 'status']);
export const syncRunSeconds = histogram('hub_sync_run_duration_seconds', 'Time of a sync run, by operation and status', ['operation', 'status'], [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600]);
export const syncRows = counter('hub_sync_rows_total', 'Rows of sync runs by operation and what happened to them (read, inserted, updated, deleted); failed runs roll back, so theirs are not counted', ['operation', 'change']);

export const outboxDeliveries = counter('hub_outbox_delivery_attempts_total', 'Outbox delivery attempts by source subgraph, topic and outcome (delivered, retry, dead)', ['source', 'topic', 'outcome']);
export const outboxDeliverySeconds = histogram('hub_outbox_delivery_duration_seconds', 'Time of one outbox delivery attempt (ERP push or look-up, read-back, acknowledgement)', ['source', 'topic']);

export const erpRequests = counter('hub_erp_requests_total', 'ERP adapter HTTP requests by route (kind or collection, never keys) and outcome (an HTTP status class or a network error)', ['route', 'outcome']);
export const erpRequestSeconds = histogram('hub_erp_request_duration_seconds', 'Time of one ERP adapter HTTP request, by route', ['route']);

/** Scrape-time gauges read from the database: cursor age per operation, outbox depth, age and dead letters per topic. */
export function observeIntegratorState(pool: Pool, outboxes: readonly RegisteredOutbox[]): void {
  gauge('hub_sync_cursor_age_seconds', "Seconds since the operation's cursor last moved (its last successful run); absent before the first", ['operation'], async (g) => {
    const { rows } = await pool.query<{ name: string; age: number | null }>('select name, extract(epoch from now() - cursor_updated_at)::float8 as age from integrator.sync_operation');
    for (const row of rows) if (row.age !== null) g.set({ operation: row.name }, row.age);
  });
  // One query per outbox feeds the three gauges. prom-client collects metrics concurrently: each gauge
  // resets itself, then all await the same read, which sets the values only once every query answered.
  let reading: Promise<void> | null = null;
  const read = () =>
    (reading ??= (async () => {
      try {
        const stats = await Promise.all(outboxes.map((outbox) => outbox.store.stats(pool)));
        outboxes.forEach((outbox, i) => {
          for (const topic of outbox.topics.keys()) {
            depth.set({ source: outbox.source, topic }, 0);
            dead.set({ source: outbox.source, topic }, 0);
          }
          for (const row of stats[i]) {
            depth.set({ source: outbox.source, topic: row.topic }, row.pending);
            dead.set({ source: outbox.source, topic: row.topic }, row.dead);
            if (row.oldestPendingSeconds !== null) oldest.set({ source: outbox.source, topic: row.topic }, row.oldestPendingSeconds);
          }
        });
      } finally {
        reading = null;
      }
    })());
  const depth = gauge('hub_outbox_pending_messages', 'Outbox messages waiting for delivery, by source subgraph and topic', ['source', 'topic'], read);
  const oldest = gauge('hub_outbox_oldest_pending_age_seconds', 'Age of the oldest message waiting for delivery, by source and topic', ['source', 'topic'], read);
  const dead = gauge('hub_outbox_dead_letters', 'Dead-lettered outbox messages (staff must fix and resend), by source and topic', ['source', 'topic'], read);
}
