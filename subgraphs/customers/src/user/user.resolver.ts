import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CustomersContext } from '../context';
import { CompanyObject } from '../company/company.object';
import { SupplierReference } from '../supplier/supplier-reference.object';
import { LoginResult } from './login.objects';
import { UserObject } from './user.object';

@Resolver(() => UserObject)
export class UserResolver {
  @Mutation(() => LoginResult, { description: 'Sign in with e-mail and password; returns a bearer token.' })
  async login(@Arg('email') email: string, @Arg('password') password: string, @Ctx() ctx: CustomersContext): Promise<LoginResult> {
    const result = await ctx.services.auth.login(email, password);
    return Object.assign(new LoginResult(), { token: result.token, expiresAt: result.expiresAt, user: UserObject.from(result.user) });
  }

  @Query(() => UserObject, { description: 'The signed-in user.' })
  async me(@Ctx() ctx: CustomersContext): Promise<UserObject> {
    return UserObject.from(await ctx.services.users.me(ctx.viewer));
  }

  @FieldResolver(() => CompanyObject, { nullable: true, description: 'The company a customer user belongs to.' })
  async company(@Root() user: UserObject, @Ctx() ctx: CustomersContext): Promise<CompanyObject | null> {
    if (!user.companyId) return null;
    const company = await ctx.services.companies.findVisible(ctx.viewer, user.companyId);
    return company ? CompanyObject.from(company) : null;
  }

  @FieldResolver(() => SupplierReference, { nullable: true, description: 'The supplier a supplier user belongs to.' })
  supplier(@Root() user: UserObject): SupplierReference | null {
    return user.supplierId ? Object.assign(new SupplierReference(), { id: user.supplierId }) : null;
  }
}
