import { FinanceContext } from '../context';
import { DeliveryNoteObject } from './delivery-note.object';

/** `_entities` for DeliveryNote: the same permission and tenant rule as `deliveryNote(id)`, without the error. */
export async function resolveDeliveryNoteReference(reference: { id: string }, ctx: FinanceContext): Promise<DeliveryNoteObject | null> {
  const note = await ctx.services.deliveryNotes.findVisible(reference.id);
  return note ? DeliveryNoteObject.from(note) : null;
}
