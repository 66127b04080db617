import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyObject } from '@hub/money';

/** Where an order came from. */
export enum OrderChannel {
  /** Placed on the web by the customer's own user. */
  WEB = 'WEB',
  /** Placed on the web by staff signed in as the customer's user. */
  STAFF = 'STAFF',
  /** Entered in the ERP (phone, e-mail, counter) and synchronised. */
  ERP = 'ERP',
  /** A guest's prepaid order in the public shop. */
  SHOP = 'SHOP',
}

registerEnumType(OrderChannel, { name: 'OrderChannel', description: "WEB (the customer's user), STAFF (staff signed in as the customer), ERP (entered in the ERP, synchronised), SHOP (a guest in the public shop)." });

/**
 * The staff dashboard of one day. Orders owns the query; each subgraph adds the figures of its own
 * tables to this entity (key: day), so no subgraph reads another's data.
 */
@Directive('@key(fields: "day")')
@ObjectType('StaffDashboard', { description: "The day's key figures for staff; each figure comes from the subgraph that owns it, and is null without the staff right it needs." })
export class StaffDashboardObject {
  @Field({ description: 'The day (YYYY-MM-DD, UTC). Figures about the day count that day; "waiting" figures are as of now.' })
  day: string;

  static of(day: string): StaffDashboardObject {
    return Object.assign(new StaffDashboardObject(), { day });
  }
}

@ObjectType('OrderChannelFigures', { description: 'Orders placed in one channel on the day, and their value per currency (rejected and cancelled orders not counted in sales).' })
export class OrderChannelFiguresObject {
  @Field(() => OrderChannel) channel: OrderChannel;
  @Field(() => Int) orders: number;
  @Field(() => [MoneyObject], { description: 'Sales (order totals before tax), one per currency.' }) sales: MoneyObject[];
}

@ObjectType('OfferFigures', { description: "Commercial offers on the day: sent to customers, and decided by them." })
export class OfferFiguresObject {
  @Field(() => Int, { description: 'Offers sent (a new version sent counts again).' }) sent: number;
  @Field(() => Int, { description: 'Offers accepted wholly or in part.' }) accepted: number;
  @Field(() => Int) rejected: number;
}
