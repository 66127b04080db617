import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MoneyObject } from '@hub/money';
import { CompanyReference } from '../references/reference.objects';
import { HoldRuleEntity, HoldRuleKind } from './hold-rule.entity';

@ObjectType('HoldRule', {
  description: 'A staff rule that holds orders for review before they go to the ERP. Without a stored rule, ACCOUNT_BLOCKED and CREDIT_LIMIT hold for every company, the other kinds hold nothing.',
})
export class HoldRuleObject {
  @Field(() => ID)
  id: string;

  @Field(() => HoldRuleKind)
  kind: HoldRuleKind;

  @Field(() => CompanyReference, { nullable: true, description: 'Null: every company.' })
  company: CompanyReference | null;

  @Field()
  enabled: boolean;

  @Field(() => MoneyObject, { nullable: true })
  limit: MoneyObject | null;

  @Field(() => Int, { nullable: true })
  maxOrdersPerDay: number | null;

  @Field(() => [String], { nullable: true })
  deliveryAddressCodes: string[] | null;

  @Field()
  updatedAt: Date;

  static from(rule: HoldRuleEntity): HoldRuleObject {
    return Object.assign(new HoldRuleObject(), {
      id: rule.id,
      kind: rule.kind,
      company: rule.companyId ? CompanyReference.of(rule.companyId) : null,
      enabled: rule.enabled,
      limit: rule.limitAmount !== null && rule.currency ? MoneyObject.of(rule.limitAmount, rule.currency) : null,
      maxOrdersPerDay: rule.maxOrdersPerDay ?? null,
      deliveryAddressCodes: rule.deliveryAddressCodes ?? null,
      updatedAt: rule.updatedAt,
    });
  }
}
