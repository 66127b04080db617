import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { NotificationsContext } from '../context';
import { HubTextKindObject, HubTextObject } from './hub-text.object';

@Resolver()
export class HubTextResolver {
  @Query(() => [HubTextKindObject], { description: 'The kinds of hub-owned texts (anyone signed in).' })
  hubTextKinds(@Ctx() ctx: NotificationsContext): HubTextKindObject[] {
    return ctx.services.hubTexts.listKinds(ctx.viewer);
  }

  @Query(() => [HubTextObject], { description: 'Every text of a kind (none given: of every kind) in one language (en, sv, es, pl), as its readers see it (anyone signed in).' })
  hubTexts(@Ctx() ctx: NotificationsContext, @Arg('language') language: string, @Arg('kind', () => String, { nullable: true }) kind?: string | null): Promise<HubTextObject[]> {
    return ctx.services.hubTexts.list(ctx.viewer, language, kind);
  }

  @Mutation(() => HubTextObject, { description: 'Staff (staff.users): the text of one key of a kind in one language; users reading that language see it at once.' })
  setHubText(
    @Ctx() ctx: NotificationsContext,
    @Arg('kind') kind: string,
    @Arg('key') key: string,
    @Arg('language') language: string,
    @Arg('text') text: string,
  ): Promise<HubTextObject> {
    return ctx.services.hubTexts.set(ctx.viewer, kind, key, language, text);
  }

  @Mutation(() => HubTextObject, { description: "Staff (staff.users): removes staff's text of one key in one language (NOT_FOUND when there is none); the built-in text shows again." })
  removeHubText(@Ctx() ctx: NotificationsContext, @Arg('kind') kind: string, @Arg('key') key: string, @Arg('language') language: string): Promise<HubTextObject> {
    return ctx.services.hubTexts.remove(ctx.viewer, kind, key, language);
  }
}
