import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { SkuAvailability, SkuAvailabilityStatus } from './product.service';
import { ProductObject } from './product.object';

const STATUSES: Record<SkuAvailabilityStatus, SkuAvailabilityStatus> = { AVAILABLE: 'AVAILABLE', NOT_SOLD_TO_YOU: 'NOT_SOLD_TO_YOU', DISCONTINUED: 'DISCONTINUED', UNKNOWN: 'UNKNOWN' };
registerEnumType(STATUSES, {
  name: 'SkuAvailabilityStatus',
  description: 'AVAILABLE: you can order it; NOT_SOLD_TO_YOU: outside your web assortment; DISCONTINUED: no longer sold; UNKNOWN: no such SKU.',
});

@ObjectType('SkuAvailability', { description: 'Whether you can order an item, for bulk order entry.' })
export class SkuAvailabilityObject {
  @Field({ description: 'The SKU as asked.' })
  sku: string;

  @Field(() => STATUSES)
  status: SkuAvailabilityStatus;

  @Field(() => ProductObject, { nullable: true, description: 'The product, when AVAILABLE.' })
  product: ProductObject | null;

  static from(a: SkuAvailability): SkuAvailabilityObject {
    return Object.assign(new SkuAvailabilityObject(), { sku: a.sku, status: a.status, product: a.product ? ProductObject.from(a.product) : null });
  }
}
