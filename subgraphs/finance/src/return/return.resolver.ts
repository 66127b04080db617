import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { requirePermission } from '@hub/auth';
import { servedByTheGateway } from '@hub/subgraph-kit';
import { FinanceContext } from '../context';
import { CreditNoteObject } from '../credit-note/credit-note.object';
import { DeliveryNoteObject } from '../delivery-note/delivery-note.object';
import { FileReturnInput, ReturnAttachmentInput, ReturnReasonLabelInput } from './return.inputs';
import { ReturnFileObject, ReturnLineObject, ReturnPolicyObject, ReturnReasonObject, ReturnRequestObject, ReturnStatusChangeObject } from './return.object';
import { ReturnDisposition, ReturnStatus } from './return-status';
import { RETURN_STATUS_LABELS, RETURN_STATUS_TEXTS } from './return-texts';

/** Returns (RMA): thin resolvers over ReturnService, which holds the rules and the permission checks. */
@Resolver(() => ReturnRequestObject)
export class ReturnResolver {
  @Query(() => ReturnRequestObject, { nullable: true, description: 'A return of your company (staff: any). Needs returns.file.' })
  async returnRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: FinanceContext): Promise<ReturnRequestObject> {
    return ReturnRequestObject.from(await ctx.services.returns.get(id));
  }

  @Query(() => [ReturnRequestObject], { nullable: 'items', description: 'Returns by id, in the order asked; null where one is not yours. Needs returns.file.' })
  async returnRequestsByIds(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: FinanceContext): Promise<Array<ReturnRequestObject | null>> {
    return (await ctx.services.returns.byIds(ids)).map((r) => (r ? ReturnRequestObject.from(r) : null));
  }

  @Query(() => [ReturnRequestObject], { nullable: true, description: "Your company's returns, newest first (staff: every company's). Needs returns.file." })
  async returnRequests(
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'At most this many (1-200).' }) first: number | null,
    @Arg('status', () => ReturnStatus, { nullable: true }) status: ReturnStatus | null,
    @Ctx() ctx: FinanceContext,
  ): Promise<ReturnRequestObject[]> {
    return (await ctx.services.returns.list(first, status)).map(ReturnRequestObject.from);
  }

  @Query(() => ReturnRequestObject, { nullable: true, description: "Staff (staff.orders): the return a label's barcode names (its RMA number); null when none." })
  async returnByLabel(@Arg('barcode') barcode: string, @Ctx() ctx: FinanceContext): Promise<ReturnRequestObject | null> {
    const found = await ctx.services.returns.byLabel(barcode);
    return found ? ReturnRequestObject.from(found) : null;
  }

  @FieldResolver(() => String, { description: "The status as the viewer reads it: in the user's language, else the company's default, else the deployment's (hub texts, kind RETURN_STATUS)." })
  statusLabel(@Root() r: ReturnRequestObject, @Ctx() ctx: FinanceContext): Promise<string> {
    return ctx.services.texts.text(RETURN_STATUS_TEXTS, r.status, RETURN_STATUS_LABELS[r.status], r.status);
  }

  @Query(() => [ReturnReasonObject], { description: "The return reasons to choose from, in the language asked (default: the viewer's language, the company's, the deployment's; English where a reason has no such label); staff's hub texts (kind RETURN_REASON) come first." })
  async returnReasons(@Arg('language', () => String, { nullable: true }) language: string | null, @Ctx() ctx: FinanceContext): Promise<ReturnReasonObject[]> {
    return (await ctx.services.returns.reasons(language)).map((r) => Object.assign(new ReturnReasonObject(), r));
  }

  @Query(() => ReturnPolicyObject, { description: 'How long after delivery goods may be returned, and the attachment size limit.' })
  async returnPolicy(@Ctx() ctx: FinanceContext): Promise<ReturnPolicyObject> {
    return Object.assign(new ReturnPolicyObject(), await ctx.services.returns.policy());
  }

  @Mutation(() => ReturnRequestObject, { description: 'Files a return against a delivery note: the whole note, whole lines or parts of lines. Needs returns.file.' })
  async fileReturn(@Arg('input', () => FileReturnInput) input: FileReturnInput, @Ctx() ctx: FinanceContext): Promise<ReturnRequestObject> {
    return ReturnRequestObject.from(await ctx.services.returns.file(input));
  }

  @Mutation(() => ReturnRequestObject, { description: 'Adds photos (or other files) to an open return of your company. Needs returns.file.' })
  async addReturnAttachments(
    @Arg('id', () => ID) id: string,
    @Arg('attachments', () => [ReturnAttachmentInput]) attachments: ReturnAttachmentInput[],
    @Ctx() ctx: FinanceContext,
  ): Promise<ReturnRequestObject> {
    return ReturnRequestObject.from(await ctx.services.returns.addAttachments(id, attachments));
  }

  @Mutation(() => ReturnRequestObject, { description: "The carrier's waybill of a return whose label was issued (number, file or both): it is in transit. Needs returns.file." })
  async addReturnWaybill(
    @Arg('id', () => ID) id: string,
    @Arg('waybillNumber', () => String, { nullable: true }) waybillNumber: string | null,
    @Arg('carrier', () => String, { nullable: true }) carrier: string | null,
    @Arg('file', () => ReturnAttachmentInput, { nullable: true }) file: ReturnAttachmentInput | null,
    @Ctx() ctx: FinanceContext,
  ): Promise<ReturnRequestObject> {
    return ReturnRequestObject.from(await ctx.services.returns.addWaybill(id, waybillNumber, carrier, file));
  }

  @Mutation(() => ReturnRequestObject, { description: 'Staff (staff.orders): accepts a filed return and issues its label.' })
  async acceptReturn(@Arg('id', () => ID) id: string, @Ctx() ctx: FinanceContext): Promise<ReturnRequestObject> {
    return ReturnRequestObject.from(await ctx.services.returns.accept(id));
  }

  @Mutation(() => ReturnRequestObject, { description: 'Staff (staff.orders): rejects a filed return, with the reason the customer sees.' })
  async rejectReturn(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: FinanceContext): Promise<ReturnRequestObject> {
    return ReturnRequestObject.from(await ctx.services.returns.reject(id, reason));
  }

  @Mutation(() => ReturnRequestObject, { description: "Staff (staff.orders): the goods arrived (at the warehouse or handed in at a store), found by the label's barcode." })
  async receiveReturn(@Arg('barcode') barcode: string, @Arg('note', () => String, { nullable: true }) note: string | null, @Ctx() ctx: FinanceContext): Promise<ReturnRequestObject> {
    return ReturnRequestObject.from(await ctx.services.returns.receive(barcode, note));
  }

  @Mutation(() => ReturnRequestObject, { description: "Store staff (staff.stores): the customer handed the goods in at this store; found by the label's barcode (the RMA number)." })
  async receiveReturnAtStore(@Arg('storeCode') storeCode: string, @Arg('barcode') barcode: string, @Ctx() ctx: FinanceContext): Promise<ReturnRequestObject> {
    return ReturnRequestObject.from(await ctx.services.returns.receiveAtStore(storeCode, barcode));
  }

  @Mutation(() => ReturnRequestObject, { description: 'Staff (staff.orders): what the goods received were found to be.' })
  async assessReturn(@Arg('id', () => ID) id: string, @Arg('assessment') assessment: string, @Ctx() ctx: FinanceContext): Promise<ReturnRequestObject> {
    return ReturnRequestObject.from(await ctx.services.returns.assess(id, assessment));
  }

  @Mutation(() => ReturnRequestObject, { description: "Staff (staff.orders): credit note or exchange; goes to the ERP through the outbox, exactly once, and the ERP's receipt completes it." })
  async decideReturnDisposition(
    @Arg('id', () => ID) id: string,
    @Arg('disposition', () => ReturnDisposition) disposition: ReturnDisposition,
    @Ctx() ctx: FinanceContext,
  ): Promise<ReturnRequestObject> {
    return ReturnRequestObject.from(await ctx.services.returns.decide(id, disposition));
  }

  @Mutation(() => ReturnRequestObject, { description: 'Staff (staff.orders): closes a credited, exchanged or rejected return.' })
  async closeReturn(@Arg('id', () => ID) id: string, @Ctx() ctx: FinanceContext): Promise<ReturnRequestObject> {
    return ReturnRequestObject.from(await ctx.services.returns.close(id));
  }

  @Mutation(() => [ReturnReasonObject], { description: "Staff (staff.orders): sets a return reason's labels (per language) and whether it may be chosen." })
  async setReturnReason(
    @Arg('code') code: string,
    @Arg('labels', () => [ReturnReasonLabelInput]) labels: ReturnReasonLabelInput[],
    @Arg('active', () => Boolean, { defaultValue: true }) active: boolean,
    @Ctx() ctx: FinanceContext,
  ): Promise<ReturnReasonObject[]> {
    return (await ctx.services.returns.setReason(code, labels, active)).map((r) => Object.assign(new ReturnReasonObject(), r));
  }

  @Mutation(() => ReturnPolicyObject, { description: 'Staff (staff.orders): how many months after delivery goods may be returned (1-120).' })
  async setReturnPeriod(@Arg('months', () => Int) months: number, @Ctx() ctx: FinanceContext): Promise<ReturnPolicyObject> {
    return Object.assign(new ReturnPolicyObject(), await ctx.services.returns.setPeriod(months));
  }

  @Subscription(() => ReturnRequestObject, { description: 'Sends the return each time its status or data change (your company\'s returns, with returns.file; staff: any).', subscribe: servedByTheGateway })
  returnStatusChanged(@Arg('returnId', () => ID) _returnId: string): ReturnRequestObject {
    return servedByTheGateway();
  }

  @FieldResolver(() => [ReturnLineObject])
  async lines(@Root() r: ReturnRequestObject, @Ctx() ctx: FinanceContext): Promise<ReturnLineObject[]> {
    return (await ctx.services.returns.lines(r.id)).map(ReturnLineObject.from);
  }

  @FieldResolver(() => [ReturnFileObject], { description: 'Photos and waybills the customer attached.' })
  async attachments(@Root() r: ReturnRequestObject, @Ctx() ctx: FinanceContext): Promise<ReturnFileObject[]> {
    return (await ctx.services.returns.attachments(r.id)).map(ReturnFileObject.from);
  }

  @FieldResolver(() => String, { nullable: true, description: 'A short-lived link to the return label PDF (Code 128 barcode of the RMA number); null until accepted.' })
  async labelUrl(@Root() r: ReturnRequestObject, @Ctx() ctx: FinanceContext): Promise<string | null> {
    const label = await ctx.services.returns.label(r.id);
    return label ? ctx.services.returns.fileUrl(label) : null;
  }

  @FieldResolver(() => [ReturnStatusChangeObject])
  async history(@Root() r: ReturnRequestObject, @Ctx() ctx: FinanceContext): Promise<ReturnStatusChangeObject[]> {
    return (await ctx.services.returns.history(r.id)).map(ReturnStatusChangeObject.from);
  }

  @FieldResolver(() => CreditNoteObject, { nullable: true, description: "The ERP's credit note, read back from the ERP once it issued it. Needs invoices.view (an accounting document)." })
  async creditNote(@Root() r: ReturnRequestObject, @Ctx() ctx: FinanceContext): Promise<CreditNoteObject | null> {
    requirePermission(ctx.viewer, 'invoices.view');
    const note = await ctx.services.returns.creditNote(r.creditNoteNumber);
    return note ? CreditNoteObject.from(note) : null;
  }

  /** Nullable: without orders.view the refusal nulls the note only. */
  @FieldResolver(() => DeliveryNoteObject, { nullable: true })
  async deliveryNote(@Root() r: ReturnRequestObject, @Ctx() ctx: FinanceContext): Promise<DeliveryNoteObject | null> {
    const note = await ctx.services.deliveryNotes.findVisible(r.deliveryNoteId);
    return note ? DeliveryNoteObject.from(note) : null;
  }
}

@Resolver(() => ReturnFileObject)
export class ReturnFileResolver {
  @FieldResolver(() => String, { description: 'A short-lived link to the file.' })
  async url(@Root() f: ReturnFileObject, @Ctx() ctx: FinanceContext): Promise<string> {
    return ctx.services.returns.fileUrl(f);
  }
}

@Resolver(() => ReturnStatusChangeObject)
export class ReturnStatusChangeResolver {
  @FieldResolver(() => String, { description: 'The status it moved to, as the viewer reads it (as ReturnRequest.statusLabel).' })
  toLabel(@Root() change: ReturnStatusChangeObject, @Ctx() ctx: FinanceContext): Promise<string> {
    return ctx.services.texts.text(RETURN_STATUS_TEXTS, change.to, RETURN_STATUS_LABELS[change.to], change.to);
  }
}
