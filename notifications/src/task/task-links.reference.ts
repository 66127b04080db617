import { isUuid } from '@hub/subgraph-kit';
import { NotificationsContext } from '../context';
import { OrderReference, ReturnRequestReference } from './task-references.object';

/**
 * `_entities` for Order and ReturnRequest here: notifications only adds `tasks`, which is for staff
 * (the field checks staff.orders itself), so a signed-in viewer gets the stub and nobody else anything.
 */
export function resolveOrderTasksReference(reference: { id: string }, ctx: NotificationsContext): OrderReference | null {
  return ctx.viewer && isUuid(reference.id) ? OrderReference.of(reference.id) : null;
}

export function resolveReturnRequestTasksReference(reference: { id: string }, ctx: NotificationsContext): ReturnRequestReference | null {
  return ctx.viewer && isUuid(reference.id) ? ReturnRequestReference.of(reference.id) : null;
}
