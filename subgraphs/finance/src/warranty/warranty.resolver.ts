import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { servedByTheGateway } from '@hub/subgraph-kit';
import { FinanceContext } from '../context';
import { DeliveryNoteObject } from '../delivery-note/delivery-note.object';
import { RegisterProductInput } from './warranty.inputs';
import { RegisteredProductObject, ServiceRequestObject } from './warranty.object';

/** Product registration and service requests: thin resolvers over WarrantyService, which holds the rules and the permission checks. */
@Resolver(() => RegisteredProductObject)
export class RegisteredProductResolver {
  @Query(() => [RegisteredProductObject], { description: "Your company's registered units, newest first (staff: every company's). Needs returns.file." })
  async registeredProducts(
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'At most this many (1-200).' }) first: number | null,
    @Ctx() ctx: FinanceContext,
  ): Promise<RegisteredProductObject[]> {
    return (await ctx.services.warranty.registeredProducts(first)).map(RegisteredProductObject.from);
  }

  @Query(() => RegisteredProductObject, { description: 'A registered unit of your company. Needs returns.file.' })
  async registeredProduct(@Arg('id', () => ID) id: string, @Ctx() ctx: FinanceContext): Promise<RegisteredProductObject> {
    return RegisteredProductObject.from(await ctx.services.warranty.registeredProduct(id));
  }

  @Mutation(() => RegisteredProductObject, { description: 'Registers a unit your company bought, by the serial number on one of its delivery notes. Needs returns.file.' })
  async registerProduct(@Arg('input', () => RegisterProductInput) input: RegisterProductInput, @Ctx() ctx: FinanceContext): Promise<RegisteredProductObject> {
    return RegisteredProductObject.from(await ctx.services.warranty.register(input.serialNumber, input.deliveryNoteNumber));
  }

  @FieldResolver(() => [ServiceRequestObject], { description: 'Its service requests, newest first.' })
  async serviceRequests(@Root() p: RegisteredProductObject, @Ctx() ctx: FinanceContext): Promise<ServiceRequestObject[]> {
    return (await ctx.services.warranty.serviceRequestsOf(p.id)).map((r) => ServiceRequestObject.from(r, ctx.services.warranty.daysInService(r)));
  }

  /** Nullable: without orders.view the refusal nulls the note only. */
  @FieldResolver(() => DeliveryNoteObject, { nullable: true })
  async deliveryNote(@Root() p: RegisteredProductObject, @Ctx() ctx: FinanceContext): Promise<DeliveryNoteObject | null> {
    const note = await ctx.services.deliveryNotes.findVisible(p.deliveryNoteId);
    return note ? DeliveryNoteObject.from(note) : null;
  }
}

@Resolver(() => ServiceRequestObject)
export class ServiceRequestResolver {
  @Query(() => ServiceRequestObject, { description: 'A service request of your company (staff: any). Needs returns.file.' })
  async serviceRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: FinanceContext): Promise<ServiceRequestObject> {
    const r = await ctx.services.warranty.serviceRequest(id);
    return ServiceRequestObject.from(r, ctx.services.warranty.daysInService(r));
  }

  @Query(() => [ServiceRequestObject], { nullable: 'items', description: 'Service requests by id, in the order asked; null where one is not yours. Needs returns.file.' })
  async serviceRequestsByIds(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: FinanceContext): Promise<Array<ServiceRequestObject | null>> {
    return (await ctx.services.warranty.serviceRequestsByIds(ids)).map((r) => (r ? ServiceRequestObject.from(r, ctx.services.warranty.daysInService(r)) : null));
  }

  @Subscription(() => ServiceRequestObject, { description: "Sends the service request each time its status, the ERP's repair history or its dates change (your company's, with returns.file; staff: any).", subscribe: servedByTheGateway })
  serviceRequestChanged(@Arg('serviceRequestId', () => ID) _serviceRequestId: string): ServiceRequestObject {
    return servedByTheGateway();
  }

  @Mutation(() => ServiceRequestObject, { description: "Opens a service request for a registered unit; it goes to the ERP's workshop exactly once. Needs returns.file." })
  async openServiceRequest(
    @Arg('registeredProductId', () => ID) registeredProductId: string,
    @Arg('description', { description: 'What is wrong with the unit.' }) description: string,
    @Ctx() ctx: FinanceContext,
  ): Promise<ServiceRequestObject> {
    const r = await ctx.services.warranty.open(registeredProductId, description);
    return ServiceRequestObject.from(r, ctx.services.warranty.daysInService(r));
  }

  @Mutation(() => ServiceRequestObject, { description: 'You have the unit back: closes a request the workshop shipped back (or rejected). Needs returns.file.' })
  async closeServiceRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: FinanceContext): Promise<ServiceRequestObject> {
    const r = await ctx.services.warranty.close(id);
    return ServiceRequestObject.from(r, ctx.services.warranty.daysInService(r));
  }
}
