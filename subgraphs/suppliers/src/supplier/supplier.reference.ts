import { SuppliersContext } from '../context';
import { SupplierObject } from './supplier.object';

/** `_entities` for Supplier: the public part for any signed-in viewer; `email` and `offers` check again. */
export async function resolveSupplierReference(reference: { id: string }, ctx: SuppliersContext): Promise<SupplierObject | null> {
  const supplier = await ctx.services.suppliers.findPublic(ctx.viewer, reference.id);
  return supplier ? SupplierObject.from(supplier) : null;
}
