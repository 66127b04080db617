import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { servedByTheGateway } from '@hub/subgraph-kit';
import { FinanceContext } from '../context';
import { DeliveryNoteObject } from '../delivery-note/delivery-note.object';
import { OrderReference } from '../order/order-reference.object';
import { ShipmentFilterInput } from './shipment.inputs';
import { ShipmentObject, ShipmentTrackingEventObject } from './shipment.object';

@Resolver(() => ShipmentObject)
export class ShipmentResolver {
  @Query(() => ShipmentObject, { nullable: true, description: 'A shipment of your company (staff: any). Needs orders.view.' })
  async shipment(@Arg('id', () => ID) id: string, @Ctx() ctx: FinanceContext): Promise<ShipmentObject> {
    return ShipmentObject.from(await ctx.services.shipments.get(id));
  }

  @Query(() => [ShipmentObject], { nullable: true, description: "Your company's shipments, newest first (staff: every company's). Needs orders.view." })
  async shipments(
    @Arg('filter', () => ShipmentFilterInput, { nullable: true }) filter: ShipmentFilterInput | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'At most this many (1-200).' }) first: number | null,
    @Ctx() ctx: FinanceContext,
  ): Promise<ShipmentObject[]> {
    return (await ctx.services.shipments.list(filter, first)).map(ShipmentObject.from);
  }

  @Query(() => [ShipmentObject], { nullable: 'items', description: 'Shipments by id, in the order asked (null where not visible); for the gateway\'s subscription reads.' })
  async shipmentsByIds(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: FinanceContext): Promise<Array<ShipmentObject | null>> {
    return (await ctx.services.shipments.byIds(ids)).map((s) => (s ? ShipmentObject.from(s) : null));
  }

  @Subscription(() => ShipmentObject, { description: 'Sends the shipment each time its status, parcel, timeline or cash collection change (your company\'s, with orders.view; staff: any). Follow an order\'s shipments with orderStatusChanged { shipments }.', subscribe: servedByTheGateway })
  shipmentStatusChanged(@Arg('shipmentId', () => ID) _shipmentId: string): ShipmentObject {
    return servedByTheGateway();
  }

  @FieldResolver(() => [ShipmentTrackingEventObject], { description: "The carrier's tracking events, oldest first." })
  async trackingEvents(@Root() shipment: ShipmentObject, @Ctx() ctx: FinanceContext): Promise<ShipmentTrackingEventObject[]> {
    return (await ctx.services.shipments.trackingEvents(shipment.id)).map(ShipmentTrackingEventObject.from);
  }

  @FieldResolver(() => DeliveryNoteObject, { nullable: true, description: 'The delivery note the parcel carries.' })
  async deliveryNote(@Root() shipment: ShipmentObject, @Ctx() ctx: FinanceContext): Promise<DeliveryNoteObject | null> {
    const note = await ctx.services.deliveryNotes.findVisible(shipment.deliveryNoteId);
    return note ? DeliveryNoteObject.from(note) : null;
  }
}

/** Nullable: without orders.view the FORBIDDEN error nulls the shipments only, not the order. */
@Resolver(() => OrderReference)
export class OrderShipmentsResolver {
  @FieldResolver(() => [ShipmentObject], { nullable: true, description: "The order's parcel shipments, oldest first. Needs orders.view." })
  async shipments(@Root() order: OrderReference, @Ctx() ctx: FinanceContext): Promise<ShipmentObject[]> {
    return (await ctx.services.shipments.listForOrder(order.id)).map(ShipmentObject.from);
  }
}
