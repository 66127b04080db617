import { EventExecutor, publishEvent, publishEvents, PgQueryable } from '@hub/events';

/** The event behind `subscription { serviceRequestChanged(serviceRequestId) }`; its key is the request id. */
export const SERVICE_REQUEST_CHANGED_TOPIC = 'serviceRequestChanged';

/** Announces a change of one request, in the transaction that made it (PostgreSQL delivers it on commit); the gateway re-reads `serviceRequest(id)` for each subscriber. */
export function publishServiceRequestChanged(executor: EventExecutor, serviceRequestId: string): Promise<void> {
  return publishEvent(executor, SERVICE_REQUEST_CHANGED_TOPIC, { key: serviceRequestId });
}

/** The same for every request a synced page changed, in one statement. */
export function publishServiceRequestsChanged(client: PgQueryable, serviceRequestIds: readonly string[]): Promise<void> {
  return publishEvents(client, SERVICE_REQUEST_CHANGED_TOPIC, serviceRequestIds);
}
