import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The products subgraph owns Product; suppliers only adds `Product.suppliers` to it. */
@Directive('@key(fields: "id")')
@ObjectType('Product')
export class ProductReference {
  @Field(() => ID)
  id: string;

  static of(id: string): ProductReference {
    return Object.assign(new ProductReference(), { id });
  }
}
