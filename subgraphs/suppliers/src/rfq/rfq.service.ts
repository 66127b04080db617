import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Viewer } from '@hub/auth';
import { badUserInput, conflict, forbidden, HubError, notFound } from '@hub/errors';
import DataLoader from 'dataloader';
import { checkPageSize, createGroupLoader, isUuid } from '@hub/subgraph-kit';
import { ProductSkuEntity } from '../catalogue/product-sku.entity';
import { OrderToPlace, placeOrders } from '../purchase-order/purchase-order.service';
import { purchasingScope, requireBuyer, requireSupplierUser } from '../purchase-order/purchasing-access';
import { checkCurrency, checkDay, checkPrice, checkQuantity, checkText, todayUtc } from '../purchase-order/purchasing-input';
import { SupplierEntity } from '../supplier/supplier.entity';
import { compareAnswers, LineComparison } from './rfq-comparison';
import { RfqAnswerEntity, RfqEntity, RfqInvitationEntity, RfqLineEntity } from './rfq.entity';
import { RfqStatus } from './rfq-status';

export interface RfqInput {
  title: string;
  deliveryDate: string;
  deadline: Date;
  currency: string;
  supplierIds: string[];
  lines: Array<{ productId: string; quantity: string }>;
}

export interface RfqAnswerInput {
  lineNo: number;
  unitPrice: string;
  leadTimeDays: number;
  conditions?: string | null;
}

const MAX_LINES = 100;
const MAX_SUPPLIERS = 20;
const DAY = 86_400_000;

/**
 * Requests for quotation (S1). A buyer sends one to several suppliers with a deadline; each
 * supplier's users see it and their own answers only (another supplier's RFQ is NOT_FOUND to them);
 * answers may be partial and changed until the deadline; the buyer compares them per line and
 * turns the chosen ones into purchase orders, one per supplier.
 */
export class RfqService {
  /** Per request, one statement each for all RFQs of a page: lines, invitations, answers. */
  private readonly linesOf: DataLoader<string, RfqLineEntity[]>;
  private readonly invitationsOf: DataLoader<string, RfqInvitationEntity[]>;
  private readonly answersOf: DataLoader<string, RfqAnswerEntity[]>;

  constructor(private readonly em: EntityManager, private readonly viewer: Viewer | null) {
    this.linesOf = createGroupLoader((ids: string[]) => em.find(RfqLineEntity, { rfqId: { $in: ids } }, { orderBy: { lineNo: 'asc' } }), (l) => l.rfqId, 'rfqLines');
    this.invitationsOf = createGroupLoader((ids: string[]) => em.find(RfqInvitationEntity, { rfqId: { $in: ids } }), (i) => i.rfqId, 'rfqInvitations');
    this.answersOf = createGroupLoader(
      (ids: string[]) => em.find(RfqAnswerEntity, { rfqId: { $in: ids } }, { orderBy: { lineNo: 'asc', supplierId: 'asc' } }), (a) => a.rfqId, 'rfqAnswers',
    );
  }

  // ---- reading ----

  async list(first: number | null | undefined): Promise<RfqEntity[]> {
    const scope = purchasingScope(this.viewer);
    const limit = checkPageSize(first, { max: 200, default: 50 });
    if (scope.kind === 'NONE') throw forbidden('Requests for quotation are for buyers and the suppliers they ask.');
    if (scope.kind === 'BUYER') return this.em.find(RfqEntity, {}, { orderBy: { createdAt: 'desc', id: 'asc' }, limit });
    const invited = await this.em.find(RfqInvitationEntity, { supplierId: scope.supplierId });
    return this.em.find(RfqEntity, { id: { $in: invited.map((i) => i.rfqId) } }, { orderBy: { createdAt: 'desc', id: 'asc' }, limit });
  }

  /** A buyer sees any RFQ; a supplier user one its supplier was asked to quote; everyone else NOT_FOUND (same answer as "absent"). */
  async get(id: string): Promise<RfqEntity> {
    const scope = purchasingScope(this.viewer);
    if (!isUuid(id)) throw badUserInput('The RFQ id must be a UUID.', 'id');
    const rfq = scope.kind === 'NONE' ? null : await this.em.findOne(RfqEntity, { id });
    if (!rfq || (scope.kind === 'SUPPLIER' && !(await this.em.count(RfqInvitationEntity, { rfqId: id, supplierId: scope.supplierId })))) throw notFound('RFQ', id);
    return rfq;
  }

  lines(rfqId: string): Promise<RfqLineEntity[]> {
    return this.linesOf.load(rfqId);
  }

  /** Buyers: every invited supplier; a supplier user: its own supplier only. */
  async invitedSupplierIds(rfqId: string): Promise<string[]> {
    const scope = purchasingScope(this.viewer);
    if (scope.kind === 'NONE') return [];
    const invited = await this.invitationsOf.load(rfqId);
    return invited.filter((i) => scope.kind === 'BUYER' || i.supplierId === scope.supplierId).map((i) => i.supplierId);
  }

  /** Buyers: every answer; a supplier user: its own supplier's answers only. */
  async answers(rfqId: string): Promise<RfqAnswerEntity[]> {
    const scope = purchasingScope(this.viewer);
    if (scope.kind === 'NONE') return [];
    return (await this.answersOf.load(rfqId)).filter((a) => scope.kind === 'BUYER' || a.supplierId === scope.supplierId);
  }

  /** Side by side per line, buyers only: a supplier user asking gets FORBIDDEN (the field is null). */
  async comparison(rfqId: string): Promise<Array<LineComparison<RfqAnswerEntity>>> {
    requireBuyer(this.viewer);
    const [lines, answers] = await Promise.all([this.linesOf.load(rfqId), this.answersOf.load(rfqId)]);
    return compareAnswers(lines.map((l) => l.lineNo), answers);
  }

  acceptsAnswers(rfq: RfqEntity, now = new Date()): boolean {
    return rfq.status === RfqStatus.OPEN && rfq.deadline.getTime() > now.getTime();
  }

  // ---- the buyer ----

  async create(input: RfqInput): Promise<RfqEntity> {
    const buyer = requireBuyer(this.viewer);
    const title = checkText(input.title, 'title', 200);
    if (!title) throw badUserInput('Give the request a title.', 'title');
    const today = todayUtc();
    checkDay(input.deliveryDate, 'deliveryDate', today);
    checkCurrency(input.currency);
    const deadline = input.deadline;
    if (!(deadline instanceof Date) || Number.isNaN(deadline.getTime())) throw badUserInput('deadline must be a date and time.', 'deadline');
    if (deadline.getTime() <= Date.now()) throw badUserInput('The deadline must be in the future.', 'deadline');
    if (deadline.getTime() > new Date(`${input.deliveryDate}T00:00:00Z`).getTime() + DAY) throw badUserInput('The deadline must come before the delivery date.', 'deadline');
    const supplierIds = [...new Set(input.supplierIds)];
    if (supplierIds.length === 0) throw badUserInput('Ask at least one supplier.', 'supplierIds');
    if (supplierIds.length > MAX_SUPPLIERS) throw badUserInput(`Ask at most ${MAX_SUPPLIERS} suppliers.`, 'supplierIds');
    if (supplierIds.some((id) => !isUuid(id))) throw badUserInput('supplierIds must be UUIDs.', 'supplierIds');
    if (input.lines.length === 0) throw badUserInput('Ask for at least one item.', 'lines');
    if (input.lines.length > MAX_LINES) throw badUserInput(`At most ${MAX_LINES} lines.`, 'lines');
    for (const l of input.lines) {
      if (!isUuid(l.productId)) throw badUserInput('productId must be a UUID.', 'productId');
      checkQuantity(l.quantity, 'quantity');
    }
    if (new Set(input.lines.map((l) => l.productId)).size !== input.lines.length) throw badUserInput('Each product once per request.', 'lines');
    const id = randomUUID();
    await this.em.transactional(async (tx) => {
      const suppliers = await tx.find(SupplierEntity, { id: { $in: supplierIds } });
      const unknown = supplierIds.find((s) => !suppliers.some((x) => x.id === s));
      if (unknown) throw notFound('Supplier', unknown);
      const skus = new Map((await tx.find(ProductSkuEntity, { productId: { $in: input.lines.map((l) => l.productId) } })).map((p) => [p.productId, p.sku]));
      const missing = input.lines.find((l) => !skus.has(l.productId));
      if (missing) throw badUserInput(`Product ${missing.productId} is not one the ERP sells.`, 'productId');
      tx.create(RfqEntity, { id, number: `RFQ-${id.slice(0, 8).toUpperCase()}`, title, deliveryDate: input.deliveryDate, deadline, currency: input.currency, status: RfqStatus.OPEN, createdByUserId: buyer.userId });
      input.lines.forEach((l, i) => tx.create(RfqLineEntity, { id: randomUUID(), rfqId: id, lineNo: i + 1, productId: l.productId, sku: skus.get(l.productId)!, quantity: checkQuantity(l.quantity, 'quantity') }));
      for (const supplierId of supplierIds) tx.create(RfqInvitationEntity, { id: randomUUID(), rfqId: id, supplierId });
      await tx.flush();
    });
    return this.em.findOneOrFail(RfqEntity, { id });
  }

  async cancel(id: string): Promise<RfqEntity> {
    requireBuyer(this.viewer);
    if (!isUuid(id)) throw badUserInput('The RFQ id must be a UUID.', 'id');
    await this.em.transactional(async (tx) => {
      const rfq = await tx.findOne(RfqEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!rfq) throw notFound('RFQ', id);
      if (rfq.status !== RfqStatus.OPEN) throw conflict(`RFQ ${rfq.number} is ${rfq.status}.`);
      rfq.status = RfqStatus.CANCELLED;
      await tx.flush();
    });
    this.em.clear();
    return this.em.findOneOrFail(RfqEntity, { id });
  }

  /**
   * Turns the chosen answers (a supplier per line) into purchase orders, one per supplier, at the
   * answered price, due on the delivery date asked for or the supplier's lead time from today,
   * whichever is later. Lines not chosen are not ordered. The RFQ becomes ORDERED and takes no
   * more answers; the orders and their outbox messages commit with it.
   */
  async order(rfqId: string, choices: Array<{ lineNo: number; supplierId: string }>): Promise<string[]> {
    const buyer = requireBuyer(this.viewer);
    if (!isUuid(rfqId)) throw badUserInput('The RFQ id must be a UUID.', 'rfqId');
    if (choices.length === 0) throw badUserInput('Choose an answer for at least one line.', 'choices');
    if (new Set(choices.map((c) => c.lineNo)).size !== choices.length) throw badUserInput('Choose one supplier per line.', 'choices');
    if (choices.some((c) => !isUuid(c.supplierId))) throw badUserInput('supplierId must be a UUID.', 'supplierId');
    return this.em.transactional(async (tx) => {
      const rfq = await tx.findOne(RfqEntity, { id: rfqId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!rfq) throw notFound('RFQ', rfqId);
      if (rfq.status !== RfqStatus.OPEN) throw conflict(`RFQ ${rfq.number} is ${rfq.status}.`);
      const [lines, answers] = await Promise.all([tx.find(RfqLineEntity, { rfqId }), tx.find(RfqAnswerEntity, { rfqId })]);
      const suppliers = new Map((await tx.find(SupplierEntity, { id: { $in: [...new Set(choices.map((c) => c.supplierId))] } })).map((s) => [s.id, s]));
      const today = todayUtc();
      const bySupplier = new Map<string, OrderToPlace>();
      for (const choice of [...choices].sort((a, b) => a.lineNo - b.lineNo)) {
        const line = lines.find((l) => l.lineNo === choice.lineNo);
        if (!line) throw badUserInput(`Line ${choice.lineNo} is not on ${rfq.number}.`, 'lineNo');
        const answer = answers.find((a) => a.lineNo === choice.lineNo && a.supplierId === choice.supplierId);
        const supplier = suppliers.get(choice.supplierId);
        if (!answer || !supplier) throw badUserInput(`That supplier did not answer line ${choice.lineNo}.`, 'supplierId');
        const byLeadTime = new Date(Date.now() + answer.leadTimeDays * DAY).toISOString().slice(0, 10);
        const wanted = rfq.deliveryDate < today ? today : rfq.deliveryDate;
        const order = bySupplier.get(supplier.id) ?? { supplier, currency: rfq.currency, note: `From ${rfq.number}: ${rfq.title}`, rfqId, lines: [] };
        order.lines.push({ productId: line.productId, quantity: line.quantity, unitPrice: answer.unitPrice, deliveryDate: byLeadTime > wanted ? byLeadTime : wanted });
        bySupplier.set(supplier.id, order);
      }
      rfq.status = RfqStatus.ORDERED;
      return placeOrders(tx, buyer, [...bySupplier.values()]);
    });
  }

  // ---- the supplier ----

  /**
   * A supplier's answers to some or all lines; an answer given before is replaced. Only while the
   * RFQ is OPEN and before its deadline: afterwards CONFLICT (extensions.reason DEADLINE_PASSED).
   */
  async answer(rfqId: string, answers: RfqAnswerInput[]): Promise<RfqEntity> {
    const v = requireSupplierUser(this.viewer);
    if (!isUuid(rfqId)) throw badUserInput('The RFQ id must be a UUID.', 'rfqId');
    if (answers.length === 0) throw badUserInput('Answer at least one line.', 'lines');
    if (new Set(answers.map((a) => a.lineNo)).size !== answers.length) throw badUserInput('One answer per line.', 'lines');
    for (const a of answers) {
      checkPrice(a.unitPrice, 'unitPrice');
      if (!Number.isInteger(a.leadTimeDays) || a.leadTimeDays < 0 || a.leadTimeDays > 365) throw badUserInput('leadTimeDays must be a whole number of days from 0 to 365.', 'leadTimeDays');
      checkText(a.conditions, 'conditions', 500);
    }
    await this.em.transactional(async (tx) => {
      // Shared lock: answers of several suppliers go in side by side, but not past a cancellation or an order.
      const rfq = await tx.findOne(RfqEntity, { id: rfqId }, { lockMode: LockMode.PESSIMISTIC_READ });
      if (!rfq || !(await tx.count(RfqInvitationEntity, { rfqId, supplierId: v.supplierId }))) throw notFound('RFQ', rfqId);
      if (rfq.status !== RfqStatus.OPEN) throw conflict(`RFQ ${rfq.number} is ${rfq.status} and takes no more answers.`);
      if (!this.acceptsAnswers(rfq)) throw new HubError('CONFLICT', `The deadline of ${rfq.number} (${rfq.deadline.toISOString()}) has passed.`, { reason: 'DEADLINE_PASSED' });
      const lineNos = new Set((await tx.find(RfqLineEntity, { rfqId })).map((l) => l.lineNo));
      const unknown = answers.find((a) => !lineNos.has(a.lineNo));
      if (unknown) throw badUserInput(`Line ${unknown.lineNo} is not on ${rfq.number}.`, 'lineNo');
      const existing = new Map((await tx.find(RfqAnswerEntity, { rfqId, supplierId: v.supplierId })).map((a) => [a.lineNo, a]));
      for (const a of answers) {
        const values = { unitPrice: checkPrice(a.unitPrice, 'unitPrice'), leadTimeDays: a.leadTimeDays, conditions: checkText(a.conditions, 'conditions', 500), answeredByUserId: v.userId, answeredAt: new Date() };
        const found = existing.get(a.lineNo);
        if (found) Object.assign(found, values);
        else tx.create(RfqAnswerEntity, { id: randomUUID(), rfqId, supplierId: v.supplierId, lineNo: a.lineNo, ...values });
      }
      await tx.flush();
    });
    this.em.clear();
    return this.em.findOneOrFail(RfqEntity, { id: rfqId });
  }
}
