import { ProductsContext } from '../context';
import { ProductObject } from './product.object';

/** The catalogue is public (the web shop shows it to visitors); retired products resolve to null. */
export async function resolveProductReference(reference: { id: string }, ctx: ProductsContext): Promise<ProductObject | null> {
  const product = await ctx.services.products.findById(reference.id);
  return product && product.active ? ProductObject.from(product) : null;
}
