import { Field, ID, InputType } from 'type-graphql';
import Decimal from 'decimal.js';
import { DecimalScalar } from '@hub/money';

@InputType('ConfiguredOptionInput', { description: 'One chosen option of a configurable product: its code and value (see configureProduct).' })
export class ConfiguredOptionInput {
  @Field()
  code: string;

  @Field()
  value: string;
}

@InputType('AddConfiguredToBasketInput', { description: 'A configurable product built to these options.' })
export class AddConfiguredToBasketInput {
  @Field(() => ID)
  productId: string;

  @Field(() => [ConfiguredOptionInput])
  options: ConfiguredOptionInput[];

  @Field(() => DecimalScalar, { description: 'In sales units: whole, above zero.' })
  quantity: Decimal;
}
