import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { canSeeCompany } from '@hub/auth';
import { DecimalScalar } from '@hub/money';
import Decimal from 'decimal.js';
import { FinanceContext } from '../context';
import { OrderReference } from '../order/order-reference.object';
import { CardInputObject, PayInvoiceInput } from './payment.inputs';
import { CardPaymentObject } from './payment.object';

/** Card payments: thin resolvers over PaymentService, which holds the rules and the permission checks. */
@Resolver(() => CardPaymentObject)
export class CardPaymentResolver {
  @Query(() => [CardPaymentObject], { description: "Your company's card payments, newest first. Needs payments.make." })
  async cardPayments(@Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null, @Ctx() ctx: FinanceContext): Promise<CardPaymentObject[]> {
    return (await ctx.services.payments.payments(first)).map(CardPaymentObject.from);
  }

  @Query(() => CardPaymentObject, { description: 'One of your company\'s card payments. Needs payments.make.' })
  async cardPayment(@Arg('id', () => ID) id: string, @Ctx() ctx: FinanceContext): Promise<CardPaymentObject> {
    return CardPaymentObject.from(await ctx.services.payments.payment(id));
  }

  @Mutation(() => CardPaymentObject, { description: 'Pays an open invoice of your company by card (captured at once); the ERP books the payment exactly once. Needs payments.make.' })
  async payInvoice(@Arg('input', () => PayInvoiceInput) input: PayInvoiceInput, @Ctx() ctx: FinanceContext): Promise<CardPaymentObject> {
    return CardPaymentObject.from(await ctx.services.payments.payInvoice({ ...input, amount: input.amount ? input.amount.toFixed() : null }));
  }

  @Mutation(() => CardPaymentObject, { description: 'After the 3-D Secure step: the payment as the provider has it now. Needs payments.make.' })
  async confirmPayment(@Arg('id', () => ID) id: string, @Ctx() ctx: FinanceContext): Promise<CardPaymentObject> {
    return CardPaymentObject.from(await ctx.services.payments.confirmPayment(id));
  }

  @Mutation(() => CardPaymentObject, { description: 'Staff (staff.orders) refund a captured card payment, wholly or partly; the same idempotencyKey refunds once.' })
  async refundCardPayment(
    @Arg('id', () => ID) id: string,
    @Arg('amount', () => DecimalScalar, { nullable: true, description: 'Left out: all that is left.' }) amount: Decimal | null,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() ctx: FinanceContext,
  ): Promise<CardPaymentObject> {
    return CardPaymentObject.from(await ctx.services.payments.refund(id, amount ? amount.toFixed() : null, idempotencyKey));
  }

  @Mutation(() => CardPaymentObject, {
    description: "Authorises a card for an order (captured when it is delivered), for the amount in the order's signed payment request (the shop's checkout issues it). PAYMENT_DECLINED when the card is declined.",
  })
  async authorizeOrderPayment(
    @Arg('request', { description: 'The signed payment request of the order.' }) request: string,
    @Arg('card', () => CardInputObject) card: CardInputObject,
    @Arg('returnUrl', () => String, { nullable: true }) returnUrl: string | null,
    @Ctx() ctx: FinanceContext,
  ): Promise<CardPaymentObject> {
    return CardPaymentObject.from(await ctx.services.payments.authorizeOrderPayment({ request, card, returnUrl }));
  }

  @Query(() => CardPaymentObject, { description: "An order's card payment as the provider has it now, for the holder of the order's signed payment request." })
  async orderPayment(@Arg('request') request: string, @Ctx() ctx: FinanceContext): Promise<CardPaymentObject> {
    return CardPaymentObject.from(await ctx.services.payments.orderPayment(request));
  }
}

/** Nullable: an order paid otherwise has none; another company's is never shown. */
@Resolver(() => OrderReference)
export class OrderPaymentResolver {
  @FieldResolver(() => CardPaymentObject, { nullable: true, description: "The order's card payment (authorised at order, captured at delivery), if it is paid by card." })
  async cardPayment(@Root() order: OrderReference, @Ctx() ctx: FinanceContext): Promise<CardPaymentObject | null> {
    const payment = await ctx.services.payments.ofOrder(order.id);
    return payment && payment.companyId && canSeeCompany(ctx.viewer, payment.companyId) ? CardPaymentObject.from(payment) : null;
  }
}
