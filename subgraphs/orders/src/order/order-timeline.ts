import { PoolClient } from 'pg';
import { OrderEventSource } from './order-status';
import { OrderEventDetails } from './order-status-event.entity';

/** A timeline entry written with a `pg` client (the ingest, the outbox receipt and refusal). */
export interface TimelineRow {
  orderId: string;
  status: string;
  previous: string | null;
  source: OrderEventSource;
  reason?: string | null;
  details?: OrderEventDetails | null;
}

/** Adds timeline entries in one statement, in the order given (clock_timestamp() moves on row by row). */
export async function recordTimeline(client: Pick<PoolClient, 'query'>, rows: readonly TimelineRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `insert into orders.order_status_event (id, order_id, at, status, previous_status, source, reason, details)
     select gen_random_uuid(), e.order_id, clock_timestamp(), e.status, e.previous, e.source, e.reason, e.details
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[]) with ordinality as e(order_id, status, previous, source, reason, details, n)
      order by e.n`,
    [
      rows.map((r) => r.orderId),
      rows.map((r) => r.status),
      rows.map((r) => r.previous),
      rows.map((r) => r.source),
      rows.map((r) => r.reason ?? null),
      rows.map((r) => (r.details ? JSON.stringify(r.details) : null)),
    ],
  );
}
