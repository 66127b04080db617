import Decimal from 'decimal.js';
import { Directive, Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from './decimal.scalar';
import { minorUnits } from './money';

/** At least the currency's minor units ("12.50 EUR"), more when a unit price carries them ("0.0125"). */
export function formatAmount(amount: Decimal, currency: string): string {
  const places = Math.max(minorUnits(currency), amount.decimalPlaces());
  return amount.toFixed(places);
}

/** An amount with its currency. Shared by every subgraph that shows money. */
@Directive('@shareable')
@ObjectType('Money', { description: 'An exact amount in a currency.' })
export class MoneyObject {
  @Field(() => DecimalScalar)
  amount: string;

  @Field({ description: 'ISO 4217 currency code.' })
  currency: string;

  static of(amount: Decimal.Value, currency: string): MoneyObject {
    const money = new MoneyObject();
    money.amount = formatAmount(new Decimal(amount), currency);
    money.currency = currency;
    return money;
  }
}
