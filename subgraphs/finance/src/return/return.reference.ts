import { hasPermission } from '@hub/auth';
import { isUuid } from '@hub/subgraph-kit';
import { FinanceContext } from '../context';
import { RETURNS_PERMISSION } from './return.service';
import { ReturnRequestObject } from './return.object';

/**
 * `_entities` for ReturnRequest (e.g. the return a staff task led to): the same permission and
 * tenant rule as `returnRequest(id)`, batched with the other references of the request, null
 * instead of an error for one the viewer may not see.
 */
export async function resolveReturnRequestReference(reference: { id: string }, ctx: FinanceContext): Promise<ReturnRequestObject | null> {
  if (!hasPermission(ctx.viewer, RETURNS_PERMISSION) || !isUuid(reference.id)) return null;
  const found = await ctx.services.returns.visibleById.load(reference.id);
  return found ? ReturnRequestObject.from(found) : null;
}
