import { Field, ID, InputType } from 'type-graphql';
import { AddressInput } from '../company/company-structure.objects';

@InputType('RegistrationInput')
export class RegistrationInput {
  @Field()
  companyName: string;

  @Field({ nullable: true })
  vatNumber?: string;

  @Field({ description: 'ISO 3166 country code.' })
  country: string;

  @Field({ description: 'ISO 4217 currency code.' })
  currency: string;

  @Field()
  contactName: string;

  @Field()
  email: string;

  @Field({ nullable: true })
  phone?: string;

  @Field(() => AddressInput)
  invoiceAddress: AddressInput;

  @Field({ description: 'The password for the account once approved.' })
  password: string;
}

@InputType('ApproveRegistrationInput')
export class ApproveRegistrationInput {
  @Field(() => ID)
  registrationId: string;

  @Field(() => ID, { nullable: true, description: 'Bind to this existing customer; omit to create a new customer in the ERP.' })
  companyId?: string;

  @Field(() => ID, { nullable: true, description: "With companyId: the customer's ERP contact the user is bound to." })
  contactId?: string;

  @Field(() => [String], { nullable: true, description: 'With companyId: roles for the new user (default READ_ONLY). A new customer\'s first user is its ADMIN.' })
  roles?: string[];
}
