import { isUuid } from '@hub/subgraph-kit';
import { SuppliersContext } from '../context';
import { ProductReference } from './product-reference.object';

/** `_entities` for Product: the stub for any signed-in viewer, null for anonymous callers. */
export function resolveProductReference(reference: { id: string }, ctx: SuppliersContext): ProductReference | null {
  return ctx.viewer && isUuid(reference.id) ? ProductReference.of(reference.id) : null;
}
