import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { MoneyObject } from '@hub/money';
import { CompanyReference } from '../company/company-reference.object';
import { OrderReference } from '../order/order-reference.object';
import { InvoiceEntity } from './invoice.entity';
import { InvoiceStatus } from './invoice-status';

@Directive('@key(fields: "id")')
@ObjectType('Invoice', { description: 'An invoice issued to a customer company.' })
export class InvoiceObject {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Invoice number in the ERP.' })
  number: string;

  @Field(() => Date)
  issuedAt: Date;

  @Field(() => Date)
  dueAt: Date;

  @Field(() => InvoiceStatus)
  status: InvoiceStatus;

  @Field(() => MoneyObject, { description: 'The amount due, taxes included.' })
  total: MoneyObject;

  @Field(() => CompanyReference, { description: 'The company the invoice is addressed to.' })
  company: CompanyReference;

  @Field(() => OrderReference, { nullable: true, description: 'The order the invoice bills, if any.' })
  order: OrderReference | null;

  @Field({ description: 'The ERP signed it digitally: its PDF (pdfUrl) is the signed original, byte for byte, never stamped.' })
  digitallySigned: boolean;

  static from(entity: InvoiceEntity): InvoiceObject {
    return Object.assign(new InvoiceObject(), {
      id: entity.id,
      number: entity.number,
      issuedAt: entity.issuedAt,
      dueAt: entity.dueAt,
      status: entity.status,
      total: MoneyObject.of(entity.total, entity.currency),
      company: CompanyReference.of(entity.companyId),
      order: entity.orderId ? OrderReference.of(entity.orderId) : null,
      digitallySigned: entity.digitallySigned,
    });
  }
}
