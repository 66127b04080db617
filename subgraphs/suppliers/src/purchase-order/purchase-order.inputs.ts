import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar } from '@hub/money';

@InputType('PurchaseOrderLineInput')
export class PurchaseOrderLineInput {
  @Field(() => ID)
  productId: string;

  @Field(() => DecimalScalar)
  quantity: string;

  @Field(() => DecimalScalar, { description: 'Per unit, at most 4 decimals.' })
  unitPrice: string;

  @Field({ description: 'YYYY-MM-DD, today or later.' })
  deliveryDate: string;
}

@InputType('CreatePurchaseOrderInput')
export class CreatePurchaseOrderInput {
  @Field(() => ID)
  supplierId: string;

  @Field({ defaultValue: 'EUR' })
  currency: string;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => [PurchaseOrderLineInput])
  lines: PurchaseOrderLineInput[];
}

@InputType('PurchaseOrderChangeInput', { description: 'What the supplier proposes for a line; fields left out stay as ordered.' })
export class PurchaseOrderChangeInput {
  @Field(() => DecimalScalar, { nullable: true })
  quantity?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  unitPrice?: string | null;

  @Field(() => String, { nullable: true })
  deliveryDate?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
