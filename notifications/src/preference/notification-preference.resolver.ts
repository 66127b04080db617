import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { NotificationsContext } from '../context';
import { NotificationPreferenceObject } from './notification-preference.object';

@Resolver()
export class NotificationPreferenceResolver {
  @Query(() => [NotificationPreferenceObject], { description: "Which notifications a user gets: yours, a coworker's (users.manage), anyone's (staff)." })
  notificationPreferences(@Ctx() ctx: NotificationsContext, @Arg('userId', () => ID, { nullable: true }) userId?: string | null): Promise<NotificationPreferenceObject[]> {
    return ctx.services.preferences.list(ctx.viewer, userId);
  }

  @Mutation(() => [NotificationPreferenceObject], { description: 'Switch a notification category on or off, by e-mail (and SMS).' })
  setNotificationPreference(
    @Ctx() ctx: NotificationsContext,
    @Arg('category') category: string,
    @Arg('email') email: boolean,
    @Arg('sms', () => Boolean, { nullable: true }) sms?: boolean | null,
    @Arg('userId', () => ID, { nullable: true }) userId?: string | null,
  ): Promise<NotificationPreferenceObject[]> {
    return ctx.services.preferences.set(ctx.viewer, { userId, category, email, sms });
  }

  @Query(() => String, { nullable: true, description: "Your language (null: your company's default): your messages, status labels, reasons, category and product names." })
  myMessageLanguage(@Ctx() ctx: NotificationsContext): Promise<string | null> {
    return ctx.services.preferences.language(ctx.viewer);
  }

  @Mutation(() => String, { description: 'Choose your language (en, sv, es, pl): your messages, status labels, reasons, category and product names.' })
  setMyMessageLanguage(@Ctx() ctx: NotificationsContext, @Arg('language') language: string): Promise<string> {
    return ctx.services.preferences.setLanguage(ctx.viewer, language);
  }
}
