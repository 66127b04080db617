import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NewsletterEntity, NewsletterStatus } from './newsletter.entity';

registerEnumType(NewsletterStatus, { name: 'NewsletterStatus', description: 'DRAFT (composed), SENT (queued for every consenting user).' });

@ObjectType({ description: "A newsletter's outcome, from the message log." })
export class NewsletterCountsObject {
  @Field(() => Int, { description: 'Queued or being sent.' }) queued: number;
  @Field(() => Int, { description: 'Accepted by the SMTP server.' }) sent: number;
  @Field(() => Int, { description: 'Refused for good (SMTP 5xx).' }) bounced: number;
  @Field(() => Int) failed: number;
  @Field(() => Int, { description: 'Recipients who used its unsubscribe link.' }) unsubscribed: number;
}

@ObjectType('Newsletter')
export class NewsletterObject {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() intro: string;
  @Field(() => [ID]) productIds: string[];
  @Field(() => [String]) discountCodes: string[];
  @Field(() => NewsletterStatus) status: NewsletterStatus;
  @Field(() => Int, { description: 'How many consenting users it was queued for.' }) recipients: number;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;

  static from(n: NewsletterEntity): NewsletterObject {
    return Object.assign(new NewsletterObject(), {
      id: n.id, title: n.title, intro: n.intro, productIds: n.productIds, discountCodes: n.discountCodes, status: n.status, recipients: n.recipients, createdAt: n.createdAt, sentAt: n.sentAt,
    });
  }
}

@InputType()
export class NewsletterInputObject {
  @Field() title: string;
  @Field({ description: 'The opening text (plain text; paragraphs separated by blank lines).' }) intro: string;
  @Field(() => [ID], { nullable: true, description: 'Catalogue items shown (by id), at most 20, each active.' }) productIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Discount codes printed in it, at most 10.' }) discountCodes?: string[] | null;
}
