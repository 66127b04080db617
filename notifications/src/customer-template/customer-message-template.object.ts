import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { CustomerMessageTemplateEntity, CustomerTemplateScope } from './customer-message-template.entity';

registerEnumType(CustomerTemplateScope, { name: 'CustomerTemplateScope', description: 'GROUP: every company of an ERP customer group; COMPANY: one company.' });

@ObjectType('CustomerMessageTemplate', { description: "A payment message's text for one customer group or company, event and language (staff)." })
export class CustomerMessageTemplateObject {
  @Field(() => ID) id: string;
  @Field({ description: 'The event: payment.reminder, payment.dunning or payment.thanks.' }) key: string;
  @Field(() => CustomerTemplateScope) scope: CustomerTemplateScope;
  @Field(() => String, { nullable: true, description: 'The ERP customer group (scope GROUP).' }) customerGroup: string | null;
  @Field(() => ID, { nullable: true, description: 'The company (scope COMPANY).' }) companyId: string | null;
  @Field() language: string;
  @Field() subject: string;
  @Field() body: string;
  @Field(() => String, { nullable: true }) actionLabel: string | null;
  @Field(() => String, { nullable: true }) actionUrl: string | null;
  @Field({ description: 'As the message log shows it (templateVariant), e.g. group:RETAIL.' }) variant: string;
  @Field() updatedAt: Date;

  static from(e: CustomerMessageTemplateEntity, variant: string): CustomerMessageTemplateObject {
    return Object.assign(new CustomerMessageTemplateObject(), {
      id: e.id, key: e.key, scope: e.scope, customerGroup: e.scope === CustomerTemplateScope.GROUP ? e.scopeValue : null, companyId: e.scope === CustomerTemplateScope.COMPANY ? e.scopeValue : null,
      language: e.language, subject: e.subject, body: e.body, actionLabel: e.actionLabel, actionUrl: e.actionUrl, variant, updatedAt: e.updatedAt,
    });
  }
}

@InputType('CustomerMessageTemplateInput')
export class CustomerMessageTemplateInput {
  @Field({ description: 'payment.reminder, payment.dunning or payment.thanks.' }) key: string;
  @Field(() => String, { nullable: true, description: 'An ERP customer group code (give this or companyId).' }) customerGroup?: string | null;
  @Field(() => ID, { nullable: true, description: 'One company (give this or customerGroup).' }) companyId?: string | null;
  @Field() language: string;
  @Field() subject: string;
  @Field({ description: 'Paragraphs separated by blank lines; {{placeholders}} only.' }) body: string;
  @Field(() => String, { nullable: true }) actionLabel?: string | null;
  @Field(() => String, { nullable: true }) actionUrl?: string | null;
}
