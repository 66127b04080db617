import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Decimal, DecimalScalar } from '@hub/money';
import { ProductEntity } from './product.entity';
import { ProductImageObject, ProductSpecificationObject } from './product-detail.object';

@Directive('@key(fields: "id")')
@ObjectType('Product', { description: 'A catalogue item.' })
export class ProductObject {
  @Field(() => ID)
  id: string;

  @Field()
  sku: string;

  /** The ERP's base (English) texts; the fields `name` and `description` are resolved in the caller's language (ProductResolver). */
  name: string;

  description: string;

  @Field({ description: 'Sales unit, e.g. "box of 100".' })
  unit: string;

  @Field(() => DecimalScalar, { description: 'The smallest quantity one order line may have, in sales units (the ERP\'s order minimum).' })
  minOrderQuantity: string;

  @Field(() => Int, { nullable: true, description: "The manufacturer's warranty in months from the purchase (the ERP's); null: none. A registered unit's warranty end extends it by the days in service." })
  warrantyMonths: number | null;

  @Field(() => [ProductSpecificationObject], { description: 'Technical data from the ERP.' })
  specifications: ProductSpecificationObject[];

  @Field(() => [ProductImageObject], { description: 'Photos and technical drawings.' })
  images: ProductImageObject[];

  /** Kept for field resolvers (price, stock, categories); not exposed. */
  entity: ProductEntity;

  static from(entity: ProductEntity): ProductObject {
    return Object.assign(new ProductObject(), {
      id: entity.id,
      sku: entity.sku,
      name: entity.name,
      description: entity.description,
      unit: entity.unit,
      minOrderQuantity: new Decimal(entity.minOrderQuantity ?? '1').toFixed(),
      warrantyMonths: entity.warrantyMonths ?? null,
      specifications: (entity.specifications ?? []).map((s) => Object.assign(new ProductSpecificationObject(), { name: s.name, value: s.value, unit: s.unit ?? null })),
      images: (entity.images ?? []).map((i) => Object.assign(new ProductImageObject(), { url: i.url, kind: i.kind, caption: i.caption ?? null })),
      entity,
    });
  }
}
