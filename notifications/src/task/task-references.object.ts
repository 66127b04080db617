import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Entities owned by other subgraphs that a task points at, by key only; their owners decide who sees them. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('User')
export class UserReference {
  @Field(() => ID)
  id: string;

  static of(id: string): UserReference {
    return Object.assign(new UserReference(), { id });
  }
}

/** Order, ReturnRequest and Offer are extended here with the tasks that led to them (staff), so these stubs are resolvable. */
@Directive('@key(fields: "id")')
@ObjectType('Order')
export class OrderReference {
  @Field(() => ID)
  id: string;

  static of(id: string): OrderReference {
    return Object.assign(new OrderReference(), { id });
  }
}

@Directive('@key(fields: "id")')
@ObjectType('ReturnRequest')
export class ReturnRequestReference {
  @Field(() => ID)
  id: string;

  static of(id: string): ReturnRequestReference {
    return Object.assign(new ReturnRequestReference(), { id });
  }
}

@Directive('@key(fields: "id")')
@ObjectType('Offer')
export class OfferReference {
  @Field(() => ID)
  id: string;

  static of(id: string): OfferReference {
    return Object.assign(new OfferReference(), { id });
  }
}
