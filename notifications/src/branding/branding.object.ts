import { Field, InputType, ObjectType } from 'type-graphql';
import { BrandingEntity } from './branding.entity';

@ObjectType('Branding', { description: "The deployment's look and sender, used by every e-mail." })
export class BrandingObject {
  @Field() name: string;
  @Field(() => String, { nullable: true }) logoUrl: string | null;
  @Field() primaryColor: string;
  @Field() accentColor: string;
  @Field() senderAddress: string;
  @Field() legalFooter: string;
  @Field() webUrl: string;

  static from(b: BrandingEntity): BrandingObject {
    return Object.assign(new BrandingObject(), { name: b.name, logoUrl: b.logoUrl, primaryColor: b.primaryColor, accentColor: b.accentColor, senderAddress: b.senderAddress, legalFooter: b.legalFooter, webUrl: b.webUrl });
  }
}

@InputType('BrandingInput', { description: 'Only the fields given change.' })
export class BrandingInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'An http(s) URL; empty removes the logo.' }) logoUrl?: string | null;
  @Field(() => String, { nullable: true, description: '#rrggbb' }) primaryColor?: string | null;
  @Field(() => String, { nullable: true, description: '#rrggbb' }) accentColor?: string | null;
  @Field(() => String, { nullable: true, description: 'An address or "Name <address>".' }) senderAddress?: string | null;
  @Field(() => String, { nullable: true }) legalFooter?: string | null;
  @Field(() => String, { nullable: true }) webUrl?: string | null;
}
