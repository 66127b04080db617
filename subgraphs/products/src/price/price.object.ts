import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar, formatAmount, MoneyObject } from '@hub/money';
import { PriceSourceKind, ResolvedPrice } from './price-rules';

export const PriceSourceEnum = { LIST: 'LIST', GROUP: 'GROUP', CUSTOMER: 'CUSTOMER', PROMOTION: 'PROMOTION' } as const;
registerEnumType(PriceSourceEnum, { name: 'PriceSource', description: 'Which ERP price rule a price comes from.' });

@ObjectType('Price', { description: "A unit price for the signed-in company with where it comes from (see Product.price's rules)." })
export class PriceObject {
  @Field(() => Int)
  quantity: number;

  @Field(() => MoneyObject, { description: 'The unit price at this quantity, in the company currency.' })
  unitPrice: MoneyObject;

  @Field(() => MoneyObject, { description: 'The list price (quantity 1, no promotion), in the same currency.' })
  listPrice: MoneyObject;

  @Field(() => PriceSourceEnum)
  source: PriceSourceKind;

  @Field(() => MoneyObject, { description: "The ERP rule's own price, before conversion." })
  basePrice: MoneyObject;

  @Field(() => DecimalScalar, { nullable: true, description: 'The ERP exchange rate used: 1 basePrice currency = rate unitPrice currency; null without conversion.' })
  rate: string | null;

  @Field(() => String, { nullable: true, description: 'The day the rate is valid for (YYYY-MM-DD).' })
  rateDate: string | null;

  @Field(() => DecimalScalar, { description: 'The quantity break this price applies from.' })
  minQuantity: string;

  @Field(() => String, { nullable: true, description: 'Last day of validity (promotions, dated prices).' })
  validTo: string | null;

  static from(quantity: number, p: ResolvedPrice): PriceObject {
    return Object.assign(new PriceObject(), {
      quantity,
      unitPrice: MoneyObject.of(p.amount, p.currency),
      listPrice: MoneyObject.of(p.listPrice, p.currency),
      source: p.source,
      basePrice: MoneyObject.of(p.baseAmount, p.baseCurrency),
      rate: p.rate ? p.rate.toDecimalPlaces(8).toFixed() : null,
      rateDate: p.rateDate,
      minQuantity: p.minQuantity.toFixed(),
      validTo: p.validTo,
    });
  }
}

export { formatAmount };
