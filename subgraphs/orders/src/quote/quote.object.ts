import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Decimal, DecimalScalar, MoneyObject } from '@hub/money';
import { ProductReference, UserReference } from '../references/reference.objects';
import { TotalsObject } from '../pricing/totals.object';
import { QuoteEntity, QuoteStatus } from './quote.entity';
import { QuoteLineEntity } from './quote-line.entity';
import { isValid } from './quote.service';

@ObjectType('QuoteLine', { description: 'A quoted line, at the price quoted.' })
export class QuoteLineObject {
  @Field(() => Int)
  lineNo: number;

  @Field(() => ProductReference)
  product: ProductReference;

  @Field()
  sku: string;

  @Field(() => DecimalScalar)
  quantity: string;

  @Field(() => MoneyObject)
  unitPrice: MoneyObject;

  @Field(() => MoneyObject)
  lineTotal: MoneyObject;

  static from(line: QuoteLineEntity, currency: string): QuoteLineObject {
    return Object.assign(new QuoteLineObject(), {
      lineNo: line.lineNo, product: ProductReference.of(line.productId), sku: line.sku, quantity: new Decimal(line.quantity).toFixed(),
      unitPrice: MoneyObject.of(line.unitPrice, currency), lineTotal: MoneyObject.of(line.lineTotal, currency),
    });
  }
}

@ObjectType('Quote', { description: 'A quote ("trial order"): exact prices kept until validUntil; order it with placeOrder(input: { quoteId }).' })
export class QuoteObject {
  @Field(() => ID)
  id: string;

  @Field()
  number: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => QuoteStatus)
  status: QuoteStatus;

  @Field({ description: 'The last day the quoted prices hold (YYYY-MM-DD, UTC).' })
  validUntil: string;

  @Field({ description: 'True after validUntil: an order from it gets today\'s prices (see priceChanges).' })
  expired: boolean;

  @Field(() => [QuoteLineObject])
  lines: QuoteLineObject[];

  @Field(() => TotalsObject)
  totals: TotalsObject;

  @Field({ description: 'When its lines were last priced.' })
  pricedAt: Date;

  @Field(() => String, { nullable: true })
  deliveryAddressCode: string | null;

  @Field(() => ID, { nullable: true })
  branchId: string | null;

  @Field(() => String, { nullable: true })
  customerReference: string | null;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => UserReference)
  createdBy: UserReference;

  @Field()
  createdAt: Date;

  entity: QuoteEntity;
  orderId: string | null;

  static from(quote: QuoteEntity): QuoteObject {
    const lines = quote.lines.getItems();
    const net = new Decimal(quote.total);
    const tax = quote.taxTotal === null ? null : new Decimal(quote.taxTotal);
    const totals = TotalsObject.of({ net, tax, gross: tax ? net.plus(tax) : null }, quote.currency, null);
    return Object.assign(new QuoteObject(), {
      id: quote.id, number: quote.number, name: quote.name ?? null, status: quote.status, validUntil: quote.validUntil, expired: !isValid(quote),
      lines: lines.map((l) => QuoteLineObject.from(l, quote.currency)), totals, pricedAt: quote.pricedAt,
      deliveryAddressCode: quote.deliveryAddressCode ?? null, branchId: quote.branchId ?? null, customerReference: quote.customerReference ?? null, notes: quote.notes ?? null,
      createdBy: UserReference.of(quote.createdByUserId), createdAt: quote.createdAt, entity: quote, orderId: quote.orderId ?? null,
    });
  }
}
