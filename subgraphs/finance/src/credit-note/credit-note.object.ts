import { Field, ObjectType } from 'type-graphql';
import { MoneyObject } from '@hub/money';
import { CompanyReference } from '../company/company-reference.object';
import { CreditNoteEntity } from './credit-note.entity';

@ObjectType('CreditNote', { description: 'A credit note the ERP issued to a customer company: an amount that reduces what it owes.' })
export class CreditNoteObject {
  @Field({ description: 'Credit note number in the ERP (its identity).' })
  number: string;

  @Field(() => Date)
  issuedAt: Date;

  @Field(() => String, { nullable: true, description: 'The number of the invoice it corrects, if any.' })
  invoiceNumber: string | null;

  @Field(() => MoneyObject, { description: 'Net amount credited.' })
  netTotal: MoneyObject;

  @Field(() => MoneyObject, { description: 'Tax credited.' })
  taxTotal: MoneyObject;

  @Field(() => MoneyObject, { description: 'Amount credited, taxes included.' })
  total: MoneyObject;

  @Field(() => CompanyReference)
  company: CompanyReference;

  static from(entity: CreditNoteEntity): CreditNoteObject {
    return Object.assign(new CreditNoteObject(), {
      number: entity.number,
      issuedAt: entity.issuedAt,
      invoiceNumber: entity.invoiceNumber,
      netTotal: MoneyObject.of(entity.netTotal, entity.currency),
      taxTotal: MoneyObject.of(entity.taxTotal, entity.currency),
      total: MoneyObject.of(entity.total, entity.currency),
      company: CompanyReference.of(entity.companyId),
    });
  }
}
