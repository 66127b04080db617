import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CompanyEntity, DocumentPreference } from './company.entity';

/** Ownership of every field: see company-field-ownership.ts (ERP = from the sync, HUB = changed here). */
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

  /** Resolved by field resolvers (some need a permission). */
  entity: CompanyEntity;
  documentPreferenceValue: DocumentPreference;

  static from(entity: CompanyEntity): CompanyObject {
    return Object.assign(new CompanyObject(), {
      id: entity.id,
      erpNumber: entity.erpNumber,
      name: entity.name,
      currency: entity.currency,
      country: entity.country,
      entity,
      documentPreferenceValue: entity.documentPreference,
    });
  }
}
