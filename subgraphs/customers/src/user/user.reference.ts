import { CustomersContext } from '../context';
import { UserObject } from './user.object';

export async function resolveUserReference(reference: { id: string }, ctx: CustomersContext): Promise<UserObject | null> {
  const user = await ctx.services.users.findVisible(ctx.viewer, reference.id);
  return user ? UserObject.from(user) : null;
}
