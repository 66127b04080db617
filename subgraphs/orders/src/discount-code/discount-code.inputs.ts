import { Field, ID, InputType, Int } from 'type-graphql';
import Decimal from 'decimal.js';
import { DecimalScalar } from '@hub/money';
import { MoneyInput } from '../hold/hold-rule.inputs';
import { DiscountKind } from './discount-code.entity';

@InputType('GenerateDiscountCodesInput', { description: 'A batch of random, unique codes with the same terms.' })
export class GenerateDiscountCodesInput {
  @Field({ description: "Staff's name for the batch (1 to 100 characters)." })
  label: string;

  @Field(() => Int, { description: 'How many codes (1 to 1,000).' })
  count: number;

  @Field(() => String, { nullable: true, description: 'Letters and digits put before each code (at most 12), e.g. SPRING.' })
  prefix?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this company may use the codes; null: public (every customer).' })
  companyId?: string | null;

  @Field(() => DiscountKind)
  kind: DiscountKind;

  @Field(() => DecimalScalar, { nullable: true, description: 'PERCENT: the share off the order value before tax (above 0, at most 100).' })
  percent?: Decimal | null;

  @Field(() => MoneyInput, { nullable: true, description: 'AMOUNT: the amount off (orders in its currency only).' })
  amount?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Orders need at least this value before tax (in its currency).' })
  minOrderValue?: MoneyInput | null;

  @Field(() => Int, { defaultValue: 1, description: 'How many orders may use each code (1: single-use; at most 100,000).' })
  maxUses: number;

  @Field(() => Date, { nullable: true })
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true })
  validTo?: Date | null;
}

@InputType('DiscountCodeFilter')
export class DiscountCodeFilterInput {
  @Field(() => ID, { nullable: true })
  batchId?: string | null;

  @Field(() => ID, { nullable: true })
  companyId?: string | null;
}
