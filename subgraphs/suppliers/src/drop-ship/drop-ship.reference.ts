import { SuppliersContext } from '../context';
import { DropShipOrderObject } from './drop-ship.object';

/** `_entities` for DropShipOrder: the same check as `dropShipOrder(id)`; another supplier's answers NOT_FOUND. */
export async function resolveDropShipOrderReference(reference: { id: string }, ctx: SuppliersContext): Promise<DropShipOrderObject> {
  return DropShipOrderObject.from(await ctx.services.dropShip.get(reference.id));
}
