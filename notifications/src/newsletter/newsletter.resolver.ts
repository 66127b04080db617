import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { NotificationsContext } from '../context';
import { NewsletterCountsObject, NewsletterInputObject, NewsletterObject } from './newsletter.object';

@Resolver(() => NewsletterObject)
export class NewsletterResolver {
  @Query(() => [NewsletterObject], { description: 'Newsletters, newest first (staff with staff.users).' })
  async newsletters(@Ctx() ctx: NotificationsContext): Promise<NewsletterObject[]> {
    return (await ctx.services.newsletters.list(ctx.viewer)).map(NewsletterObject.from);
  }

  @Query(() => NewsletterObject, { description: 'One newsletter (staff with staff.users).' })
  async newsletter(@Ctx() ctx: NotificationsContext, @Arg('id', () => ID) id: string): Promise<NewsletterObject> {
    return NewsletterObject.from(await ctx.services.newsletters.get(ctx.viewer, id));
  }

  @Mutation(() => NewsletterObject, { description: 'Compose a newsletter (a draft); products are checked against the catalogue.' })
  async createNewsletter(@Ctx() ctx: NotificationsContext, @Arg('input', () => NewsletterInputObject) input: NewsletterInputObject): Promise<NewsletterObject> {
    return NewsletterObject.from(await ctx.services.newsletters.create(ctx.viewer, input));
  }

  @Mutation(() => NewsletterObject, { description: 'Send a draft to every user who consented to newsletters (once; CONFLICT when already sent).' })
  async sendNewsletter(@Ctx() ctx: NotificationsContext, @Arg('id', () => ID) id: string): Promise<NewsletterObject> {
    return NewsletterObject.from(await ctx.services.newsletters.send(ctx.viewer, id));
  }

  @Mutation(() => Boolean, { description: "Public: counts a newsletter's unsubscribe link as used (the gateway's POST /unsubscribe calls it with customers' `unsubscribe`). False when already counted." })
  recordNewsletterUnsubscribe(@Ctx() ctx: NotificationsContext, @Arg('token') token: string, @Arg('newsletterId', () => ID) newsletterId: string): Promise<boolean> {
    return ctx.services.newsletters.recordUnsubscribe(token, newsletterId);
  }

  @FieldResolver(() => NewsletterCountsObject)
  async counts(@Root() newsletter: NewsletterObject, @Ctx() ctx: NotificationsContext): Promise<NewsletterCountsObject> {
    const counts = (await ctx.services.newsletters.counts([newsletter.id])).get(newsletter.id)!;
    return Object.assign(new NewsletterCountsObject(), counts);
  }
}
