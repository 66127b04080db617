import { Field, ID, InputType, Int } from 'type-graphql';
import Decimal from 'decimal.js';
import { DecimalScalar } from '@hub/money';
import { MoneyInput } from '../hold/hold-rule.inputs';
import { LoyaltyRewardKind, LoyaltyRuleKind } from './loyalty.entity';

@InputType('LoyaltyRuleInput', { description: 'A rule for earning points: per unit of a product or product group, or per amount of order value.' })
export class LoyaltyRuleInput {
  @Field(() => ID, { nullable: true, description: 'Changes this rule; absent: a new one.' })
  id?: string | null;

  @Field(() => LoyaltyRuleKind)
  kind: LoyaltyRuleKind;

  @Field(() => String, { nullable: true, description: 'PER_QUANTITY: the product (SKU).' })
  sku?: string | null;

  @Field(() => String, { nullable: true, description: 'PER_QUANTITY: instead of a SKU, every product of this group (an ERP category code).' })
  productGroup?: string | null;

  @Field(() => DecimalScalar, { description: 'Points per unit (PER_QUANTITY) or per whole perAmount (PER_ORDER_VALUE); above 0.' })
  points: Decimal;

  @Field(() => MoneyInput, { nullable: true, description: 'PER_ORDER_VALUE: points per this much value before tax (invoices in its currency).' })
  perAmount?: MoneyInput | null;

  @Field({ defaultValue: true })
  active: boolean;
}

@InputType('LoyaltyRewardInput', { description: 'What points can be spent on.' })
export class LoyaltyRewardInput {
  @Field(() => ID, { nullable: true, description: 'Changes this reward; absent: a new one.' })
  id?: string | null;

  @Field()
  name: string;

  @Field(() => LoyaltyRewardKind)
  kind: LoyaltyRewardKind;

  @Field(() => Int)
  pointsCost: number;

  @Field(() => String, { nullable: true, description: 'PRODUCT: a reward item or a catalogue product (SKU), ordered free of charge.' })
  sku?: string | null;

  @Field(() => Int, { nullable: true, description: 'PRODUCT: how many (default 1).' })
  quantity?: number | null;

  @Field(() => MoneyInput, { nullable: true, description: 'DISCOUNT: the amount off the next order.' })
  discount?: MoneyInput | null;

  @Field({ defaultValue: true })
  active: boolean;
}
