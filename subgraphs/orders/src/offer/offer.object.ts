import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar, MoneyObject } from '@hub/money';
import { CompanyReference, ProductReference, UserReference } from '../references/reference.objects';
import { OfferExtraServiceEntity, OfferTermEntity, OfferTermKind } from './offer-catalogue.entity';
import { OfferContent, OfferContentLine, OfferContentService, OfferEntity, OfferPartner, OfferPricingMode } from './offer.entity';
import { OfferVersionEntity } from './offer-version.entity';
import { effectiveStatus, OfferStatus } from './offer.state-machine';
import { today } from './offer.service';

export enum OfferFileFormat {
  PDF = 'PDF',
  XLSX = 'XLSX',
}

registerEnumType(OfferFileFormat, { name: 'OfferFileFormat', description: 'PDF or XLSX.' });

@ObjectType('OfferLine', { description: 'An offered line: the product, its quantity and packing, at the offered price.' })
export class OfferLineObject {
  @Field(() => Int)
  lineNo: number;

  @Field(() => ProductReference)
  product: ProductReference;

  @Field()
  sku: string;

  @Field({ description: 'The product\'s name when the offer was made.' })
  name: string;

  @Field(() => DecimalScalar)
  quantity: string;

  @Field({ description: 'How it is packed and sold (the product\'s sales unit unless the rep wrote otherwise).' })
  packing: string;

  @Field(() => MoneyObject, { description: 'In summing mode: the line total over the quantity, to four places.' })
  unitPrice: MoneyObject;

  @Field(() => MoneyObject)
  lineTotal: MoneyObject;

  static from(line: OfferContentLine, currency: string): OfferLineObject {
    return Object.assign(new OfferLineObject(), {
      lineNo: line.lineNo, product: ProductReference.of(line.productId), sku: line.sku, name: line.name, quantity: line.quantity, packing: line.packing,
      unitPrice: MoneyObject.of(line.unitPrice, currency), lineTotal: MoneyObject.of(line.lineTotal, currency),
    });
  }
}

@ObjectType('OfferServiceLine', { description: 'An extra service on an offer, priced by the distributor.' })
export class OfferServiceLineObject {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => DecimalScalar)
  quantity: string;

  @Field(() => MoneyObject)
  unitPrice: MoneyObject;

  @Field(() => MoneyObject)
  total: MoneyObject;

  static from(service: OfferContentService, currency: string): OfferServiceLineObject {
    return Object.assign(new OfferServiceLineObject(), {
      code: service.code, name: service.name, quantity: service.quantity, unitPrice: MoneyObject.of(service.unitPrice, currency), total: MoneyObject.of(service.total, currency),
    });
  }
}

@ObjectType('OfferTerms')
export class OfferTermsObject {
  @Field(() => String, { nullable: true })
  payment: string | null;

  @Field(() => String, { nullable: true })
  transport: string | null;

  @Field(() => String, { nullable: true })
  validity: string | null;

  @Field(() => String, { nullable: true })
  notes: string | null;
}

@ObjectType('OfferContent', { description: 'What one version of an offer says.' })
export class OfferContentObject {
  @Field(() => Int)
  version: number;

  @Field(() => OfferPricingMode)
  pricingMode: OfferPricingMode;

  @Field({ description: 'The last day it can be accepted (YYYY-MM-DD).' })
  validUntil: string;

  @Field(() => [OfferLineObject])
  lines: OfferLineObject[];

  @Field(() => [OfferServiceLineObject])
  services: OfferServiceLineObject[];

  @Field(() => OfferTermsObject)
  terms: OfferTermsObject;

  @Field(() => MoneyObject)
  linesTotal: MoneyObject;

  @Field(() => MoneyObject)
  servicesTotal: MoneyObject;

  @Field(() => MoneyObject, { description: 'Goods and services, before tax.' })
  total: MoneyObject;

  @Field(() => Date, { nullable: true, description: 'When this version was sent.' })
  sentAt: Date | null;

  static from(version: number, content: OfferContent, sentAt: Date | null): OfferContentObject {
    const c = content.currency;
    return Object.assign(new OfferContentObject(), {
      version, pricingMode: content.pricingMode, validUntil: content.validUntil, lines: content.lines.map((l) => OfferLineObject.from(l, c)),
      services: content.services.map((s) => OfferServiceLineObject.from(s, c)), terms: Object.assign(new OfferTermsObject(), content.terms),
      linesTotal: MoneyObject.of(content.linesTotal, c), servicesTotal: MoneyObject.of(content.servicesTotal, c), total: MoneyObject.of(content.total, c), sentAt,
    });
  }

  static ofVersion(v: OfferVersionEntity): OfferContentObject {
    return OfferContentObject.from(v.version, v.content, v.sentAt);
  }
}

@ObjectType('OfferPartnerAddress')
export class OfferPartnerAddressObject {
  @Field()
  street: string;

  @Field()
  postalCode: string;

  @Field()
  city: string;

  @Field()
  country: string;
}

@ObjectType('OfferPartner', { description: 'The customer as the offer addresses it (copied when it was made).' })
export class OfferPartnerObject {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  erpNumber: string | null;

  @Field(() => OfferPartnerAddressObject, { nullable: true })
  address: OfferPartnerAddressObject | null;

  @Field(() => String, { nullable: true })
  contactName: string | null;

  @Field(() => String, { nullable: true })
  contactEmail: string | null;

  @Field(() => String, { nullable: true })
  contactPhone: string | null;

  @Field(() => String, { nullable: true, description: "The customer's logo on the documents (PNG or JPEG by http(s))." })
  logoUrl: string | null;

  static from(p: OfferPartner): OfferPartnerObject {
    return Object.assign(new OfferPartnerObject(), { ...p, address: p.address ? Object.assign(new OfferPartnerAddressObject(), p.address) : null });
  }
}

@Directive('@key(fields: "id")')
@ObjectType('Offer', { description: 'A commercial offer from a sales rep to one customer company; accept it wholly or per line with acceptOffer.' })
export class OfferObject {
  @Field(() => ID)
  id: string;

  @Field({ description: 'OF-<year>-<number>, without gaps per year.' })
  number: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => OfferStatus, { description: 'EXPIRED once an open offer is past validUntil.' })
  status: OfferStatus;

  @Field(() => Int, { description: 'Its current version; each change after sending makes a new one (see versions).' })
  version: number;

  @Field()
  validUntil: string;

  @Field(() => CompanyReference)
  company: CompanyReference;

  @Field(() => OfferPartnerObject)
  partner: OfferPartnerObject;

  @Field(() => OfferContentObject, { description: 'What the current version says.' })
  content: OfferContentObject;

  @Field(() => MoneyObject)
  total: MoneyObject;

  @Field(() => [Int], { nullable: true, description: 'The lines accepted into the order.' })
  acceptedLineNos: number[] | null;

  @Field(() => String, { nullable: true })
  rejectionReason: string | null;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;

  @Field(() => Date, { nullable: true })
  viewedAt: Date | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => UserReference, { description: 'The sales rep who made it.' })
  createdBy: UserReference;

  @Field(() => ID, { nullable: true, description: 'The offer it was copied from.' })
  copiedFromId: string | null;

  @Field(() => ID, { description: 'Shared by the offers made together for several customers.' })
  batchId: string;

  @Field()
  createdAt: Date;

  entity: OfferEntity;

  static from(offer: OfferEntity, now = new Date()): OfferObject {
    return Object.assign(new OfferObject(), {
      id: offer.id, number: offer.number, title: offer.title ?? null, status: effectiveStatus(offer.status, offer.validUntil, today(now)), version: offer.version,
      validUntil: offer.validUntil, company: CompanyReference.of(offer.companyId), partner: OfferPartnerObject.from(offer.partner),
      content: OfferContentObject.from(offer.version, offer.content, offer.sentAt), total: MoneyObject.of(offer.total, offer.currency),
      acceptedLineNos: offer.acceptedLineNos ?? null, rejectionReason: offer.rejectionReason ?? null, sentAt: offer.sentAt ?? null, viewedAt: offer.viewedAt ?? null,
      decidedAt: offer.decidedAt ?? null, createdBy: UserReference.of(offer.createdByUserId), copiedFromId: offer.copiedFromId ?? null, batchId: offer.batchId,
      createdAt: offer.createdAt, entity: offer,
    });
  }
}

@ObjectType('OfferFileLink', { description: 'A short-lived link to an offer as a file; only the user it was made for can open it.' })
export class OfferFileLinkObject {
  @Field({ description: 'GET it with the same Authorization header as the GraphQL API.' })
  url: string;

  @Field()
  fileName: string;

  @Field(() => OfferFileFormat)
  format: OfferFileFormat;

  @Field()
  expiresAt: Date;
}

@ObjectType('OfferTerm', { description: 'A term text on the staff-managed list reps pick from.' })
export class OfferTermObject {
  @Field(() => ID)
  id: string;

  @Field(() => OfferTermKind)
  kind: OfferTermKind;

  @Field()
  text: string;

  @Field()
  active: boolean;

  static from(t: OfferTermEntity): OfferTermObject {
    return Object.assign(new OfferTermObject(), { id: t.id, kind: t.kind, text: t.text, active: t.active });
  }
}

@ObjectType('OfferExtraService', { description: 'An extra service on the staff-managed list, with the distributor\'s price.' })
export class OfferExtraServiceObject {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => MoneyObject)
  unitPrice: MoneyObject;

  @Field()
  active: boolean;

  static from(s: OfferExtraServiceEntity): OfferExtraServiceObject {
    return Object.assign(new OfferExtraServiceObject(), { code: s.code, name: s.name, unitPrice: MoneyObject.of(s.unitPrice, s.currency), active: s.active });
  }
}
