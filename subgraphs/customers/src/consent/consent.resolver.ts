import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { CustomersContext } from '../context';
import { UserObject } from '../user/user.object';
import { ConsentChangeObject, ContactPreferencesInput, ContactPreferencesObject } from './consent.objects';

@Resolver(() => UserObject)
export class ConsentResolver {
  @FieldResolver(() => ContactPreferencesObject, { nullable: true, description: 'Consents to be contacted; only for yourself (or staff).' })
  async contactPreferences(@Root() user: UserObject, @Ctx() ctx: CustomersContext): Promise<ContactPreferencesObject | null> {
    const prefs = await ctx.services.consents.current(ctx.viewer, user.id);
    return prefs ? Object.assign(new ContactPreferencesObject(), prefs) : null;
  }

  @FieldResolver(() => [ConsentChangeObject], { nullable: true, description: 'The history of consent changes, newest first; only for yourself (or staff).' })
  async consentHistory(@Root() user: UserObject, @Ctx() ctx: CustomersContext): Promise<ConsentChangeObject[] | null> {
    const rows = await ctx.services.consents.history(ctx.viewer, user.id);
    return rows ? rows.map(ConsentChangeObject.from) : null;
  }

  @Mutation(() => ContactPreferencesObject, { description: 'Give or withdraw your consents (not while someone signs in as you).' })
  async setContactPreferences(@Arg('input', () => ContactPreferencesInput) input: ContactPreferencesInput, @Ctx() ctx: CustomersContext): Promise<ContactPreferencesObject> {
    return Object.assign(new ContactPreferencesObject(), await ctx.services.consents.set(ctx.viewer, input));
  }

  @Mutation(() => Boolean, { description: 'Public: withdraw one consent with the signed token from an "unsubscribe" link, without signing in.' })
  async unsubscribe(@Arg('token') token: string, @Ctx() ctx: CustomersContext): Promise<boolean> {
    await ctx.services.consents.unsubscribe(token);
    return true;
  }
}
