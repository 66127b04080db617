import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MarketingMaterialEntity, MarketingMaterialKind } from './marketing-material.entity';

registerEnumType(MarketingMaterialKind, { name: 'MarketingMaterialKind', description: 'BROCHURE, PRICE_SHEET, IMAGE or OTHER.' });

@ObjectType('MarketingMaterial', { description: 'A file published to customers (all, or chosen customer groups) for a period.' })
export class MarketingMaterialObject {
  @Field(() => ID) id: string;
  @Field(() => MarketingMaterialKind) kind: MarketingMaterialKind;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field() fileName: string;
  @Field() contentType: string;
  @Field(() => Int, { description: 'Bytes.' }) size: number;
  @Field({ description: 'Hex SHA-256 of the file.' }) sha256: string;
  @Field(() => [String], { description: 'The customer groups it is for; empty: every customer.' }) customerGroups: string[];
  @Field({ description: 'First day shown (YYYY-MM-DD).' }) validFrom: string;
  @Field(() => String, { nullable: true, description: 'Last day shown; null: until withdrawn.' }) validUntil: string | null;
  @Field(() => Date, { nullable: true }) withdrawnAt: Date | null;
  @Field() createdAt: Date;

  static from(m: MarketingMaterialEntity): MarketingMaterialObject {
    return Object.assign(new MarketingMaterialObject(), {
      id: m.id, kind: m.kind, title: m.title, description: m.description, fileName: m.fileName, contentType: m.contentType, size: m.size, sha256: m.sha256,
      customerGroups: m.customerGroups, validFrom: String(m.validFrom).slice(0, 10), validUntil: m.validUntil ? String(m.validUntil).slice(0, 10) : null, withdrawnAt: m.withdrawnAt, createdAt: m.createdAt,
    });
  }
}

@InputType()
export class PublishMarketingMaterialInput {
  @Field(() => MarketingMaterialKind) kind: MarketingMaterialKind;
  @Field({ description: 'One line, 1 to 200 characters.' }) title: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field() fileName: string;
  @Field({ description: 'application/pdf, image/jpeg, image/png, image/webp, XLSX or text/csv; checked against the bytes.' }) contentType: string;
  @Field({ description: 'The file, base64 (at most 700 KiB decoded).' }) contentBase64: string;
  @Field(() => [String], { nullable: true, description: "The ERP's customer groups it is for (e.g. WHOLESALE); none: every customer." }) customerGroups?: string[] | null;
  @Field(() => String, { nullable: true, description: 'First day shown (YYYY-MM-DD); default today.' }) validFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'Last day shown (YYYY-MM-DD); none: until withdrawn.' }) validUntil?: string | null;
}
