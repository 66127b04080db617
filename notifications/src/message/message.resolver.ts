import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { NotificationsContext } from '../context';
import { MessageLogEntryObject } from './message.object';
import { MessageStatus } from './message-status';

@Resolver()
export class MessageLogResolver {
  @Query(() => [MessageLogEntryObject], { description: 'What the hub sent (or did not) to whom, newest first (staff).' })
  async messageLog(
    @Ctx() ctx: NotificationsContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('recipientEmail', () => String, { nullable: true }) recipientEmail?: string | null,
    @Arg('status', () => MessageStatus, { nullable: true }) status?: MessageStatus | null,
    @Arg('template', () => String, { nullable: true }) template?: string | null,
    @Arg('ref', () => String, { nullable: true, description: 'e.g. order:<id>:CONFIRMED' }) ref?: string | null,
  ): Promise<MessageLogEntryObject[]> {
    return (await ctx.services.messageLog.list(ctx.viewer, { first, recipientEmail, status, template, ref })).map(MessageLogEntryObject.from);
  }
}
