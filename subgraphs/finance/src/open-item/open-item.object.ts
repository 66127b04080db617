import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { erpEntityId } from '@hub/erp-ids';
import { MoneyObject } from '@hub/money';
import { CompanyReference } from '../company/company-reference.object';
import { OpenItem, OpenItems, OpenItemTotals } from './open-item.service';

export enum OpenItemType {
  INVOICE = 'INVOICE',
  CREDIT_NOTE = 'CREDIT_NOTE',
  PAYMENT_ON_ACCOUNT = 'PAYMENT_ON_ACCOUNT',
}

registerEnumType(OpenItemType, { name: 'OpenItemType' });

@ObjectType('OpenItem', { description: 'A document of the account not yet settled.' })
export class OpenItemObject {
  @Field()
  documentNumber: string;

  @Field(() => OpenItemType)
  documentType: OpenItemType;

  @Field({ description: 'YYYY-MM-DD.' })
  dueDate: string;

  @Field(() => Int, { description: 'Days past the due date; 0 until then.' })
  daysOverdue: number;

  @Field(() => MoneyObject, { description: 'The amount of the document.' })
  amount: MoneyObject;

  @Field(() => MoneyObject, { description: 'What is still open of it.' })
  openAmount: MoneyObject;

  /** The invoice's hub id for INVOICE items (Invoice.id); resolved through the invoice loader with the tenant check. */
  invoiceId: string | null;

  static from(o: OpenItem): OpenItemObject {
    const i = o.item;
    const currency = i.currency.trim();
    return Object.assign(new OpenItemObject(), {
      documentNumber: i.documentNumber, documentType: i.documentType as OpenItemType, dueDate: i.dueDate, daysOverdue: o.daysOverdue,
      amount: MoneyObject.of(i.amount, currency), openAmount: MoneyObject.of(i.openAmount, currency),
      invoiceId: i.documentType === OpenItemType.INVOICE ? erpEntityId('invoice', i.documentNumber) : null,
    });
  }
}

@ObjectType('OpenItemTotals', { description: 'What is open in one currency.' })
export class OpenItemTotalsObject {
  @Field()
  currency: string;

  @Field(() => MoneyObject, { description: 'Everything open.' })
  due: MoneyObject;

  @Field(() => MoneyObject, { description: 'Past the due date.' })
  overdue: MoneyObject;

  @Field(() => MoneyObject, { description: 'Not yet due.' })
  notYetDue: MoneyObject;

  static from(t: OpenItemTotals): OpenItemTotalsObject {
    const c = t.currency.trim();
    return Object.assign(new OpenItemTotalsObject(), { currency: c, due: MoneyObject.of(t.due, c), overdue: MoneyObject.of(t.overdue, c), notYetDue: MoneyObject.of(t.notYetDue, c) });
  }
}

@ObjectType('OpenItems')
export class OpenItemsObject {
  @Field(() => CompanyReference)
  company: CompanyReference;

  @Field({ description: 'The day overdue days are counted to (today, UTC).' })
  asOf: string;

  @Field(() => [OpenItemObject], { description: 'Oldest due date first.' })
  items: OpenItemObject[];

  @Field(() => [OpenItemTotalsObject], { description: 'Per currency.' })
  totals: OpenItemTotalsObject[];

  static from(o: OpenItems): OpenItemsObject {
    return Object.assign(new OpenItemsObject(), { company: CompanyReference.of(o.companyId), asOf: o.asOf, items: o.items.map(OpenItemObject.from), totals: o.totals.map(OpenItemTotalsObject.from) });
  }
}
