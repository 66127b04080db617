import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyObject } from '@hub/money';
import { OrderStatus } from '../order/order-status';
import { GuestBasketView, GuestCheckoutView } from './guest-basket.service';
import { GuestDeliveryMethod } from './guest-delivery-cost';

registerEnumType(GuestDeliveryMethod, { name: 'GuestDeliveryMethod', description: 'DELIVERY (by parcel from the main warehouse) or STORE_PICKUP (collected in a store).' });

@ObjectType('GuestBasketLine')
export class GuestBasketLineObject {
  @Field(() => ID)
  productId: string;

  @Field()
  sku: string;

  @Field()
  name: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => MoneyObject, { description: 'The public price at this quantity.' })
  unitPrice: MoneyObject;

  @Field(() => MoneyObject)
  lineTotal: MoneyObject;
}

@ObjectType('GuestBasket', { description: "A public shop visitor's basket, at the public prices. Keep its token and send it with every basket call." })
export class GuestBasketObject {
  @Field({ description: 'The signed token that keeps this basket (returned by the first basket mutation).' })
  token: string;

  @Field(() => [GuestBasketLineObject])
  lines: GuestBasketLineObject[];

  @Field(() => MoneyObject, { nullable: true, description: 'The lines together; null while the basket is empty.' })
  total: MoneyObject | null;

  @Field(() => ID, { nullable: true, description: 'The order checked out from it.' })
  orderId: string | null;

  static from(v: GuestBasketView): GuestBasketObject {
    return Object.assign(new GuestBasketObject(), {
      token: v.token,
      lines: v.lines.map((l) => Object.assign(new GuestBasketLineObject(), { productId: l.productId, sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: MoneyObject.of(l.unitPrice, l.currency), lineTotal: MoneyObject.of(l.lineTotal, l.currency) })),
      total: v.currency ? MoneyObject.of(v.net, v.currency) : null,
      orderId: v.orderId,
    });
  }
}

@ObjectType('GuestOrder', { description: "A public shop guest's order, as the guest sees it through the basket's token." })
export class GuestOrderObject {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The web reference until the ERP confirms it, then the ERP\'s number.' })
  number: string;

  @Field(() => OrderStatus)
  status: OrderStatus;

  @Field(() => String, { nullable: true })
  statusReason: string | null;

  @Field(() => MoneyObject, { description: 'What the card is charged: the lines and the delivery.' })
  total: MoneyObject;

  @Field(() => MoneyObject)
  deliveryCost: MoneyObject;

  @Field(() => String, { nullable: true, description: 'Collected in this store.' })
  pickupStoreCode: string | null;

  @Field(() => String, { nullable: true, description: "The card payment's status (AUTHORIZED, REQUIRES_ACTION, ...), when this call asked the payment provider." })
  paymentStatus: string | null;

  @Field(() => String, { nullable: true, description: 'AWAITING_PAYMENT: where the guest completes 3-D Secure; then call confirmGuestCheckout.' })
  paymentRedirectUrl: string | null;

  static from(v: GuestCheckoutView): GuestOrderObject {
    const o = v.order;
    return Object.assign(new GuestOrderObject(), {
      id: o.id, number: o.number, status: o.status, statusReason: o.statusReason, total: MoneyObject.of(o.total, o.currency), deliveryCost: MoneyObject.of(v.deliveryCost, o.currency),
      pickupStoreCode: o.pickupStoreCode, paymentStatus: v.payment?.status ?? null, paymentRedirectUrl: v.payment?.status === 'REQUIRES_ACTION' ? v.payment.redirectUrl : null,
    });
  }
}
