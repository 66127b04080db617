import { Field, ObjectType } from 'type-graphql';
import { Decimal, DecimalScalar, MoneyObject } from '@hub/money';
import { Totals } from './line-rules';

@ObjectType('OrderTotals', { description: 'Totals of a basket, quote or order: before tax, and with tax when the ERP gives the company a tax rate.' })
export class TotalsObject {
  @Field(() => MoneyObject, { description: 'Before tax: the sum of the line totals.' })
  net: MoneyObject;

  @Field(() => MoneyObject, { nullable: true, description: 'Tax at the company\'s ERP rate; null when the ERP gives none.' })
  tax: MoneyObject | null;

  @Field(() => MoneyObject, { nullable: true, description: 'With tax; null when the ERP gives no rate.' })
  gross: MoneyObject | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The tax rate applied, in percent.' })
  taxRatePercent: string | null;

  static of(totals: Totals, currency: string, taxRatePercent: Decimal.Value | null): TotalsObject {
    return Object.assign(new TotalsObject(), {
      net: MoneyObject.of(totals.net, currency),
      tax: totals.tax ? MoneyObject.of(totals.tax, currency) : null,
      gross: totals.gross ? MoneyObject.of(totals.gross, currency) : null,
      taxRatePercent: taxRatePercent === null ? null : new Decimal(taxRatePercent).toFixed(),
    });
  }
}
