import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MailboxAttachmentEntity } from './mailbox-attachment.entity';
import { MailboxMessageEntity } from './mailbox-message.entity';

@ObjectType('MailboxAttachment', { description: 'A file attached to an e-mail in the mailbox.' })
export class MailboxAttachmentObject {
  @Field(() => ID) id: string;
  @Field() fileName: string;
  @Field() contentType: string;
  @Field(() => Int, { description: 'Bytes.' }) size: number;

  static from(a: MailboxAttachmentEntity): MailboxAttachmentObject {
    return Object.assign(new MailboxAttachmentObject(), { id: a.id, fileName: a.fileName, contentType: a.contentType, size: a.size });
  }
}

@ObjectType('MailboxMessage', { description: "An e-mail read from the distributor's mailbox (IMAP)." })
export class MailboxMessageObject {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: 'The Message-ID header, without angle brackets.' }) messageId: string | null;
  @Field(() => String, { nullable: true }) inReplyTo: string | null;
  @Field(() => [String], { description: 'The References header, oldest first.' }) references: string[];
  @Field() fromAddress: string;
  @Field(() => String, { nullable: true }) fromName: string | null;
  @Field(() => [String]) toAddresses: string[];
  @Field() subject: string;
  @Field({ description: 'The plain text body.' }) text: string;
  @Field(() => Date, { nullable: true, description: 'The Date header.' }) sentAt: Date | null;
  @Field({ description: 'When the hub read it.' }) receivedAt: Date;
  @Field(() => ID, { nullable: true, description: 'The task its thread belongs to.' }) taskId: string | null;

  static from(m: MailboxMessageEntity): MailboxMessageObject {
    return Object.assign(new MailboxMessageObject(), {
      id: m.id, messageId: m.messageId, inReplyTo: m.inReplyTo, references: m.references, fromAddress: m.fromAddress, fromName: m.fromName,
      toAddresses: m.toAddresses, subject: m.subject, text: m.text, sentAt: m.sentAt, receivedAt: m.receivedAt, taskId: m.taskId,
    });
  }
}
