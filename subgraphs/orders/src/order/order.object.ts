import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Decimal, DecimalScalar, MoneyObject } from '@hub/money';
import { CompanyReference, ProductReference, UserReference } from '../references/reference.objects';
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

  @Field(() => UserReference, { nullable: true, description: 'The user who placed the order on the web; null for orders entered in the ERP (or a user you may not see).' })
  placedBy: UserReference | null;

  @Field({ description: "True when the distributor's staff placed the order while signed in as placedBy." })
  placedOnBehalf: boolean;

  /** The staff user behind placedOnBehalf (OrderResolver.placedOnBehalfBy shows it to staff only). */
  placedByActorId: string | null;

  currency: string;

  static from(order: OrderEntity): OrderObject {
    return Object.assign(new OrderObject(), {
      id: order.id,
      number: order.number,
      status: order.status,
      placedAt: order.placedAt,
      total: MoneyObject.of(order.total, order.currency),
      company: CompanyReference.of(order.companyId),
      placedBy: order.placedByUserId ? UserReference.of(order.placedByUserId) : null,
      placedOnBehalf: order.placedByActorId !== null,
      placedByActorId: order.placedByActorId,
      currency: order.currency,
    });
  }
}
