import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ProductEntity } from './product.entity';

@Directive('@key(fields: "id")')
@ObjectType('Product', { description: 'A catalogue item.' })
export class ProductObject {
  @Field(() => ID)
  id: string;

  @Field()
  sku: string;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field({ description: 'Sales unit, e.g. "box of 100".' })
  unit: string;

  /** Kept for field resolvers (price); not exposed. */
  entity: ProductEntity;

  static from(entity: ProductEntity): ProductObject {
    return Object.assign(new ProductObject(), {
      id: entity.id,
      sku: entity.sku,
      name: entity.name,
      description: entity.description,
      unit: entity.unit,
      entity,
    });
  }
}
