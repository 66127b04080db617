import { ProductsContext } from '../context';
import { StoreObject } from './store.object';

/** Stores are public, like the catalogue; a warehouse that is no longer a store resolves to null. */
export async function resolveStoreReference(reference: { code?: unknown }, ctx: ProductsContext): Promise<StoreObject | null> {
  // A representation without a code (or not a string) names no store.
  if (typeof reference.code !== 'string') return null;
  const store = await ctx.services.stores.store(reference.code);
  return store ? StoreObject.from(store, null) : null;
}
