import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '@hub/auth';
import { NotificationsContext } from '../context';
import { MAILBOX_ATTACHMENT_ROUTE } from './mailbox-attachment.file-route';
import { MailboxAttachmentObject, MailboxMessageObject } from './mailbox-message.object';

@Resolver(() => MailboxMessageObject)
export class MailboxMessageResolver {
  @Query(() => [MailboxMessageObject], { nullable: true, description: "E-mails read from the distributor's mailbox, newest first (staff with staff.orders)." })
  async mailboxMessages(
    @Ctx() ctx: NotificationsContext,
    @Arg('unassigned', () => Boolean, { nullable: true, description: 'Only mail on no task.' }) unassigned?: boolean | null,
    @Arg('first', () => Int, { nullable: true, description: '1 to 200 (50).' }) first?: number | null,
  ): Promise<MailboxMessageObject[]> {
    return (await ctx.services.tasks.messages({ unassigned, first })).map(MailboxMessageObject.from);
  }

  @Query(() => MailboxMessageObject, { nullable: true, description: 'One e-mail of the mailbox (staff with staff.orders).' })
  async mailboxMessage(@Ctx() ctx: NotificationsContext, @Arg('id', () => ID) id: string): Promise<MailboxMessageObject> {
    return MailboxMessageObject.from(await ctx.services.tasks.message(id));
  }

  @FieldResolver(() => [MailboxAttachmentObject])
  async attachments(@Root() message: MailboxMessageObject, @Ctx() ctx: NotificationsContext): Promise<MailboxAttachmentObject[]> {
    return (await ctx.services.tasks.attachmentsOf.load(message.id)).map(MailboxAttachmentObject.from);
  }
}

@Resolver(() => MailboxAttachmentObject)
export class MailboxAttachmentResolver {
  @FieldResolver(() => String, { description: 'A signed download link for you (short-lived).' })
  url(@Root() attachment: MailboxAttachmentObject, @Ctx() ctx: NotificationsContext): Promise<string> {
    return ctx.links.url(requireViewer(ctx.viewer), MAILBOX_ATTACHMENT_ROUTE, attachment.id);
  }
}
