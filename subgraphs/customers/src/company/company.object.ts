import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CompanyEntity } from './company.entity';

@Directive('@key(fields: "id")')
@ObjectType('Company', { description: 'A customer company (an ERP debtor account).' })
export class CompanyObject {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Customer number in the ERP.' })
  erpNumber: string;

  @Field()
  name: string;

  @Field({ description: 'ISO 4217 code of the currency the company trades in.' })
  currency: string;

  @Field({ description: 'ISO 3166 country code.' })
  country: string;

  static from(entity: CompanyEntity): CompanyObject {
    return Object.assign(new CompanyObject(), {
      id: entity.id,
      erpNumber: entity.erpNumber,
      name: entity.name,
      currency: entity.currency,
      country: entity.country,
    });
  }
}
