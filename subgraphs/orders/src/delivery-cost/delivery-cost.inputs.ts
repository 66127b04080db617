import { Field, ID, InputType } from 'type-graphql';
import Decimal from 'decimal.js';
import { DecimalScalar } from '@hub/money';

@InputType('DeliveryRateInput', { description: 'A transport rule: a delivery method to a country (null: any country without rules of its own), for shipments up to a weight and volume (null: no limit).' })
export class DeliveryRateInput {
  @Field({ description: 'A code such as PARCEL, PALLET or EXPRESS (capitals, digits, "_").' })
  method: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166 alpha-2; null: any country.' })
  country?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The band: shipments up to this gross weight (kg).' })
  maxWeightKg?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The band: shipments up to this volume (m³).' })
  maxVolumeM3?: Decimal | null;

  @Field(() => DecimalScalar)
  baseCost: Decimal;

  @Field(() => DecimalScalar, { nullable: true, description: 'Per parcel of the packing estimate (default 0).' })
  costPerParcel?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Per pallet of the packing estimate (default 0).' })
  costPerPallet?: Decimal | null;

  @Field()
  currency: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Orders worth at least this (net) are delivered free; null: never.' })
  freeFrom?: Decimal | null;
}

@InputType('LogisticMinimumInput', {
  description: "A customer's (companyId; neither: every customer's default) minimum order value, or a product's minimum line quantity, below which a surcharge is added.",
})
export class LogisticMinimumInput {
  @Field(() => ID, { nullable: true })
  companyId?: string | null;

  @Field(() => ID, { nullable: true })
  productId?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  minOrderValue?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true })
  minQuantity?: Decimal | null;

  @Field(() => DecimalScalar)
  surcharge: Decimal;

  @Field()
  currency: string;
}
