import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SuppliersContext } from '../context';
import { PurchaseOrderObject } from '../purchase-order/purchase-order.object';
import { SupplierObject } from '../supplier/supplier.object';
import { CreateRfqInput, RfqAnswerInput, RfqChoiceInput } from './rfq.inputs';
import { RfqAnswerObject, RfqLineComparisonObject, RfqLineObject, RfqObject } from './rfq.object';

/** Requests for quotation: thin resolvers over RfqService, which holds the rules and the checks of who sees what. */
@Resolver(() => RfqObject)
export class RfqResolver {
  @Query(() => [RfqObject], { description: 'Requests for quotation, newest first: all for buyers (staff.purchasing); those your supplier was asked for, for supplier users.' })
  async rfqs(@Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null, @Ctx() ctx: SuppliersContext): Promise<RfqObject[]> {
    const rfqs = ctx.services.rfqs;
    return (await rfqs.list(first)).map((r) => RfqObject.from(r, rfqs.acceptsAnswers(r)));
  }

  @Query(() => RfqObject, { description: "A request for quotation (buyers: any; supplier users: one their supplier was asked for; else NOT_FOUND)." })
  async rfq(@Arg('id', () => ID) id: string, @Ctx() ctx: SuppliersContext): Promise<RfqObject> {
    const r = await ctx.services.rfqs.get(id);
    return RfqObject.from(r, ctx.services.rfqs.acceptsAnswers(r));
  }

  @FieldResolver(() => [RfqLineObject])
  async lines(@Root() rfq: RfqObject, @Ctx() ctx: SuppliersContext): Promise<RfqLineObject[]> {
    return (await ctx.services.rfqs.lines(rfq.id)).map(RfqLineObject.from);
  }

  @FieldResolver(() => [SupplierObject], { description: 'The suppliers asked (a supplier user sees its own only).' })
  async suppliers(@Root() rfq: RfqObject, @Ctx() ctx: SuppliersContext): Promise<SupplierObject[]> {
    const ids = await ctx.services.rfqs.invitedSupplierIds(rfq.id);
    const found = await Promise.all(ids.map((id) => ctx.loaders.supplierById.load(id)));
    return found.flatMap((s) => (s ? [SupplierObject.from(s)] : [])).sort((a, b) => a.name.localeCompare(b.name));
  }

  @FieldResolver(() => [RfqAnswerObject], { description: "The answers given (a supplier user sees its own supplier's only)." })
  async answers(@Root() rfq: RfqObject, @Ctx() ctx: SuppliersContext): Promise<RfqAnswerObject[]> {
    return (await ctx.services.rfqs.answers(rfq.id)).map((a) => RfqAnswerObject.from(a, rfq.currency));
  }

  @FieldResolver(() => [RfqLineComparisonObject], { nullable: true, description: 'Answers side by side per line, with the cheapest and the fastest (buyers only; null with FORBIDDEN for others).' })
  async comparison(@Root() rfq: RfqObject, @Ctx() ctx: SuppliersContext): Promise<RfqLineComparisonObject[]> {
    const toObject = (a: Parameters<typeof RfqAnswerObject.from>[0] | null) => (a ? RfqAnswerObject.from(a, rfq.currency) : null);
    return (await ctx.services.rfqs.comparison(rfq.id)).map((c) => Object.assign(new RfqLineComparisonObject(), {
      lineNo: c.lineNo, answers: c.answers.map((a) => toObject(a)!), cheapest: toObject(c.cheapest), fastest: toObject(c.fastest),
    }));
  }

  @Mutation(() => RfqObject, { description: 'Buyers (staff.purchasing): sends a request for quotation to several suppliers.' })
  async createRfq(@Arg('input', () => CreateRfqInput) input: CreateRfqInput, @Ctx() ctx: SuppliersContext): Promise<RfqObject> {
    const r = await ctx.services.rfqs.create(input);
    return RfqObject.from(r, ctx.services.rfqs.acceptsAnswers(r));
  }

  @Mutation(() => RfqObject, { description: 'Buyers: withdraws an open request.' })
  async cancelRfq(@Arg('id', () => ID) id: string, @Ctx() ctx: SuppliersContext): Promise<RfqObject> {
    const r = await ctx.services.rfqs.cancel(id);
    return RfqObject.from(r, false);
  }

  @Mutation(() => RfqObject, { description: "Supplier users: your supplier's answers to some or all lines (replacing earlier ones), until the deadline (then CONFLICT, reason DEADLINE_PASSED)." })
  async answerRfq(@Arg('rfqId', () => ID) rfqId: string, @Arg('lines', () => [RfqAnswerInput]) lines: RfqAnswerInput[], @Ctx() ctx: SuppliersContext): Promise<RfqObject> {
    const r = await ctx.services.rfqs.answer(rfqId, lines);
    return RfqObject.from(r, ctx.services.rfqs.acceptsAnswers(r));
  }

  @Mutation(() => [PurchaseOrderObject], { description: "Buyers: orders each chosen line from the supplier chosen for it, at its answer's price: one purchase order per supplier, sent to the ERP exactly once." })
  async orderFromRfq(@Arg('rfqId', () => ID) rfqId: string, @Arg('choices', () => [RfqChoiceInput]) choices: RfqChoiceInput[], @Ctx() ctx: SuppliersContext): Promise<PurchaseOrderObject[]> {
    const ids = await ctx.services.rfqs.order(rfqId, choices);
    return Promise.all(ids.map(async (id) => PurchaseOrderObject.from(await ctx.services.purchaseOrders.get(id))));
  }
}

@Resolver(() => RfqAnswerObject)
export class RfqAnswerResolver {
  @FieldResolver(() => SupplierObject)
  async supplier(@Root() answer: RfqAnswerObject, @Ctx() ctx: SuppliersContext): Promise<SupplierObject> {
    return SupplierObject.from((await ctx.loaders.supplierById.load(answer.supplierId))!);
  }
}
