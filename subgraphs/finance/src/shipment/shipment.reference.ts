import { FinanceContext } from '../context';
import { ShipmentObject } from './shipment.object';

/** `_entities` for Shipment: the same permission and tenant rule as `shipment(id)`, without the error. */
export async function resolveShipmentReference(reference: { id: string }, ctx: FinanceContext): Promise<ShipmentObject | null> {
  const shipment = await ctx.services.shipments.findVisible(reference.id);
  return shipment ? ShipmentObject.from(shipment) : null;
}
