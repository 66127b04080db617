import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { CompanyBranchEntity } from './company-branch.entity';

export enum DocumentPreferenceValue {
  RECEIPT = 'RECEIPT',
  INVOICE = 'INVOICE',
}
registerEnumType(DocumentPreferenceValue, { name: 'DocumentPreference', description: 'Whether a customer gets a receipt or an invoice (hub-owned).' });

@ObjectType('Address', { description: 'A postal address. On Company: ERP-owned, from the sync.' })
export class AddressObject {
  @Field({ nullable: true, description: 'The ERP address code (ERP addresses only).' })
  code?: string;

  @Field({ nullable: true })
  name?: string;

  @Field()
  street: string;

  @Field()
  postalCode: string;

  @Field()
  city: string;

  @Field({ description: 'ISO 3166 country code.' })
  country: string;

  static from(raw: Record<string, string> | null | undefined): AddressObject | null {
    if (!raw) return null;
    return Object.assign(new AddressObject(), {
      code: raw.code ?? undefined, name: raw.name ?? undefined, street: raw.street ?? '', postalCode: raw.postalCode ?? '', city: raw.city ?? '', country: raw.country ?? '',
    });
  }
}

@ObjectType('Branch', { description: 'A branch or shop of a customer company (hub-owned).' })
export class BranchObject {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => AddressObject)
  address: AddressObject;

  @Field({ nullable: true, description: "Code of the company's ERP delivery address goods for this branch go to." })
  deliveryAddressCode?: string;

  static from(e: CompanyBranchEntity): BranchObject {
    return Object.assign(new BranchObject(), { id: e.id, name: e.name, address: AddressObject.from(e.address)!, deliveryAddressCode: e.deliveryAddressCode ?? undefined });
  }
}

@InputType('AddressInput')
export class AddressInput {
  @Field()
  street: string;

  @Field()
  postalCode: string;

  @Field()
  city: string;

  @Field()
  country: string;
}

@InputType('BranchInput')
export class BranchInput {
  @Field()
  name: string;

  @Field(() => AddressInput)
  address: AddressInput;

  @Field({ nullable: true })
  deliveryAddressCode?: string;

  @Field(() => ID, { nullable: true, description: 'Staff only: the company; customer admins always add to their own.' })
  companyId?: string;
}
