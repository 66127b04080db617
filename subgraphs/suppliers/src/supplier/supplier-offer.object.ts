import { Field, Int, ObjectType } from 'type-graphql';
import { MoneyObject } from '@hub/money';
import { ProductReference } from '../product/product-reference.object';
import { SupplierProductEntity } from './supplier-product.entity';

@ObjectType('SupplierOffer', { description: 'A product a supplier sells to us, on its terms.' })
export class SupplierOfferObject {
  @Field(() => ProductReference)
  product: ProductReference;

  @Field({ description: "The supplier's own article number." })
  supplierSku: string;

  @Field(() => Int)
  leadTimeDays: number;

  @Field(() => MoneyObject)
  purchasePrice: MoneyObject;

  static from(entity: SupplierProductEntity): SupplierOfferObject {
    return Object.assign(new SupplierOfferObject(), {
      product: ProductReference.of(entity.productId),
      supplierSku: entity.supplierSku,
      leadTimeDays: entity.leadTimeDays,
      purchasePrice: MoneyObject.of(entity.purchasePrice, entity.currency),
    });
  }
}
