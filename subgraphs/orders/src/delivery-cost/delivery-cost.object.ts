import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Decimal, DecimalScalar, MoneyObject } from '@hub/money';
import { ProductReference } from '../references/reference.objects';
import { DeliveryOption, DeliveryQuote } from './delivery-cost.service';
import { DeliveryRateEntity } from './delivery-rate.entity';
import { LogisticMinimumEntity } from './logistic-minimum.entity';
import type { OrderDelivery } from '../order/order.entity';

@ObjectType('DeliveryOption', { description: 'What delivering by one method costs for this shipment.' })
export class DeliveryOptionObject {
  @Field()
  method: string;

  @Field(() => MoneyObject)
  cost: MoneyObject;

  @Field({ description: 'True when the order is worth at least the rule\'s free-delivery threshold.' })
  free: boolean;

  @Field(() => MoneyObject, { nullable: true, description: 'The order value (net) from which this method is free; null: never.' })
  freeFrom: MoneyObject | null;

  @Field(() => MoneyObject, { nullable: true, description: 'How much more to order for free delivery; null when free or never.' })
  missingForFree: MoneyObject | null;

  static from(o: DeliveryOption, currency: string): DeliveryOptionObject {
    return Object.assign(new DeliveryOptionObject(), {
      method: o.method, cost: MoneyObject.of(o.cost, currency), free: o.free,
      freeFrom: o.freeFrom ? MoneyObject.of(o.freeFrom, currency) : null, missingForFree: o.missingForFree ? MoneyObject.of(o.missingForFree, currency) : null,
    });
  }
}

@ObjectType('DeliverySurcharge', { description: 'A logistic minimum not reached: ORDER_VALUE (the order is worth less than the customer\'s minimum) or PRODUCT_QUANTITY (a line below its product\'s minimum).' })
export class DeliverySurchargeObject {
  @Field()
  kind: string;

  @Field(() => String, { nullable: true })
  sku: string | null;

  @Field(() => MoneyObject)
  amount: MoneyObject;

  @Field()
  text: string;
}

@ObjectType('Delivery', { description: 'Delivery costs (O12): the packing estimate, the chosen method (the one asked for, else the cheapest) with its rule\'s cost, surcharges and every method that delivers.' })
export class DeliveryObject {
  @Field(() => String, { nullable: true, description: 'The destination country (the delivery address\'s, else the company\'s).' })
  country: string | null;

  @Field(() => String, { nullable: true, description: 'Null when no rule delivers this shipment (see problem).' })
  method: string | null;

  @Field(() => Int)
  parcels: number;

  @Field(() => Int)
  pallets: number;

  @Field(() => DecimalScalar, { description: 'Gross weight (kg) of the products with a weight.' })
  weightKg: string;

  @Field(() => DecimalScalar)
  volumeM3: string;

  @Field(() => MoneyObject, { nullable: true, description: "The chosen method's cost (0 when free); null without a method." })
  cost: MoneyObject | null;

  @Field()
  free: boolean;

  @Field(() => MoneyObject, { nullable: true })
  freeFrom: MoneyObject | null;

  @Field(() => MoneyObject, { nullable: true })
  missingForFree: MoneyObject | null;

  @Field(() => [DeliverySurchargeObject])
  surcharges: DeliverySurchargeObject[];

  @Field(() => MoneyObject, { description: 'Cost plus surcharges: what delivery adds to the order (net).' })
  total: MoneyObject;

  @Field(() => [DeliveryOptionObject], { description: 'Every method a rule delivers this shipment by, cheapest first.' })
  options: DeliveryOptionObject[];

  @Field(() => [String], { description: 'SKUs the ERP has no weight or packing for (estimated as one parcel each).' })
  unknownProducts: string[];

  @Field(() => String, { nullable: true })
  problem: string | null;

  static from(q: DeliveryQuote): DeliveryObject {
    const money = (d: { toFixed(): string } | null | undefined) => (d ? MoneyObject.of(d.toFixed(), q.currency) : null);
    return Object.assign(new DeliveryObject(), {
      country: q.country, method: q.chosen?.method ?? null, parcels: q.packing.parcels, pallets: q.packing.pallets,
      weightKg: q.packing.weightKg.toFixed(), volumeM3: q.packing.volumeM3.toFixed(),
      cost: money(q.chosen?.cost), free: q.chosen?.free ?? false, freeFrom: money(q.chosen?.freeFrom), missingForFree: money(q.chosen?.missingForFree),
      surcharges: q.surcharges.map((s) => Object.assign(new DeliverySurchargeObject(), { kind: s.kind, sku: s.sku, text: s.text, amount: MoneyObject.of(s.amount, q.currency) })),
      total: MoneyObject.of(q.total, q.currency), options: q.options.map((o) => DeliveryOptionObject.from(o, q.currency)), unknownProducts: q.packing.unknown, problem: q.problem,
    });
  }
}

@ObjectType('DeliveryRate', { description: 'A transport rule staff keep (see DeliveryRateInput).' })
export class DeliveryRateObject {
  @Field(() => ID)
  id: string;

  @Field()
  method: string;

  @Field(() => String, { nullable: true })
  country: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  maxWeightKg: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  maxVolumeM3: string | null;

  @Field(() => MoneyObject)
  baseCost: MoneyObject;

  @Field(() => MoneyObject)
  costPerParcel: MoneyObject;

  @Field(() => MoneyObject)
  costPerPallet: MoneyObject;

  @Field(() => MoneyObject, { nullable: true })
  freeFrom: MoneyObject | null;

  @Field()
  updatedAt: Date;

  static from(r: DeliveryRateEntity): DeliveryRateObject {
    const dec = (v: string | null) => (v === null ? null : new Decimal(v).toFixed());
    return Object.assign(new DeliveryRateObject(), {
      id: r.id, method: r.method, country: r.country, maxWeightKg: dec(r.maxWeightKg), maxVolumeM3: dec(r.maxVolumeM3),
      baseCost: MoneyObject.of(r.baseCost, r.currency), costPerParcel: MoneyObject.of(r.costPerParcel, r.currency), costPerPallet: MoneyObject.of(r.costPerPallet, r.currency),
      freeFrom: r.freeFrom === null ? null : MoneyObject.of(r.freeFrom, r.currency), updatedAt: r.updatedAt,
    });
  }
}

@ObjectType('LogisticMinimum', { description: 'A logistic minimum staff keep (see LogisticMinimumInput).' })
export class LogisticMinimumObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  companyId: string | null;

  @Field(() => ProductReference, { nullable: true })
  product: ProductReference | null;

  @Field(() => MoneyObject, { nullable: true })
  minOrderValue: MoneyObject | null;

  @Field(() => DecimalScalar, { nullable: true })
  minQuantity: string | null;

  @Field(() => MoneyObject)
  surcharge: MoneyObject;

  static from(m: LogisticMinimumEntity): LogisticMinimumObject {
    return Object.assign(new LogisticMinimumObject(), {
      id: m.id, companyId: m.companyId, product: m.productId ? ProductReference.of(m.productId) : null,
      minOrderValue: m.minOrderValue === null ? null : MoneyObject.of(m.minOrderValue, m.currency),
      minQuantity: m.minQuantity === null ? null : new Decimal(m.minQuantity).toFixed(), surcharge: MoneyObject.of(m.surcharge, m.currency),
    });
  }
}

@ObjectType('OrderDelivery', { description: "An order's delivery as charged when placed." })
export class OrderDeliveryObject {
  @Field(() => String, { nullable: true })
  method: string | null;

  @Field(() => String, { nullable: true })
  country: string | null;

  @Field(() => Int)
  parcels: number;

  @Field(() => Int)
  pallets: number;

  @Field(() => MoneyObject, { nullable: true, description: "The method's cost (0 when free); null: no rule matched (only surcharges)." })
  cost: MoneyObject | null;

  @Field(() => [DeliverySurchargeObject])
  surcharges: DeliverySurchargeObject[];

  @Field(() => MoneyObject, { description: 'Cost plus surcharges, included in the order total.' })
  total: MoneyObject;

  static of(d: OrderDelivery | null, currency: string): OrderDeliveryObject | null {
    if (!d) return null;
    return Object.assign(new OrderDeliveryObject(), {
      method: d.method, country: d.country, parcels: d.parcels, pallets: d.pallets, cost: d.cost === null ? null : MoneyObject.of(d.cost, currency),
      surcharges: d.surcharges.map((s) => Object.assign(new DeliverySurchargeObject(), { kind: s.kind, sku: s.sku, text: s.text, amount: MoneyObject.of(s.amount, currency) })),
      total: MoneyObject.of(d.total, currency),
    });
  }
}
