import { registerEnumType } from 'type-graphql';

/** How an order is paid (F4), chosen per order. */
export enum PaymentMethod {
  /** Paid by card in advance: authorised at order, captured at delivery (the public shop's checkout). */
  PREPAID_CARD = 'PREPAID_CARD',
  /** Paid by bank transfer against the invoice. */
  BANK_TRANSFER = 'BANK_TRANSFER',
  /** Paid to the carrier at delivery (the delivery note's cash-on-delivery amount). */
  CASH_ON_DELIVERY = 'CASH_ON_DELIVERY',
  /** Invoiced with the delivery, on the company's payment terms (what a company order is when none is chosen). */
  INVOICE = 'INVOICE',
  /** Collected on the company's monthly invoice. */
  MONTHLY_INVOICE = 'MONTHLY_INVOICE',
  /** Paid in instalments the ERP schedules. */
  INSTALMENTS = 'INSTALMENTS',
}

registerEnumType(PaymentMethod, { name: 'PaymentMethod', description: 'How an order is paid: PREPAID_CARD (the public shop), or on account: INVOICE (the default), MONTHLY_INVOICE, BANK_TRANSFER, CASH_ON_DELIVERY, INSTALMENTS.' });

/** What a company order may choose in placeOrder: the ways of paying on account (cards are taken in the public shop's checkout and by payInvoice). */
export const ON_ACCOUNT_METHODS: readonly PaymentMethod[] = [PaymentMethod.INVOICE, PaymentMethod.MONTHLY_INVOICE, PaymentMethod.BANK_TRANSFER, PaymentMethod.CASH_ON_DELIVERY, PaymentMethod.INSTALMENTS];
