import { PoolClient } from 'pg';
import { ErpExtensionRecord, ErpServiceOrderRecord } from '@hub/erp-contract';
import { IngestPage, MergeResult } from '@hub/ingest';
import { isUuid } from '@hub/subgraph-kit';
import { publishServiceRequestsChanged } from './service-request-events';
import { reachablePairs } from './service-request.state-machine';
import { ServiceRequestStatus } from './service-request-status';

/** The ERP's service order statuses as the hub's; a service order waiting for the goods is a request still OPENED. */
const STATUS_FROM_ERP: Readonly<Record<ErpServiceOrderRecord['status'], ServiceRequestStatus>> = {
  AWAITING_GOODS: ServiceRequestStatus.OPENED,
  RECEIVED: ServiceRequestStatus.RECEIVED,
  IN_REPAIR: ServiceRequestStatus.IN_REPAIR,
  REPAIRED: ServiceRequestStatus.REPAIRED,
  SHIPPED_BACK: ServiceRequestStatus.SHIPPED_BACK,
  CLOSED: ServiceRequestStatus.CLOSED,
  REJECTED: ServiceRequestStatus.REJECTED,
  CANCELLED: ServiceRequestStatus.CANCELLED,
};

/**
 * The ERP's service orders onto the hub's requests, in one statement for the page: the number,
 * the workshop's dates and history always (the ERP is their master); the status only where the
 * state machine reaches it from the request's current one. Service orders the hub did not open are
 * not its business and are skipped; a deleted service order leaves the request as it is. Each
 * request changed is announced to its subscribers.
 */
export async function ingestServiceOrders(client: PoolClient, page: IngestPage<ErpExtensionRecord>): Promise<MergeResult> {
  // An extension kind: the rows are checked here, not typed by the contract's kinds.
  const rows = (page.rows as ErpServiceOrderRecord[])
    .filter((r) => typeof r.hubServiceRequestId === 'string' && isUuid(r.hubServiceRequestId) && STATUS_FROM_ERP[r.status] !== undefined)
    .map((r) => ({
      id: r.hubServiceRequestId, number: r.serviceOrderNumber, status: STATUS_FROM_ERP[r.status],
      received_at: r.receivedAt ?? null, shipped_back_at: r.shippedBackAt ?? null, history: Array.isArray(r.history) ? r.history : [],
    }));
  if (rows.length === 0) return { read: page.rows.length, inserted: 0, updated: 0, deleted: 0, changedKeys: [] };
  const pairs = reachablePairs();
  const { rows: changed } = await client.query<{ id: string }>(
    `update finance.service_request sr
        set erp_service_order_number = o.number,
            received_at = o.received_at,
            shipped_back_at = o.shipped_back_at,
            repair_history = o.history,
            status = case when exists (select 1 from unnest($2::text[], $3::text[]) p(f, t) where p.f = sr.status and p.t = o.status) then o.status else sr.status end,
            updated_at = now()
       from jsonb_to_recordset($1::jsonb) as o(id uuid, number text, status text, received_at timestamptz, shipped_back_at timestamptz, history jsonb)
      where sr.id = o.id
        and (sr.erp_service_order_number is distinct from o.number or sr.received_at is distinct from o.received_at or sr.shipped_back_at is distinct from o.shipped_back_at
             or sr.repair_history is distinct from o.history or sr.status is distinct from o.status)
      returning sr.id`,
    [JSON.stringify(rows), pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  await publishServiceRequestsChanged(client, changed.map((r) => r.id));
  return { read: page.rows.length, inserted: 0, updated: changed.length, deleted: 0, changedKeys: [] };
}
