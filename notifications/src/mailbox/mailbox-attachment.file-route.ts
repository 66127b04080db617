import { FileRoute } from '@hub/subgraph-kit';
import { badUserInput } from '@hub/errors';
import { NotificationsContext } from '../context';

export const MAILBOX_ATTACHMENT_ROUTE = 'mailbox-attachment';

/** `/files/notifications/<token>` for an e-mail's attachment: staff again, then the bytes. */
export const mailboxAttachmentFileRoute: FileRoute<NotificationsContext> = {
  name: MAILBOX_ATTACHMENT_ROUTE,
  serve: async (ref, ctx) => {
    if (typeof ref !== 'string') throw badUserInput('This link names no attachment.');
    const attachment = await ctx.services.tasks.attachment(ref);
    return { body: attachment.content, contentType: attachment.contentType, fileName: attachment.fileName, disposition: 'attachment' };
  },
};
