import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, MoneyObject } from '@hub/money';
import { erpEntityId } from '@hub/erp-ids';
import { ProductReference } from '../references/reference.objects';
import { BlanketOrderEntity } from './blanket-order.entity';
import { RemainingLine, RemainingShop } from './blanket-order.remaining';

@ObjectType('BlanketOrderShop', { description: "A shop's share of a line (a multi-shop retailer): one of the company's delivery addresses." })
export class BlanketOrderShopObject {
  @Field({ description: 'The delivery address code of the shop.' })
  deliveryAddressCode: string;

  @Field(() => DecimalScalar)
  quantity: string;

  @Field(() => DecimalScalar, { description: 'Drawn so far: counted by the ERP, and the web drawdowns on their way to it.' })
  drawnQuantity: string;

  @Field(() => DecimalScalar)
  remainingQuantity: string;

  static from(s: RemainingShop): BlanketOrderShopObject {
    return Object.assign(new BlanketOrderShopObject(), { deliveryAddressCode: s.deliveryAddressCode, quantity: s.quantity.toFixed(), drawnQuantity: s.drawn.toFixed(), remainingQuantity: s.remaining.toFixed() });
  }
}

@ObjectType('BlanketOrderLine')
export class BlanketOrderLineObject {
  @Field(() => Int)
  lineNo: number;

  @Field()
  sku: string;

  @Field(() => ProductReference)
  product: ProductReference;

  @Field(() => DecimalScalar, { description: 'Agreed for the whole validity.' })
  quantity: string;

  @Field(() => MoneyObject, { description: 'The agreed unit price, before tax.' })
  unitPrice: MoneyObject;

  @Field(() => DecimalScalar, { description: 'Drawn so far: counted by the ERP, and the web drawdowns on their way to it.' })
  drawnQuantity: string;

  @Field(() => DecimalScalar)
  remainingQuantity: string;

  @Field(() => [BlanketOrderShopObject], { nullable: true, description: 'Split per shop: each shop draws only its share; null: any delivery address draws on the line.' })
  shops: BlanketOrderShopObject[] | null;

  static from(r: RemainingLine, currency: string): BlanketOrderLineObject {
    return Object.assign(new BlanketOrderLineObject(), {
      lineNo: r.line.lineNo, sku: r.line.sku, product: ProductReference.of(erpEntityId('product', r.line.sku)), quantity: r.line.quantity, unitPrice: MoneyObject.of(r.line.unitPrice, currency),
      drawnQuantity: r.drawn.toFixed(), remainingQuantity: r.remaining.toFixed(), shops: r.shops ? r.shops.map(BlanketOrderShopObject.from) : null,
    });
  }
}

@ObjectType('BlanketOrder', { description: "A blanket (indent) order from the ERP: quantities agreed at fixed prices for a period, drawn down by orders (drawDownBlanketOrder)." })
export class BlanketOrderObject {
  @Field(() => ID)
  id: string;

  @Field({ description: "The ERP's number." })
  number: string;

  @Field()
  currency: string;

  @Field({ description: 'First day orders may draw on it (YYYY-MM-DD).' })
  validFrom: string;

  @Field({ description: 'Last day (YYYY-MM-DD).' })
  validTo: string;

  @Field({ description: 'OPEN, CLOSED (in the ERP), or EXPIRED (past validTo).' })
  status: string;

  @Field(() => [BlanketOrderLineObject])
  lines: BlanketOrderLineObject[];

  static from(b: BlanketOrderEntity, remaining: RemainingLine[], today: string): BlanketOrderObject {
    return Object.assign(new BlanketOrderObject(), {
      id: b.id, number: b.number, currency: b.currency, validFrom: b.validFrom, validTo: b.validTo,
      status: b.status === 'OPEN' && today > b.validTo ? 'EXPIRED' : b.status, lines: remaining.map((r) => BlanketOrderLineObject.from(r, b.currency)),
    });
  }
}
