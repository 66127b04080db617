import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '@hub/money';
import Decimal from 'decimal.js';
import { InvoiceStatus } from './invoice-status';

export enum InvoiceSortField {
  NUMBER = 'NUMBER',
  ISSUED_AT = 'ISSUED_AT',
  DUE_AT = 'DUE_AT',
  TOTAL = 'TOTAL',
}

registerEnumType(InvoiceSortField, { name: 'InvoiceSortField', description: 'NUMBER, ISSUED_AT (the default), DUE_AT or TOTAL (the amount with taxes).' });

/** The same two values as the catalogue's SortDirection (federation merges the enum). */
export const SortDirectionEnum = { ASC: 'ASC', DESC: 'DESC' } as const;
export type SortDirection = keyof typeof SortDirectionEnum;
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });

@InputType('InvoiceSort')
export class InvoiceSortInput {
  @Field(() => InvoiceSortField, { defaultValue: InvoiceSortField.ISSUED_AT })
  field: InvoiceSortField;

  @Field(() => SortDirectionEnum, { defaultValue: 'DESC' })
  direction: SortDirection;
}

@InputType('InvoiceFilter', { description: 'Every field given must hold.' })
export class InvoiceFilterInput {
  @Field(() => String, { nullable: true, description: 'Issued on or after this day (YYYY-MM-DD, UTC).' })
  issuedFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Issued on or before this day (YYYY-MM-DD, UTC).' })
  issuedTo?: string | null;

  @Field(() => InvoiceStatus, { nullable: true })
  status?: InvoiceStatus | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Total (with taxes) at least this.' })
  minTotal?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Total (with taxes) at most this.' })
  maxTotal?: Decimal | null;

  @Field(() => ID, { nullable: true, description: 'Invoices of this order.' })
  orderId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Staff: one company (customers always see their own).' })
  companyId?: string | null;
}
