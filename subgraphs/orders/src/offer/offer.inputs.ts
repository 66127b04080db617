import { Field, ID, InputType, Int } from 'type-graphql';
import { Decimal, DecimalScalar } from '@hub/money';
import { OfferTermKind } from './offer-catalogue.entity';
import { OfferPricingMode } from './offer.entity';

@InputType('OfferLineInput')
export class OfferLineInput {
  @Field(() => String, { nullable: true })
  sku?: string | null;

  @Field(() => ID, { nullable: true })
  productId?: string | null;

  @Field(() => DecimalScalar, { description: 'A whole number of sales units.' })
  quantity: Decimal;

  @Field(() => DecimalScalar, { nullable: true, description: 'In the customer\'s currency; required with UNIT_PRICES, none with TOTAL_PRICE.' })
  unitPrice?: Decimal | null;

  @Field(() => String, { nullable: true, description: 'How it is packed (default: the product\'s sales unit).' })
  packing?: string | null;
}

@InputType('OfferServiceInput')
export class OfferServiceInput {
  @Field({ description: 'A service from offerExtraServices.' })
  code: string;

  @Field(() => DecimalScalar)
  quantity: Decimal;

  @Field(() => DecimalScalar, { nullable: true, description: 'Default: the list price.' })
  unitPrice?: Decimal | null;
}

@InputType('OfferTermsInput', { description: 'Term ids from offerTerms; a term left out stays, null removes it.' })
export class OfferTermsInput {
  @Field(() => ID, { nullable: true })
  paymentTermId?: string | null;

  @Field(() => ID, { nullable: true })
  transportTermId?: string | null;

  @Field(() => ID, { nullable: true })
  validityTermId?: string | null;

  @Field(() => ID, { nullable: true })
  notesTermId?: string | null;
}

@InputType('OfferContentInput', { description: 'An offer\'s content; on a change, a field left out stays.' })
export class OfferContentInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'The last day it can be accepted (YYYY-MM-DD); default: 30 days from today, at most 365.' })
  validUntil?: string | null;

  @Field(() => OfferPricingMode, { nullable: true, description: 'Default: UNIT_PRICES.' })
  pricingMode?: OfferPricingMode | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'With TOTAL_PRICE: the goods\' total, spread over the lines by list value.' })
  totalPrice?: Decimal | null;

  @Field(() => [OfferLineInput], { nullable: true, description: 'Replaces every line.' })
  lines?: OfferLineInput[] | null;

  @Field(() => [OfferServiceInput], { nullable: true, description: 'Replaces every service.' })
  services?: OfferServiceInput[] | null;

  @Field(() => OfferTermsInput, { nullable: true })
  terms?: OfferTermsInput | null;

  @Field(() => String, { nullable: true, description: 'The customer\'s contact person for this offer.' })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: "The customer's logo (PNG or JPEG, http(s) URL) for the documents." })
  logoUrl?: string | null;
}

@InputType('CreateOffersInput', { description: 'One offer per company, all with the same content.' })
export class CreateOffersInput extends OfferContentInput {
  @Field(() => [ID], { description: 'Your customers (see salesCustomers).' })
  companyIds: string[];
}

@InputType('AcceptOfferInput')
export class AcceptOfferInput {
  @Field(() => ID)
  offerId: string;

  @Field(() => [Int], { nullable: true, description: 'The lines to accept; all when left out.' })
  lineNos?: number[] | null;

  @Field({ description: 'As for placeOrder: the same key returns the same order.' })
  idempotencyKey: string;

  @Field(() => String, { nullable: true })
  deliveryAddressCode?: string | null;

  @Field(() => ID, { nullable: true })
  branchId?: string | null;

  @Field(() => String, { nullable: true, description: 'Default: the offer number.' })
  customerReference?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType('OfferTermInput')
export class OfferTermInput {
  @Field(() => ID, { nullable: true, description: 'Changes this term; none: a new one.' })
  id?: string | null;

  @Field(() => OfferTermKind)
  kind: OfferTermKind;

  @Field()
  text: string;

  @Field(() => Boolean, { nullable: true, description: 'false retires it (offers that used it keep it).' })
  active?: boolean | null;
}

@InputType('OfferExtraServiceInput', { description: 'Adds or changes (by code) a service on the list.' })
export class OfferExtraServiceInput {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => DecimalScalar)
  unitPrice: Decimal;

  @Field()
  currency: string;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}
