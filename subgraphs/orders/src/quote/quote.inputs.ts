import { Field, ID, InputType } from 'type-graphql';
import Decimal from 'decimal.js';
import { DecimalScalar } from '@hub/money';

@InputType('SaveQuoteInput')
export class SaveQuoteInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'The last day the prices hold (YYYY-MM-DD); default: 30 days from today, at most 365.' })
  validUntil?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Empty the basket once it is saved (default: keep it).' })
  clearBasket?: boolean | null;
}

@InputType('QuoteLineInput')
export class QuoteLineInput {
  @Field(() => String, { nullable: true })
  sku?: string | null;

  @Field(() => ID, { nullable: true })
  productId?: string | null;

  @Field(() => DecimalScalar)
  quantity: Decimal;
}

@InputType('UpdateQuoteInput', { description: 'A field left out stays; new lines or validity price the quote anew at today\'s prices.' })
export class UpdateQuoteInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  validUntil?: string | null;

  @Field(() => [QuoteLineInput], { nullable: true, description: 'Replaces every line.' })
  lines?: QuoteLineInput[] | null;

  @Field(() => String, { nullable: true })
  deliveryAddressCode?: string | null;

  @Field(() => ID, { nullable: true })
  branchId?: string | null;

  @Field(() => String, { nullable: true })
  customerReference?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}
