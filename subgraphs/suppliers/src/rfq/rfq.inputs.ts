import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '@hub/money';

@InputType('RfqLineInput')
export class RfqLineInput {
  @Field(() => ID)
  productId: string;

  @Field(() => DecimalScalar)
  quantity: string;
}

@InputType('CreateRfqInput')
export class CreateRfqInput {
  @Field()
  title: string;

  @Field({ description: 'YYYY-MM-DD, today or later.' })
  deliveryDate: string;

  @Field({ description: 'In the future, before the delivery date.' })
  deadline: Date;

  @Field({ defaultValue: 'EUR' })
  currency: string;

  @Field(() => [ID])
  supplierIds: string[];

  @Field(() => [RfqLineInput])
  lines: RfqLineInput[];
}

@InputType('RfqAnswerInput')
export class RfqAnswerInput {
  @Field(() => Int)
  lineNo: number;

  @Field(() => DecimalScalar, { description: 'Per unit, in the RFQ currency (at most 4 decimals).' })
  unitPrice: string;

  @Field(() => Int)
  leadTimeDays: number;

  @Field(() => String, { nullable: true, description: 'Delivery terms, minimum quantities, validity.' })
  conditions?: string | null;
}

@InputType('RfqChoiceInput', { description: 'The supplier whose answer a line is ordered from.' })
export class RfqChoiceInput {
  @Field(() => Int)
  lineNo: number;

  @Field(() => ID)
  supplierId: string;
}
