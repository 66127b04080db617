import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ProductEntity } from './product.entity';
import { ProductObject } from './product.object';
import { Orderable, OrderableStatus } from './product.service';

const STATUSES: Record<OrderableStatus, OrderableStatus> = { AVAILABLE: 'AVAILABLE', NOT_SOLD_TO_YOU: 'NOT_SOLD_TO_YOU', DISCONTINUED: 'DISCONTINUED', UNKNOWN: 'UNKNOWN' };
registerEnumType(STATUSES, {
  name: 'OrderableStatus',
  description: 'AVAILABLE: you can order it; NOT_SOLD_TO_YOU: outside your web assortment; DISCONTINUED: no longer sold; UNKNOWN: no such product.',
});

@InputType('OrderableLineInput', { description: 'A product by sku or productId, at a quantity.' })
export class OrderableLineInput {
  @Field(() => String, { nullable: true })
  sku?: string | null;

  @Field(() => ID, { nullable: true })
  productId?: string | null;

  @Field(() => Int, { defaultValue: 1 })
  quantity: number;
}

@ObjectType('OrderableProduct', { description: 'Whether you can order a line\'s product, and at what price at the quantity asked (lines answer in the order asked).' })
export class OrderableProductObject {
  @Field(() => Int)
  quantity: number;

  @Field(() => STATUSES)
  status: OrderableStatus;

  @Field(() => ProductObject, { nullable: true, description: 'The product, when AVAILABLE.' })
  product: ProductObject | null;

  /** For the price resolver. */
  entity: ProductEntity | null;

  static from(o: Orderable): OrderableProductObject {
    return Object.assign(new OrderableProductObject(), {
      quantity: o.quantity, status: o.status, product: o.product ? ProductObject.from(o.product) : null, entity: o.product,
    });
  }
}
