import { Field, ID, InputType, Int } from 'type-graphql';
import { badUserInput } from '@hub/errors';
import { isUuid } from '@hub/subgraph-kit';

@InputType('OrderLineInput')
export class OrderLineInput {
  @Field(() => ID)
  productId: string;

  @Field(() => Int)
  quantity: number;
}

@InputType('PlaceOrderInput')
export class PlaceOrderInput {
  @Field({ description: 'Chosen by the client; sending the same key again returns the same order instead of a second one.' })
  idempotencyKey: string;

  @Field(() => [OrderLineInput])
  lines: OrderLineInput[];

  @Field(() => String, { nullable: true, description: "The customer's own reference (PO number)." })
  customerReference?: string | null;
}

export const MAX_ORDER_LINES = 200;

/** Checks an order before anything is priced or written. */
export function validatePlaceOrder(input: PlaceOrderInput): void {
  if (!/^[A-Za-z0-9_-]{8,128}$/.test(input.idempotencyKey)) {
    throw badUserInput('idempotencyKey must be 8 to 128 letters, digits, "-" or "_".', 'idempotencyKey');
  }
  if (input.lines.length === 0 || input.lines.length > MAX_ORDER_LINES) {
    throw badUserInput(`An order has 1 to ${MAX_ORDER_LINES} lines.`, 'lines');
  }
  const seen = new Set<string>();
  input.lines.forEach((line, i) => {
    if (!isUuid(line.productId)) throw badUserInput('productId must be a UUID.', `lines.${i}.productId`);
    if (seen.has(line.productId)) throw badUserInput('Each product may appear on one line only.', `lines.${i}.productId`);
    seen.add(line.productId);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > 100_000) {
      throw badUserInput('quantity must be a whole number from 1 to 100,000.', `lines.${i}.quantity`);
    }
  });
  if (input.customerReference && input.customerReference.length > 100) throw badUserInput('customerReference is at most 100 characters.', 'customerReference');
}

/** Two submissions are the same order when they have the same lines (order of lines ignored). */
export function sameLines(a: Array<{ productId: string; quantity: number }>, b: Array<{ productId: string; quantity: number }>): boolean {
  const key = (lines: Array<{ productId: string; quantity: number }>) => lines.map((l) => `${l.productId}:${l.quantity}`).sort().join(',');
  return key(a) === key(b);
}
