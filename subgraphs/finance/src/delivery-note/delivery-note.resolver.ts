import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { requirePermission } from '@hub/auth';
import { FinanceContext } from '../context';
import { InvoiceObject } from '../invoice/invoice.object';
import { OrderReference } from '../order/order-reference.object';
import { DeliveryNoteObject } from './delivery-note.object';

@Resolver(() => DeliveryNoteObject)
export class DeliveryNoteResolver {
  @Query(() => DeliveryNoteObject, { nullable: true, description: 'A delivery note of your company (staff: any). Needs orders.view.' })
  async deliveryNote(@Arg('id', () => ID) id: string, @Ctx() ctx: FinanceContext): Promise<DeliveryNoteObject> {
    return DeliveryNoteObject.from(await ctx.services.deliveryNotes.get(id));
  }

  @Query(() => [DeliveryNoteObject], { nullable: true, description: "Your company's delivery notes, newest first (staff: every company's). Needs orders.view." })
  async deliveryNotes(
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'At most this many (1-200).' }) first: number | null,
    @Ctx() ctx: FinanceContext,
  ): Promise<DeliveryNoteObject[]> {
    return (await ctx.services.deliveryNotes.list(first)).map(DeliveryNoteObject.from);
  }

  /** Nullable: without invoices.view the FORBIDDEN error nulls the invoices only, not the note. */
  @FieldResolver(() => [InvoiceObject], { nullable: true, description: 'The invoices of the order this note delivered, newest first. Needs invoices.view.' })
  async invoices(@Root() note: DeliveryNoteObject, @Ctx() ctx: FinanceContext): Promise<InvoiceObject[]> {
    requirePermission(ctx.viewer, 'invoices.view');
    return note.order ? (await ctx.services.invoices.listForOrder(note.order.id)).map(InvoiceObject.from) : [];
  }
}

/** Nullable: without orders.view the FORBIDDEN error nulls the delivery notes only, not the invoice. */
@Resolver(() => InvoiceObject)
export class InvoiceDeliveryNotesResolver {
  @FieldResolver(() => [DeliveryNoteObject], { nullable: true, description: 'The delivery notes of the order the invoice bills, oldest first. Needs orders.view.' })
  async deliveryNotes(@Root() invoice: InvoiceObject, @Ctx() ctx: FinanceContext): Promise<DeliveryNoteObject[]> {
    return invoice.order ? (await ctx.services.deliveryNotes.listForOrder(invoice.order.id)).map(DeliveryNoteObject.from) : [];
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
