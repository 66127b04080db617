import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The orders subgraph owns Order; finance only adds `Order.invoices` to it. */
@Directive('@key(fields: "id")')
@ObjectType('Order')
export class OrderReference {
  @Field(() => ID)
  id: string;

  static of(id: string): OrderReference {
    return Object.assign(new OrderReference(), { id });
  }
}
