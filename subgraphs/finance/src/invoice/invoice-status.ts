import { registerEnumType } from 'type-graphql';

export enum InvoiceStatus {
  OPEN = 'OPEN',
  PAID = 'PAID',
}

registerEnumType(InvoiceStatus, { name: 'InvoiceStatus', description: 'Whether an invoice is still to be paid.' });
