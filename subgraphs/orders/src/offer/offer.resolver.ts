import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { OrdersContext } from '../context';
import { OrderObject } from '../order/order.object';
import { CompanyReference } from '../references/reference.objects';
import { OfferTermKind } from './offer-catalogue.entity';
import { AcceptOfferInput, CreateOffersInput, OfferContentInput, OfferExtraServiceInput, OfferTermInput } from './offer.inputs';
import { OfferContentObject, OfferExtraServiceObject, OfferFileFormat, OfferFileLinkObject, OfferObject, OfferTermObject } from './offer.object';
import { OfferStatus } from './offer.state-machine';

@ObjectType('OfferAcceptance')
export class OfferAcceptanceObject {
  @Field(() => OfferObject)
  offer: OfferObject;

  @Field(() => OrderObject, { description: 'The order placed from it, at the offered prices.' })
  order: OrderObject;
}

@Resolver(() => OfferObject)
export class OfferResolver {
  @Query(() => [OfferObject], { description: "Sales reps (staff.sales): the offers of your customers (staff.admin: all), newest first; search by number, title, SKU or product name." })
  async salesOffers(
    @Ctx() ctx: OrdersContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
    @Arg('status', () => OfferStatus, { nullable: true }) status?: OfferStatus | null,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('companyId', () => ID, { nullable: true }) companyId?: string | null,
  ): Promise<OfferObject[]> {
    await ctx.services.offers.rep(ctx.viewer);
    return (await ctx.services.offers.list(ctx.viewer, { first, status, search, companyId })).map((o) => OfferObject.from(o));
  }

  @Query(() => [OfferObject], { description: "Your company's offers (orders.view), newest first; search by number, title, SKU or product name." })
  async offers(
    @Ctx() ctx: OrdersContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
    @Arg('status', () => OfferStatus, { nullable: true }) status?: OfferStatus | null,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
  ): Promise<OfferObject[]> {
    return (await ctx.services.offers.list(ctx.viewer, { first, status, search })).map((o) => OfferObject.from(o));
  }

  @Query(() => OfferObject, { description: 'One offer (your company\'s, or your customer\'s as its rep); opening a sent offer as the customer marks it VIEWED.' })
  async offer(@Arg('id', () => ID) id: string, @Ctx() ctx: OrdersContext): Promise<OfferObject> {
    return OfferObject.from(await ctx.services.offers.open(ctx.viewer, id));
  }

  @Query(() => OfferFileLinkObject, { description: 'A link to the offer as a PDF or XLSX (with your branding and the customer\'s details).' })
  async offerFile(
    @Arg('id', () => ID) id: string,
    @Arg('format', () => OfferFileFormat, { defaultValue: OfferFileFormat.PDF }) format: OfferFileFormat,
    @Ctx() ctx: OrdersContext,
  ): Promise<OfferFileLinkObject> {
    return Object.assign(new OfferFileLinkObject(), await ctx.services.offerFiles.issue(ctx.viewer, id, format));
  }

  @Query(() => [OfferTermObject], { description: 'Sales reps: the terms to pick from (payment, transport, validity, notes).' })
  async offerTerms(
    @Ctx() ctx: OrdersContext,
    @Arg('includeRetired', () => Boolean, { defaultValue: false }) includeRetired: boolean,
    @Arg('kind', () => OfferTermKind, { nullable: true }) kind?: OfferTermKind | null,
  ): Promise<OfferTermObject[]> {
    return (await ctx.services.offers.termsList(ctx.viewer, kind ?? null, includeRetired)).map(OfferTermObject.from);
  }

  @Query(() => [OfferExtraServiceObject], { description: 'Sales reps: the extra services with their prices.' })
  async offerExtraServices(@Ctx() ctx: OrdersContext, @Arg('includeRetired', () => Boolean, { defaultValue: false }) includeRetired: boolean): Promise<OfferExtraServiceObject[]> {
    return (await ctx.services.offers.servicesList(ctx.viewer, includeRetired)).map(OfferExtraServiceObject.from);
  }

  @Query(() => [CompanyReference], { description: 'Sales reps: the customers you look after (staff.admin: any rep\'s).' })
  async salesCustomers(@Ctx() ctx: OrdersContext, @Arg('repUserId', () => ID, { nullable: true }) repUserId?: string | null): Promise<CompanyReference[]> {
    return (await ctx.services.offers.customersOfRep(ctx.viewer, repUserId)).map(CompanyReference.of);
  }

  @Mutation(() => [OfferObject], { description: 'Sales reps: drafts of one offer for each of your customers given, with the same content.' })
  async createOffers(@Arg('input', () => CreateOffersInput) input: CreateOffersInput, @Ctx() ctx: OrdersContext): Promise<OfferObject[]> {
    return (await ctx.services.offers.create(ctx.viewer, input)).map((o) => OfferObject.from(o));
  }

  @Mutation(() => OfferObject, { description: 'Sales reps: changes an offer; once sent, as a new version (published at once; the old one stays readable).' })
  async updateOffer(@Arg('id', () => ID) id: string, @Arg('input', () => OfferContentInput) input: OfferContentInput, @Ctx() ctx: OrdersContext): Promise<OfferObject> {
    return OfferObject.from(await ctx.services.offers.update(ctx.viewer, id, input));
  }

  @Mutation(() => [OfferObject], { description: 'Sales reps: new drafts with the same content, for the same customer or those given.' })
  async copyOffer(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: OrdersContext,
    @Arg('companyIds', () => [ID], { nullable: true }) companyIds?: string[] | null,
  ): Promise<OfferObject[]> {
    return (await ctx.services.offers.copy(ctx.viewer, id, companyIds)).map((o) => OfferObject.from(o));
  }

  @Mutation(() => OfferObject, { description: "Sales reps: publishes the offer in the customer's panel and mails it to the company's users (orders.view) with the file attached." })
  async sendOffer(
    @Arg('id', () => ID) id: string,
    @Arg('attach', () => OfferFileFormat, { defaultValue: OfferFileFormat.PDF }) attach: OfferFileFormat,
    @Ctx() ctx: OrdersContext,
  ): Promise<OfferObject> {
    return OfferObject.from(await ctx.services.offers.send(ctx.viewer, id, attach));
  }

  @Mutation(() => OfferAcceptanceObject, { description: 'Accepts the offer, wholly or the lines given, into an order at the offered prices (orders.place, while it is valid).' })
  async acceptOffer(@Arg('input', () => AcceptOfferInput) input: AcceptOfferInput, @Ctx() ctx: OrdersContext): Promise<OfferAcceptanceObject> {
    const { offer, order } = await ctx.services.offers.accept(ctx.viewer, input);
    return Object.assign(new OfferAcceptanceObject(), { offer: OfferObject.from(offer), order: OrderObject.from(order) });
  }

  @Mutation(() => OfferObject, { description: 'Rejects the offer (orders.place, while it is valid).' })
  async rejectOffer(@Arg('id', () => ID) id: string, @Ctx() ctx: OrdersContext, @Arg('reason', () => String, { nullable: true }) reason?: string | null): Promise<OfferObject> {
    return OfferObject.from(await ctx.services.offers.reject(ctx.viewer, id, reason));
  }

  @Mutation(() => OfferTermObject, { description: 'staff.admin: adds or changes a term on the list.' })
  async saveOfferTerm(@Arg('input', () => OfferTermInput) input: OfferTermInput, @Ctx() ctx: OrdersContext): Promise<OfferTermObject> {
    return OfferTermObject.from(await ctx.services.offers.saveTerm(ctx.viewer, input));
  }

  @Mutation(() => OfferExtraServiceObject, { description: 'staff.admin: adds or changes (by code) an extra service on the list.' })
  async saveOfferExtraService(@Arg('input', () => OfferExtraServiceInput) input: OfferExtraServiceInput, @Ctx() ctx: OrdersContext): Promise<OfferExtraServiceObject> {
    return OfferExtraServiceObject.from(await ctx.services.offers.saveService(ctx.viewer, input));
  }

  @Mutation(() => [CompanyReference], { description: "staff.admin: adds customers a sales rep looks after; gives the rep's customers." })
  async assignSalesCustomers(@Arg('repUserId', () => ID) repUserId: string, @Arg('companyIds', () => [ID]) companyIds: string[], @Ctx() ctx: OrdersContext): Promise<CompanyReference[]> {
    return (await ctx.services.offers.assignCustomers(ctx.viewer, repUserId, companyIds, true)).map(CompanyReference.of);
  }

  @Mutation(() => [CompanyReference], { description: "staff.admin: takes customers away from a sales rep; gives the rep's customers." })
  async unassignSalesCustomers(@Arg('repUserId', () => ID) repUserId: string, @Arg('companyIds', () => [ID]) companyIds: string[], @Ctx() ctx: OrdersContext): Promise<CompanyReference[]> {
    return (await ctx.services.offers.assignCustomers(ctx.viewer, repUserId, companyIds, false)).map(CompanyReference.of);
  }

  @FieldResolver(() => [OfferContentObject], { description: 'Every version before the current one, oldest first.' })
  async versions(@Root() offer: OfferObject, @Ctx() ctx: OrdersContext): Promise<OfferContentObject[]> {
    return (await ctx.services.offers.versions(offer.entity)).map(OfferContentObject.ofVersion);
  }

  @FieldResolver(() => OrderObject, { nullable: true, description: 'The order its acceptance placed.' })
  async order(@Root() offer: OfferObject, @Ctx() ctx: OrdersContext): Promise<OrderObject | null> {
    if (!offer.entity.orderId) return null;
    const order = await ctx.services.orders.findVisible(ctx.viewer, offer.entity.orderId);
    return order ? OrderObject.from(order) : null;
  }
}
