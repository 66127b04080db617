import { Field, ID, InputType } from 'type-graphql';
import Decimal from 'decimal.js';
import { DecimalScalar } from '@hub/money';

@InputType('AddToBasketInput', { description: 'One product by sku or productId; adding it again adds to its quantity.' })
export class AddToBasketInput {
  @Field(() => String, { nullable: true })
  sku?: string | null;

  @Field(() => ID, { nullable: true })
  productId?: string | null;

  @Field(() => DecimalScalar, { description: 'In sales units: whole, above zero, at least the product\'s minOrderQuantity.' })
  quantity: Decimal;
}

@InputType('BasketBulkLineInput')
export class BasketBulkLineInput {
  @Field()
  sku: string;

  @Field(() => DecimalScalar)
  quantity: Decimal;
}

@InputType('UpdateBasketLineInput')
export class UpdateBasketLineInput {
  @Field(() => ID)
  productId: string;

  @Field(() => DecimalScalar, { description: 'The new quantity (to remove the line: removeBasketLine).' })
  quantity: Decimal;
}

@InputType('BasketDetailsInput', { description: 'A field left out keeps its value; null clears it.' })
export class BasketDetailsInput {
  @Field(() => String, { nullable: true, description: "One of the company's ERP delivery addresses (its code)." })
  deliveryAddressCode?: string | null;

  @Field(() => ID, { nullable: true, description: "One of the company's branches." })
  branchId?: string | null;

  @Field(() => String, { nullable: true })
  customerReference?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}
