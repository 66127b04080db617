import { Field, ID, InputType, Int } from 'type-graphql';
import Decimal from 'decimal.js';
import { DecimalScalar } from '@hub/money';
import { HoldRuleKind } from './hold-rule.entity';

@InputType('MoneyInput')
export class MoneyInput {
  @Field(() => DecimalScalar)
  amount: Decimal;

  @Field({ description: 'ISO 4217 currency code.' })
  currency: string;
}

@InputType('HoldRuleInput', { description: 'Sets the rule of a kind for every company (companyId null) or for one; one rule per kind and scope.' })
export class HoldRuleInput {
  @Field(() => HoldRuleKind)
  kind: HoldRuleKind;

  @Field(() => ID, { nullable: true, description: 'One company; null: every company (a company\'s own rule of a kind replaces this one).' })
  companyId?: string | null;

  @Field({ description: 'False switches the kind off (for the company, or for every company without a rule of its own).' })
  enabled: boolean;

  @Field(() => MoneyInput, { nullable: true, description: 'ORDER_VALUE: orders above this (before tax; orders in its currency).' })
  limit?: MoneyInput | null;

  @Field(() => Int, { nullable: true, description: 'DAILY_ORDER_COUNT: orders beyond this many a day are held.' })
  maxOrdersPerDay?: number | null;

  @Field(() => [String], { nullable: true, description: "DELIVERY_ADDRESS (with companyId): the company's ERP delivery address codes whose orders are held." })
  deliveryAddressCodes?: string[] | null;
}
