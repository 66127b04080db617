import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Entities owned by other subgraphs, referenced here by key only. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Product')
export class ProductReference {
  @Field(() => ID)
  id: string;

  static of(id: string): ProductReference {
    return Object.assign(new ProductReference(), { id });
  }
}

/** A store (products subgraph: the ERP's warehouses flagged as stores), by its code. */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('Store')
export class StoreReference {
  @Field()
  code: string;

  static of(code: string): StoreReference {
    return Object.assign(new StoreReference(), { code });
  }
}

/** Company is extended here with its orders, so this stub is resolvable. */
@Directive('@key(fields: "id")')
@ObjectType('Company')
export class CompanyReference {
  @Field(() => ID)
  id: string;

  static of(id: string): CompanyReference {
    return Object.assign(new CompanyReference(), { id });
  }
}

/** A hub user (customers subgraph); who may see which user is the customers subgraph's rule. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('User')
export class UserReference {
  @Field(() => ID)
  id: string;

  static of(id: string): UserReference {
    return Object.assign(new UserReference(), { id });
  }
}
