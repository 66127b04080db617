import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { FinanceContext } from '../context';
import { OrderReference } from '../order/order-reference.object';
import { DeliveryNoteObject } from './delivery-note.object';

@Resolver(() => DeliveryNoteObject)
export class DeliveryNoteResolver {
  @Query(() => DeliveryNoteObject, { nullable: true, description: 'A delivery note of your company (staff: any). Needs orders.view.' })
  async deliveryNote(@Arg('id', () => ID) id: string, @Ctx() ctx: FinanceContext): Promise<DeliveryNoteObject> {
    return DeliveryNoteObject.from(await ctx.services.deliveryNotes.get(id));
  }
}

/** Nullable: without orders.view the FORBIDDEN error nulls the delivery notes only, not the order. */
@Resolver(() => OrderReference)
export class OrderDeliveryNotesResolver {
  @FieldResolver(() => [DeliveryNoteObject], { nullable: true, description: "The order's delivery notes, oldest first. Needs orders.view." })
  async deliveryNotes(@Root() order: OrderReference, @Ctx() ctx: FinanceContext): Promise<DeliveryNoteObject[]> {
    return (await ctx.services.deliveryNotes.listForOrder(order.id)).map(DeliveryNoteObject.from);
  }
}
