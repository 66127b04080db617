import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AddressObject } from '../company/company-structure.objects';
import { RegistrationEntity, RegistrationErpStatus, RegistrationStatus } from './registration.entity';

registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });
registerEnumType(RegistrationErpStatus, { name: 'RegistrationErpStatus' });

@ObjectType('RegistrationReceipt', { description: 'What a registrant learns: the request is waiting for staff.' })
export class RegistrationReceiptObject {
  @Field(() => ID)
  id: string;

  @Field(() => RegistrationStatus)
  status: RegistrationStatus;
}

@ObjectType('DuplicateCandidate', { description: 'An existing customer that looks like a registration (trigram similarity of normalised text).' })
export class DuplicateCandidateObject {
  @Field(() => ID)
  companyId: string;

  @Field()
  erpNumber: string;

  @Field()
  name: string;

  @Field(() => Float, { description: 'Similarity of the normalised names, 0 to 1.' })
  nameScore: number;

  @Field(() => Float, { description: "Best similarity of the registration's address to the company's invoice and delivery addresses, 0 to 1." })
  addressScore: number;

  @Field({ description: "The registration's e-mail is one of the company's ERP contacts." })
  emailMatch: boolean;
}

@ObjectType('Registration', { description: 'A self-registration (staff view).' })
export class RegistrationObject {
  @Field(() => ID)
  id: string;

  @Field(() => RegistrationStatus)
  status: RegistrationStatus;

  @Field()
  companyName: string;

  @Field({ nullable: true })
  vatNumber?: string;

  @Field()
  country: string;

  @Field()
  currency: string;

  @Field()
  contactName: string;

  @Field()
  email: string;

  @Field({ nullable: true })
  phone?: string;

  @Field(() => AddressObject)
  invoiceAddress: AddressObject;

  @Field()
  createdAt: Date;

  @Field({ nullable: true })
  decidedAt?: Date;

  @Field({ nullable: true })
  rejectReason?: string;

  @Field(() => ID, { nullable: true })
  companyId?: string;

  @Field(() => ID, { nullable: true })
  userId?: string;

  @Field(() => RegistrationErpStatus, { nullable: true })
  erpStatus?: RegistrationErpStatus;

  @Field({ nullable: true })
  erpCustomerNumber?: string;

  static from(e: RegistrationEntity): RegistrationObject {
    return Object.assign(new RegistrationObject(), {
      id: e.id, status: e.status, companyName: e.companyName, vatNumber: e.vatNumber ?? undefined, country: e.country, currency: e.currency,
      contactName: e.contactName, email: e.email, phone: e.phone ?? undefined, invoiceAddress: AddressObject.from(e.invoiceAddress)!, createdAt: e.createdAt,
      decidedAt: e.decidedAt ?? undefined, rejectReason: e.rejectReason ?? undefined, companyId: e.companyId ?? undefined, userId: e.userId ?? undefined,
      erpStatus: e.erpStatus ?? undefined, erpCustomerNumber: e.erpCustomerNumber ?? undefined,
    });
  }
}
