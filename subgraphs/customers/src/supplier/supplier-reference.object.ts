import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The suppliers subgraph owns Supplier; here it is only a key to point at. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Supplier')
export class SupplierReference {
  @Field(() => ID)
  id: string;
}
