import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { MoneyObject } from '@hub/money';
import { CompanyReference } from '../company/company-reference.object';
import { OrderReference } from '../order/order-reference.object';
import { ShipmentEntity, ShipmentTrackingEventEntity } from './shipment.entity';
import { ShipmentStatus } from './shipment-status';

@ObjectType('ShipmentAddress', { description: 'Where the carrier takes the parcel (the order\'s delivery address).' })
export class ShipmentAddressObject {
  @Field()
  name: string;

  @Field()
  street: string;

  @Field()
  postalCode: string;

  @Field()
  city: string;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  country: string;
}

@ObjectType('ShipmentTrackingEvent', { description: 'One step of the parcel as its carrier reported it.' })
export class ShipmentTrackingEventObject {
  @Field(() => ShipmentStatus)
  status: ShipmentStatus;

  @Field()
  occurredAt: Date;

  @Field()
  location: string;

  @Field()
  description: string;

  static from(entity: ShipmentTrackingEventEntity): ShipmentTrackingEventObject {
    return Object.assign(new ShipmentTrackingEventObject(), {
      status: entity.status as ShipmentStatus, occurredAt: entity.occurredAt, location: entity.location, description: entity.description,
    });
  }
}

const money = (amount: string | null, currency: string | null): MoneyObject | null => (amount !== null && currency ? MoneyObject.of(amount, currency) : null);

@Directive('@key(fields: "id")')
@ObjectType('Shipment', { description: "The parcel the hub's carrier takes for one of the ERP's delivery notes, and its way to the customer." })
export class ShipmentObject {
  @Field(() => ID)
  id: string;

  @Field(() => ShipmentStatus)
  status: ShipmentStatus;

  @Field({ description: 'The delivery note the parcel carries.' })
  deliveryNoteNumber: string;

  deliveryNoteId: string;

  @Field(() => String, { nullable: true, description: 'The carrier, once the parcel is registered with it.' })
  carrier: string | null;

  @Field(() => String, { nullable: true, description: "The carrier's parcel number; null until registered." })
  parcelNumber: string | null;

  @Field(() => String, { nullable: true, description: "Where to follow the parcel on the carrier's site." })
  trackingUrl: string | null;

  @Field(() => ShipmentAddressObject)
  consignee: ShipmentAddressObject;

  @Field(() => Int)
  weightGrams: number;

  @Field(() => MoneyObject, { nullable: true, description: 'Cash the carrier collects on delivery; null: none.' })
  cashOnDelivery: MoneyObject | null;

  @Field(() => MoneyObject, { nullable: true, description: 'Cash the carrier reported collected; null until then.' })
  cashCollected: MoneyObject | null;

  @Field(() => Date, { nullable: true })
  cashCollectedAt: Date | null;

  @Field(() => MoneyObject, { nullable: true, description: 'The packaging fee the ERP charged for it.' })
  packagingFee: MoneyObject | null;

  @Field(() => Date, { nullable: true, description: 'Delivery confirmation: when the carrier delivered it.' })
  deliveredAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who signed for it, when the carrier says.' })
  signedBy: string | null;

  @Field(() => String, { nullable: true, description: "Why it is an EXCEPTION (lost, refused), in the carrier's words." })
  problem: string | null;

  @Field()
  updatedAt: Date;

  @Field(() => CompanyReference)
  company: CompanyReference;

  @Field(() => OrderReference, { nullable: true })
  order: OrderReference | null;

  static from(entity: ShipmentEntity): ShipmentObject {
    return Object.assign(new ShipmentObject(), {
      id: entity.id,
      status: entity.status,
      deliveryNoteNumber: entity.deliveryNoteNumber,
      deliveryNoteId: entity.deliveryNoteId,
      carrier: entity.carrier,
      parcelNumber: entity.parcelNumber,
      trackingUrl: entity.trackingUrl,
      consignee: Object.assign(new ShipmentAddressObject(), entity.consignee),
      weightGrams: entity.weightGrams,
      cashOnDelivery: money(entity.codAmount, entity.currency),
      cashCollected: money(entity.codCollectedAmount, entity.currency),
      cashCollectedAt: entity.codCollectedAt,
      packagingFee: money(entity.packagingFee, entity.currency),
      deliveredAt: entity.deliveredAt,
      signedBy: entity.signedBy,
      problem: entity.problem,
      updatedAt: entity.updatedAt,
      company: CompanyReference.of(entity.companyId),
      order: entity.orderId ? OrderReference.of(entity.orderId) : null,
    });
  }
}
