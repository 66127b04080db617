import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Decimal, DecimalScalar, MoneyObject } from '@hub/money';
import { CompanyReference, ProductReference } from '../references/reference.objects';
import { OrderLineEntity } from './order-line.entity';
import { OrderEntity } from './order.entity';
import { OrderStatus } from './order-status';

@ObjectType('OrderLine')
export class OrderLineObject {
  @Field(() => Int)
  lineNo: number;

  @Field(() => ProductReference)
  product: ProductReference;

  @Field({ description: 'SKU as ordered.' })
  sku: string;

  @Field(() => DecimalScalar)
  quantity: string;

  @Field(() => MoneyObject)
  unitPrice: MoneyObject;

  @Field(() => MoneyObject)
  lineTotal: MoneyObject;

  static from(line: OrderLineEntity, currency: string): OrderLineObject {
    return Object.assign(new OrderLineObject(), {
      lineNo: line.lineNo,
      product: ProductReference.of(line.productId),
      sku: line.sku,
      quantity: new Decimal(line.quantity).toFixed(),
      unitPrice: MoneyObject.of(line.unitPrice, currency),
      lineTotal: MoneyObject.of(line.lineTotal, currency),
    });
  }
}

@Directive('@key(fields: "id")')
@ObjectType('Order', { description: "A customer's order." })
export class OrderObject {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Order number as printed on documents.' })
  number: string;

  @Field(() => OrderStatus)
  status: OrderStatus;

  @Field()
  placedAt: Date;

  @Field(() => MoneyObject, { description: 'Total before tax.' })
  total: MoneyObject;

  @Field(() => CompanyReference)
  company: CompanyReference;

  currency: string;

  static from(order: OrderEntity): OrderObject {
    return Object.assign(new OrderObject(), {
      id: order.id,
      number: order.number,
      status: order.status,
      placedAt: order.placedAt,
      total: MoneyObject.of(order.total, order.currency),
      company: CompanyReference.of(order.companyId),
      currency: order.currency,
    });
  }
}
