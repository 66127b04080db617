import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('DrawdownLineInput')
export class DrawdownLineInput {
  @Field(() => Int, { description: "The blanket order's line." })
  lineNo: number;

  @Field(() => Int)
  quantity: number;
}

@InputType('DrawDownBlanketOrderInput', { description: 'An order against a blanket order: its agreed prices, never more than remains (of the line, and of the shop\'s share).' })
export class DrawDownBlanketOrderInput {
  @Field({ description: 'Chosen by the client; the same key again returns the same order (other content with it: CONFLICT).' })
  idempotencyKey: string;

  @Field(() => ID)
  blanketOrderId: string;

  @Field(() => [DrawdownLineInput])
  lines: DrawdownLineInput[];

  @Field(() => String, { nullable: true, description: "The shop the goods go to: one of the company's ERP delivery addresses (required where a line is split per shop)." })
  deliveryAddressCode?: string | null;

  @Field(() => ID, { nullable: true, description: "The company's branch (the shop) the order is for." })
  branchId?: string | null;

  @Field(() => String, { nullable: true })
  customerReference?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}
