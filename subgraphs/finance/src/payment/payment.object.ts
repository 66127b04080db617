import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyObject } from '@hub/money';
import { CardPaymentEntity } from './card-payment.entity';
import { PaymentPurpose, PaymentStatus } from './payment-status';

registerEnumType(PaymentStatus, { name: 'PaymentStatus', description: 'Where a card payment stands with the payment provider.' });
registerEnumType(PaymentPurpose, { name: 'PaymentPurpose' });

@ObjectType('CardPayment', { description: 'A card payment through the payment provider: an open invoice paid online, or an order\'s card (authorised at order, captured at delivery).' })
export class CardPaymentObject {
  @Field(() => ID)
  id: string;

  @Field(() => PaymentPurpose)
  purpose: PaymentPurpose;

  @Field(() => PaymentStatus)
  status: PaymentStatus;

  @Field(() => MoneyObject)
  amount: MoneyObject;

  @Field(() => MoneyObject, { nullable: true, description: 'What was captured (CAPTURED, REFUNDED).' })
  captured: MoneyObject | null;

  @Field(() => MoneyObject)
  refunded: MoneyObject;

  @Field(() => String, { nullable: true })
  invoiceNumber: string | null;

  @Field(() => ID, { nullable: true })
  orderId: string | null;

  @Field(() => String, { nullable: true, description: 'The last four digits of the card.' })
  cardLast4: string | null;

  @Field(() => String, { nullable: true })
  cardBrand: string | null;

  @Field(() => String, { nullable: true, description: 'REQUIRES_ACTION: where the payer completes 3-D Secure, then calls confirmPayment (or the shop\'s confirm).' })
  redirectUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was declined, or what holds it.' })
  failureReason: string | null;

  @Field(() => String, { nullable: true, description: "The ERP's payment number, once the ERP booked an invoice payment." })
  erpPaymentNumber: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  capturedAt: Date | null;

  static from(p: CardPaymentEntity): CardPaymentObject {
    return Object.assign(new CardPaymentObject(), {
      id: p.id, purpose: p.purpose, status: p.status, amount: MoneyObject.of(p.amount, p.currency), captured: p.capturedAmount === null ? null : MoneyObject.of(p.capturedAmount, p.currency),
      refunded: MoneyObject.of(p.refundedAmount, p.currency), invoiceNumber: p.invoiceNumber, orderId: p.orderId, cardLast4: p.cardLast4, cardBrand: p.cardBrand,
      redirectUrl: p.redirectUrl, failureReason: p.failureReason, erpPaymentNumber: p.erpPaymentNumber, createdAt: p.createdAt, capturedAt: p.capturedAt,
    });
  }
}
