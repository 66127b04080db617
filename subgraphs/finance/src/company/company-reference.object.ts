import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The customers subgraph owns Company; finance only adds `Company.invoices` to it. */
@Directive('@key(fields: "id")')
@ObjectType('Company')
export class CompanyReference {
  @Field(() => ID)
  id: string;

  static of(id: string): CompanyReference {
    return Object.assign(new CompanyReference(), { id });
  }
}
