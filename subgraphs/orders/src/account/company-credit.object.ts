import { Field, ObjectType } from 'type-graphql';
import { MoneyObject } from '@hub/money';
import { CompanyCredit } from './company-credit.service';

@ObjectType('CompanyCredit', { description: "The company's credit as placing an order judges it (the ERP's figures plus orders not yet invoiced)." })
export class CompanyCreditObject {
  @Field(() => MoneyObject, { description: 'The credit limit in the ERP.' })
  limit: MoneyObject;

  @Field(() => MoneyObject, { description: 'What the company owes in the ERP.' })
  balance: MoneyObject;

  @Field(() => MoneyObject, { description: 'Orders placed and not yet invoiced, with tax.' })
  openOrders: MoneyObject;

  @Field(() => MoneyObject, { description: 'limit − balance − openOrders, never below zero: what may be ordered before the credit limit holds an order.' })
  available: MoneyObject;

  @Field({ description: 'True when the next order would be held for credit (the account is blocked in the ERP, or the limit is used up).' })
  blocked: boolean;

  @Field(() => String, { nullable: true, description: "Why, in the hold rules' words." })
  reason: string | null;

  static from(c: CompanyCredit): CompanyCreditObject {
    const m = (d: CompanyCredit['limit']) => MoneyObject.of(d, c.currency);
    return Object.assign(new CompanyCreditObject(), {
      limit: m(c.limit), balance: m(c.balance), openOrders: m(c.openOrders), available: m(c.available), blocked: c.blocked, reason: c.reason,
    });
  }
}
