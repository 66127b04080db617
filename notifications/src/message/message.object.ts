import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MessageEntity } from './message.entity';
import { MessageChannel, MessageStatus } from './message-status';

@ObjectType('MessageLogEntry', { description: 'One message to one recipient on one channel, and what became of it (staff).' })
export class MessageLogEntryObject {
  @Field(() => ID) id: string;
  @Field({ description: 'What it answers: e.g. order:<id>:CONFIRMED.' }) ref: string;
  @Field(() => String, { nullable: true, description: 'The event topic it answers.' }) topic: string | null;
  @Field() template: string;
  @Field(() => String, { nullable: true, description: "The customer group's or company's own text it used (group:<code>, company:<id>); null: the deployment's." }) templateVariant: string | null;
  @Field(() => MessageChannel) channel: MessageChannel;
  @Field(() => ID, { nullable: true }) recipientUserId: string | null;
  @Field() recipientAddress: string;
  @Field() language: string;
  @Field(() => String, { nullable: true }) subject: string | null;
  @Field(() => MessageStatus) status: MessageStatus;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true, description: "The server's last answer, or why it was not sent." }) lastResponse: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;

  static from(m: MessageEntity): MessageLogEntryObject {
    return Object.assign(new MessageLogEntryObject(), {
      id: m.id, ref: m.ref, topic: m.topic, template: m.template, templateVariant: m.templateVariant, channel: m.channel, recipientUserId: m.recipientUserId, recipientAddress: m.recipientAddress,
      language: m.language, subject: m.subject, status: m.status, attempts: m.attempts, lastResponse: m.lastResponse, createdAt: m.createdAt, sentAt: m.sentAt,
    });
  }
}
