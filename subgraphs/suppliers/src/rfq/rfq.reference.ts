import { SuppliersContext } from '../context';
import { RfqObject } from './rfq.object';

/** `_entities` for Rfq: the same check as `rfq(id)`; an RFQ the viewer may not see answers NOT_FOUND. */
export async function resolveRfqReference(reference: { id: string }, ctx: SuppliersContext): Promise<RfqObject> {
  const r = await ctx.services.rfqs.get(reference.id);
  return RfqObject.from(r, ctx.services.rfqs.acceptsAnswers(r));
}
