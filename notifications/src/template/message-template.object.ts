import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType('MessageTemplate', { description: 'The text of one template in one language: a staff override or the built-in one.' })
export class MessageTemplateObject {
  @Field() key: string;
  @Field() language: string;
  @Field() description: string;
  @Field() subject: string;
  @Field() body: string;
  @Field(() => String, { nullable: true }) actionLabel: string | null;
  @Field(() => String, { nullable: true }) actionUrl: string | null;
  @Field(() => [String], { description: 'The {{placeholders}} it may use.' }) placeholders: string[];
  @Field({ description: 'True when staff changed it.' }) overridden: boolean;
}

@InputType('MessageTemplateInput')
export class MessageTemplateInput {
  @Field() key: string;
  @Field() language: string;
  @Field() subject: string;
  @Field({ description: 'Paragraphs separated by blank lines; {{placeholders}} only.' }) body: string;
  @Field(() => String, { nullable: true }) actionLabel?: string | null;
  @Field(() => String, { nullable: true }) actionUrl?: string | null;
}
