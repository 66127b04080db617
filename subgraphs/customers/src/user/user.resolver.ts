import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CustomersContext } from '../context';
import { CompanyObject } from '../company/company.object';
import { SupplierReference } from '../supplier/supplier-reference.object';
import { LoginResult } from './login.objects';
import { UserObject } from './user.object';

@Resolver(() => UserObject)
export class UserResolver {
  @Mutation(() => LoginResult, { description: 'Sign in with e-mail and password; returns a bearer token.' })
  async login(@Arg('email') email: string, @Arg('password') password: string, @Ctx() ctx: CustomersContext): Promise<LoginResult> {
    return LoginResult.from(await ctx.services.auth.login(email, password));
  }

  @Mutation(() => LoginResult, { description: 'A fresh token for the current session (send the current, unexpired token). Not for "sign in as" sessions.' })
  async refreshToken(@Ctx() ctx: CustomersContext): Promise<LoginResult> {
    return LoginResult.from(await ctx.services.auth.refresh(ctx.viewer));
  }

  @Mutation(() => LoginResult, { description: 'Change your own password; ends your other sessions and returns a new token. Not allowed while signed in as someone else.' })
  async changePassword(@Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: CustomersContext): Promise<LoginResult> {
    return LoginResult.from(await ctx.services.auth.changePassword(ctx.viewer, currentPassword, newPassword));
  }

  @Mutation(() => LoginResult, { description: 'Staff (staff.users): "sign in as" a customer or supplier user; a short token naming both of you. Audited.' })
  async impersonate(@Arg('userId', () => ID) userId: string, @Ctx() ctx: CustomersContext): Promise<LoginResult> {
    return LoginResult.from(await ctx.services.auth.impersonate(ctx.viewer, userId));
  }

  @Mutation(() => Boolean, { description: 'Sends a password-reset link if the address has an account. Always answers true.' })
  async requestPasswordReset(@Arg('email') email: string, @Ctx() ctx: CustomersContext): Promise<boolean> {
    await ctx.services.passwordReset.request(email);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Sets a new password with the token from a reset mail (single use, expires).' })
  async resetPassword(@Arg('token') token: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: CustomersContext): Promise<boolean> {
    await ctx.services.passwordReset.reset(token, newPassword);
    return true;
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

  @FieldResolver(() => UserObject, { nullable: true, description: 'On `me` during "sign in as": the staff user acting as you. Null otherwise.' })
  async impersonatedBy(@Root() user: UserObject, @Ctx() ctx: CustomersContext): Promise<UserObject | null> {
    const actor = await ctx.services.users.impersonator(ctx.viewer, user.id);
    return actor ? UserObject.from(actor) : null;
  }

  @FieldResolver(() => SupplierReference, { nullable: true, description: 'The supplier a supplier user belongs to.' })
  supplier(@Root() user: UserObject): SupplierReference | null {
    return user.supplierId ? Object.assign(new SupplierReference(), { id: user.supplierId }) : null;
  }
}
