import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyObject } from '@hub/money';
import { CompanyReference } from '../company/company-reference.object';
import { MovementKind, StatementAccount, StatementLine } from './statement.ledger';
import { Statement } from './statement.service';

export const MovementKindEnum: Record<MovementKind, MovementKind> = { INVOICE: 'INVOICE', CREDIT_NOTE: 'CREDIT_NOTE', PAYMENT: 'PAYMENT' };
registerEnumType(MovementKindEnum, { name: 'StatementMovementKind', description: 'INVOICE adds to what the company owes; CREDIT_NOTE and PAYMENT take from it.' });

@ObjectType('StatementMovement')
export class StatementMovementObject {
  @Field(() => Date)
  date: Date;

  @Field(() => MovementKindEnum)
  kind: MovementKind;

  @Field({ description: 'The invoice, credit note or payment number in the ERP.' })
  documentNumber: string;

  @Field(() => String, { nullable: true, description: 'The invoice a credit note corrects or a payment pays.' })
  invoiceNumber: string | null;

  @Field(() => MoneyObject, { description: 'Signed: positive for invoices, negative for credit notes and payments.' })
  amount: MoneyObject;

  @Field(() => MoneyObject, { description: 'The balance after this movement.' })
  balance: MoneyObject;

  static from(line: StatementLine): StatementMovementObject {
    return Object.assign(new StatementMovementObject(), {
      date: line.at, kind: line.kind, documentNumber: line.documentNumber, invoiceNumber: line.invoiceNumber,
      amount: MoneyObject.of(line.amount, line.currency), balance: MoneyObject.of(line.balance, line.currency),
    });
  }
}

@ObjectType('StatementAccount', { description: "The statement in one currency (a company trading in several has one per currency)." })
export class StatementAccountObject {
  @Field()
  currency: string;

  @Field(() => MoneyObject, { description: 'What the company owed at the start of the period.' })
  openingBalance: MoneyObject;

  @Field(() => [StatementMovementObject], { description: 'Every movement of the period, oldest first, with the running balance.' })
  movements: StatementMovementObject[];

  @Field(() => MoneyObject, { description: 'The invoices of the period.' })
  debits: MoneyObject;

  @Field(() => MoneyObject, { description: 'The credit notes and payments of the period.' })
  credits: MoneyObject;

  @Field(() => MoneyObject, { description: 'What the company owed at the end of the period: opening + debits − credits.' })
  closingBalance: MoneyObject;

  static from(a: StatementAccount): StatementAccountObject {
    return Object.assign(new StatementAccountObject(), {
      currency: a.currency, openingBalance: MoneyObject.of(a.opening, a.currency), movements: a.lines.map(StatementMovementObject.from),
      debits: MoneyObject.of(a.debits, a.currency), credits: MoneyObject.of(a.credits, a.currency), closingBalance: MoneyObject.of(a.closing, a.currency),
    });
  }
}

@ObjectType('Statement', { description: "A company's account statement for a period." })
export class StatementObject {
  @Field(() => CompanyReference)
  company: CompanyReference;

  @Field({ description: 'First day (YYYY-MM-DD, UTC).' })
  from: string;

  @Field({ description: 'Last day, included.' })
  to: string;

  @Field(() => [StatementAccountObject])
  accounts: StatementAccountObject[];

  static from(s: Statement): StatementObject {
    return Object.assign(new StatementObject(), { company: CompanyReference.of(s.companyId), from: s.from, to: s.to, accounts: s.accounts.map(StatementAccountObject.from) });
  }
}
