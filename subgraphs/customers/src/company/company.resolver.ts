import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { hasPermission, requireViewer } from '@hub/auth';
import { forbidden } from '@hub/errors';
import { CustomersContext } from '../context';
import { UserObject } from '../user/user.object';
import { CompanyObject } from './company.object';

@Resolver(() => CompanyObject)
export class CompanyResolver {
  @Query(() => CompanyObject, { description: 'A company you may see: your own, or any for staff.' })
  async company(@Arg('id', () => ID) id: string, @Ctx() ctx: CustomersContext): Promise<CompanyObject> {
    const viewer = requireViewer(ctx.viewer);
    return CompanyObject.from(await ctx.services.companies.getVisible(viewer, id));
  }

  @Query(() => [CompanyObject], { description: 'All customer companies (staff only).' })
  async companies(@Ctx() ctx: CustomersContext): Promise<CompanyObject[]> {
    return (await ctx.services.companies.listAll(requireViewer(ctx.viewer))).map(CompanyObject.from);
  }

  @FieldResolver(() => [UserObject], { description: "The company's users (needs users.manage, or staff)." })
  async users(@Root() company: CompanyObject, @Ctx() ctx: CustomersContext): Promise<UserObject[]> {
    if (!hasPermission(ctx.viewer, 'users.manage')) throw forbidden('You need the "users.manage" permission.');
    const users = await ctx.services.users.listForCompany(requireViewer(ctx.viewer), company.id);
    return users.map(UserObject.from);
  }
}
