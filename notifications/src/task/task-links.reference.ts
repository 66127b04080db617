import { isUuid } from '@hub/subgraph-kit';
import { NotificationsContext } from '../context';
import { OfferReference, OrderReference, ReturnRequestReference } from './task-references.object';

/**
 * `_entities` for Order, ReturnRequest and Offer here: notifications only adds `tasks`, which is for staff
 * (the field checks staff.orders itself), so a signed-in viewer gets the stub and nobody else anything.
 */
export function resolveOrderTasksReference(reference: { id: string }, ctx: NotificationsContext): OrderReference | null {
  return ctx.viewer && isUuid(reference.id) ? OrderReference.of(reference.id) : null;
}

export function resolveReturnRequestTasksReference(reference: { id: string }, ctx: NotificationsContext): ReturnRequestReference | null {
  return ctx.viewer && isUuid(reference.id) ? ReturnRequestReference.of(reference.id) : null;
}

export function resolveOfferTasksReference(reference: { id: string }, ctx: NotificationsContext): OfferReference | null {
  return ctx.viewer && isUuid(reference.id) ? OfferReference.of(reference.id) : null;
}
