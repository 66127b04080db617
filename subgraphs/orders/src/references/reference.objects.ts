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
