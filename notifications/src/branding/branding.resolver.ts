import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { NotificationsContext } from '../context';
import { BrandingInput, BrandingObject } from './branding.object';

@Resolver()
export class BrandingResolver {
  @Query(() => BrandingObject, { description: "The deployment's branding (public: the shop shows it too)." })
  async branding(@Ctx() ctx: NotificationsContext): Promise<BrandingObject> {
    return BrandingObject.from(await ctx.services.branding.current());
  }

  @Mutation(() => BrandingObject, { description: 'Change the branding of every e-mail (staff with staff.users).' })
  async updateBranding(@Arg('input', () => BrandingInput) input: BrandingInput, @Ctx() ctx: NotificationsContext): Promise<BrandingObject> {
    return BrandingObject.from(await ctx.services.branding.update(ctx.viewer, input));
  }
}
