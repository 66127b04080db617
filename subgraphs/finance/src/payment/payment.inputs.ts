import { Field, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '@hub/money';
import Decimal from 'decimal.js';

@InputType('CardInput', { description: 'A payment card (passed straight to the payment provider; the hub keeps only its last four digits).' })
export class CardInputObject {
  @Field()
  number: string;

  @Field(() => Int)
  expMonth: number;

  @Field(() => Int)
  expYear: number;

  @Field()
  cvc: string;
}

@InputType('PayInvoiceInput', { description: 'An open invoice to pay by card.' })
export class PayInvoiceInput {
  @Field()
  invoiceNumber: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Part of what is open; left out: all of it.' })
  amount?: Decimal | null;

  @Field(() => CardInputObject)
  card: CardInputObject;

  @Field(() => String, { nullable: true, description: 'Where the payer comes back to after a 3-D Secure step.' })
  returnUrl?: string | null;

  @Field({ description: 'The same key returns the same payment (a retry after a timeout pays once).' })
  idempotencyKey: string;
}
