import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The products subgraph owns Product; a delivery note line points at it by key only. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Product')
export class ProductReference {
  @Field(() => ID)
  id: string;

  static of(id: string): ProductReference {
    return Object.assign(new ProductReference(), { id });
  }
}
