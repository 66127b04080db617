import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Viewer } from '@hub/auth';
import { ErpPurchaseOrderSubmission } from '@hub/erp-contract';
import { badUserInput, conflict, forbidden, notFound } from '@hub/errors';
import { Decimal } from '@hub/money';
import DataLoader from 'dataloader';
import { checkPageSize, createGroupLoader, isUuid } from '@hub/subgraph-kit';
import { ProductSkuEntity } from '../catalogue/product-sku.entity';
import { SuppliersOutboxMessageEntity } from '../outbox/suppliers-outbox';
import { SupplierEntity } from '../supplier/supplier.entity';
import { PurchaseOrderEntity, PurchaseOrderEventEntity, PurchaseOrderLineEntity } from './purchase-order.entity';
import { confirmationKey, confirmationPayload, PURCHASE_ORDER_CONFIRMED_TOPIC, PURCHASE_ORDER_PLACED_TOPIC } from './purchase-order-outbox';
import { publishPurchaseOrderChanged } from './purchase-order-events';
import { PurchaseOrderLineStatus, PurchaseOrderStatus } from './purchase-order-status';
import { assertTransition, NEGOTIABLE_STATUSES, statusFromLines } from './purchase-order.state-machine';
import { purchasingScope, requireBuyer, requireSupplierUser } from './purchasing-access';
import { checkCurrency, checkDay, checkPrice, checkQuantity, checkText, todayUtc } from './purchasing-input';

/** A line to order: the product, how many, at what price, by when. */
export interface OrderLineInput {
  productId: string;
  quantity: string;
  unitPrice: string;
  deliveryDate: string;
}

export interface ProposalInput {
  quantity?: string | null;
  unitPrice?: string | null;
  deliveryDate?: string | null;
  note?: string | null;
}

const MAX_LINES = 200;

/**
 * Purchase orders (S2): the buyer places them (directly or from an RFQ) with the order and its
 * outbox message for the ERP in one transaction; the supplier's users confirm lines or propose
 * changes; the buyer accepts or rejects each proposal; when every line is agreed, the agreement
 * goes to the ERP. Each step lands on the timeline both sides see.
 */
export class PurchaseOrderService {
  /** Per request, one statement each for all orders of a page: lines, timeline. */
  private readonly linesOf: DataLoader<string, PurchaseOrderLineEntity[]>;
  private readonly eventsOf: DataLoader<string, PurchaseOrderEventEntity[]>;

  constructor(private readonly em: EntityManager, private readonly viewer: Viewer | null) {
    this.linesOf = createGroupLoader(
      (ids: string[]) => em.find(PurchaseOrderLineEntity, { purchaseOrderId: { $in: ids } }, { orderBy: { lineNo: 'asc' } }), (l) => l.purchaseOrderId, 'purchaseOrderLines',
    );
    this.eventsOf = createGroupLoader(
      (ids: string[]) => em.find(PurchaseOrderEventEntity, { purchaseOrderId: { $in: ids } }, { orderBy: { at: 'asc', id: 'asc' } }), (e) => e.purchaseOrderId, 'purchaseOrderEvents',
    );
  }

  // ---- reading ----

  async list(status: PurchaseOrderStatus | null | undefined, first: number | null | undefined): Promise<PurchaseOrderEntity[]> {
    const scope = purchasingScope(this.viewer);
    const limit = checkPageSize(first, { max: 200, default: 50 });
    if (scope.kind === 'NONE') throw forbidden('Purchase orders are for buyers and their suppliers.');
    return this.em.find(
      PurchaseOrderEntity,
      { ...(status ? { status } : {}), ...(scope.kind === 'SUPPLIER' ? { supplierId: scope.supplierId } : {}) },
      { orderBy: { createdAt: 'desc', id: 'asc' }, limit },
    );
  }

  /** A buyer sees any order; a supplier user its own supplier's; everyone else (and another supplier) NOT_FOUND. */
  async get(id: string): Promise<PurchaseOrderEntity> {
    const scope = purchasingScope(this.viewer);
    if (!isUuid(id)) throw badUserInput('The purchase order id must be a UUID.', 'id');
    const found = scope.kind === 'NONE' ? null : await this.em.findOne(PurchaseOrderEntity, { id });
    if (!found || (scope.kind === 'SUPPLIER' && found.supplierId !== scope.supplierId)) throw notFound('Purchase order', id);
    return found;
  }

  /** The orders by id, in the order asked, null where one is missing or not the viewer's (for the subscription's batch). */
  async byIds(ids: string[]): Promise<Array<PurchaseOrderEntity | null>> {
    const scope = purchasingScope(this.viewer);
    const valid = ids.filter(isUuid);
    const found = scope.kind === 'NONE' || valid.length === 0 ? [] : await this.em.find(PurchaseOrderEntity, { id: { $in: valid } });
    const byId = new Map(found.filter((o) => scope.kind === 'BUYER' || (scope.kind === 'SUPPLIER' && o.supplierId === scope.supplierId)).map((o) => [o.id, o]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** `_entities`: the same check; an id not visible answers NOT_FOUND. */
  async reference(id: string): Promise<PurchaseOrderEntity> {
    return this.get(id);
  }

  lines(purchaseOrderId: string): Promise<PurchaseOrderLineEntity[]> {
    return this.linesOf.load(purchaseOrderId);
  }

  timeline(purchaseOrderId: string): Promise<PurchaseOrderEventEntity[]> {
    return this.eventsOf.load(purchaseOrderId);
  }

  // ---- placing ----

  /** A purchase order placed directly with one supplier. */
  async createDirect(supplierId: string, currency: string, note: string | null | undefined, lines: OrderLineInput[]): Promise<PurchaseOrderEntity> {
    const buyer = requireBuyer(this.viewer);
    if (!isUuid(supplierId)) throw badUserInput('supplierId must be a UUID.', 'supplierId');
    checkCurrency(currency);
    const text = checkText(note, 'note', 2000);
    if (!Array.isArray(lines) || lines.length === 0) throw badUserInput('Order at least one line.', 'lines');
    if (lines.length > MAX_LINES) throw badUserInput(`At most ${MAX_LINES} lines.`, 'lines');
    const today = todayUtc();
    for (const l of lines) {
      if (!isUuid(l.productId)) throw badUserInput('productId must be a UUID.', 'productId');
      checkQuantity(l.quantity, 'quantity');
      checkPrice(l.unitPrice, 'unitPrice');
      checkDay(l.deliveryDate, 'deliveryDate', today);
    }
    if (new Set(lines.map((l) => l.productId)).size !== lines.length) throw badUserInput('Each product once per order.', 'lines');
    const id = await this.em.transactional(async (tx) => {
      const supplier = await tx.findOne(SupplierEntity, { id: supplierId });
      if (!supplier) throw notFound('Supplier', supplierId);
      return (await placeOrders(tx, buyer, [{ supplier, currency, note: text, rfqId: null, lines }]))[0];
    });
    return this.em.findOneOrFail(PurchaseOrderEntity, { id });
  }

  // ---- the supplier's answers ----

  /** The supplier confirms lines as ordered (all still open when none are named). */
  async confirmLines(purchaseOrderId: string, lineNos: number[] | null | undefined): Promise<PurchaseOrderEntity> {
    const v = requireSupplierUser(this.viewer);
    return this.change(purchaseOrderId, 'SUPPLIER', v, async (tx, order, lines) => {
      const named = lineNos && lineNos.length ? lineNos : lines.filter((l) => l.status !== PurchaseOrderLineStatus.CONFIRMED).map((l) => l.lineNo);
      if (named.length === 0) throw conflict('Every line is confirmed already.');
      for (const lineNo of new Set(named)) {
        const line = lines.find((l) => l.lineNo === lineNo);
        if (!line) throw badUserInput(`Line ${lineNo} is not on ${order.number}.`, 'lineNos');
        if (line.status === PurchaseOrderLineStatus.CONFIRMED) throw conflict(`Line ${lineNo} is confirmed already.`);
        // Confirming a line with a proposal open withdraws the proposal: the line stands as ordered.
        Object.assign(line, { status: PurchaseOrderLineStatus.CONFIRMED, proposedQuantity: null, proposedUnitPrice: null, proposedDeliveryDate: null, proposalNote: null });
        this.event(tx, order.id, 'LINE_CONFIRMED', lineNo, `Line ${lineNo} confirmed as ordered: ${line.quantity} × ${line.sku} by ${line.deliveryDate}.`, 'SUPPLIER', v.userId);
      }
    });
  }

  /** The supplier proposes another quantity, price or date for one line; the buyer decides. */
  async proposeChange(purchaseOrderId: string, lineNo: number, input: ProposalInput): Promise<PurchaseOrderEntity> {
    const v = requireSupplierUser(this.viewer);
    const quantity = input.quantity == null ? null : checkQuantity(input.quantity, 'quantity');
    const unitPrice = input.unitPrice == null ? null : checkPrice(input.unitPrice, 'unitPrice');
    const deliveryDate = input.deliveryDate == null ? null : checkDay(input.deliveryDate, 'deliveryDate', todayUtc());
    const note = checkText(input.note, 'note', 1000);
    return this.change(purchaseOrderId, 'SUPPLIER', v, async (tx, order, lines) => {
      const line = lines.find((l) => l.lineNo === lineNo);
      if (!line) throw badUserInput(`Line ${lineNo} is not on ${order.number}.`, 'lineNo');
      if (line.status === PurchaseOrderLineStatus.CONFIRMED) throw conflict(`Line ${lineNo} is agreed already.`);
      const differs = (quantity !== null && !new Decimal(quantity).eq(line.quantity)) || (unitPrice !== null && !new Decimal(unitPrice).eq(line.unitPrice))
        || (deliveryDate !== null && deliveryDate !== line.deliveryDate);
      if (!differs) throw badUserInput('Propose a quantity, price or date other than the ordered one (or confirm the line).', 'quantity');
      Object.assign(line, {
        status: PurchaseOrderLineStatus.CHANGE_PROPOSED, proposedQuantity: quantity ?? line.quantity, proposedUnitPrice: unitPrice ?? line.unitPrice,
        proposedDeliveryDate: deliveryDate ?? line.deliveryDate, proposalNote: note,
      });
      this.event(tx, order.id, 'CHANGE_PROPOSED', lineNo, `Line ${lineNo}: proposed ${line.proposedQuantity} at ${line.proposedUnitPrice} ${order.currency} by ${line.proposedDeliveryDate}${note ? ` (${note})` : ''}.`, 'SUPPLIER', v.userId);
    });
  }

  // ---- the buyer's decisions ----

  /** The buyer accepts a proposal (the line takes the proposed values and is agreed) or rejects it (the line is open again, as ordered). */
  async decideProposal(purchaseOrderId: string, lineNo: number, accept: boolean, reason: string | null | undefined): Promise<PurchaseOrderEntity> {
    const v = requireBuyer(this.viewer);
    const why = checkText(reason, 'reason', 1000);
    return this.change(purchaseOrderId, 'BUYER', v, async (tx, order, lines) => {
      const line = lines.find((l) => l.lineNo === lineNo);
      if (!line) throw badUserInput(`Line ${lineNo} is not on ${order.number}.`, 'lineNo');
      if (line.status !== PurchaseOrderLineStatus.CHANGE_PROPOSED) throw conflict(`Line ${lineNo} has no proposal to decide (it is ${line.status}).`);
      if (accept) {
        Object.assign(line, { quantity: line.proposedQuantity!, unitPrice: line.proposedUnitPrice!, deliveryDate: line.proposedDeliveryDate!, status: PurchaseOrderLineStatus.CONFIRMED });
        this.event(tx, order.id, 'CHANGE_ACCEPTED', lineNo, `Line ${lineNo}: change accepted: ${line.quantity} at ${line.unitPrice} ${order.currency} by ${line.deliveryDate}.`, 'BUYER', v.userId);
      } else {
        line.status = PurchaseOrderLineStatus.OPEN;
        this.event(tx, order.id, 'CHANGE_REJECTED', lineNo, `Line ${lineNo}: change rejected${why ? ` (${why})` : ''}; the line stands as ordered.`, 'BUYER', v.userId);
      }
      Object.assign(line, { proposedQuantity: null, proposedUnitPrice: null, proposedDeliveryDate: null, proposalNote: null });
    });
  }

  /**
   * One change of a negotiable order under a row lock: the step, then the order's status from its
   * lines; on reaching CONFIRMED the agreement is written for the ERP (now if the ERP has the order,
   * else when it acknowledges it).
   */
  private async change(
    purchaseOrderId: string, by: 'SUPPLIER' | 'BUYER', v: Viewer,
    step: (tx: EntityManager, order: PurchaseOrderEntity, lines: PurchaseOrderLineEntity[]) => Promise<void>,
  ): Promise<PurchaseOrderEntity> {
    if (!isUuid(purchaseOrderId)) throw badUserInput('The purchase order id must be a UUID.', 'purchaseOrderId');
    await this.em.transactional(async (tx) => {
      const order = await tx.findOne(PurchaseOrderEntity, { id: purchaseOrderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!order || (by === 'SUPPLIER' && order.supplierId !== v.supplierId)) throw notFound('Purchase order', purchaseOrderId);
      if (!NEGOTIABLE_STATUSES.includes(order.status)) throw conflict(`Purchase order ${order.number} is ${order.status}: its lines are settled.`);
      const lines = await tx.find(PurchaseOrderLineEntity, { purchaseOrderId }, { orderBy: { lineNo: 'asc' } });
      await step(tx, order, lines);
      const next = statusFromLines(lines);
      assertTransition(order.status, next);
      if (next !== order.status) {
        order.status = next;
        if (next === PurchaseOrderStatus.CONFIRMED) {
          this.event(tx, order.id, 'CONFIRMED', null, 'Every line agreed: the order is confirmed.', by, v.userId);
          if (order.erpNumber) {
            tx.create(SuppliersOutboxMessageEntity, {
              topic: PURCHASE_ORDER_CONFIRMED_TOPIC, key: confirmationKey(order.id),
              payload: confirmationPayload(order.id, order.erpNumber, lines, new Date()) as unknown as Record<string, unknown>,
            });
          }
        }
      }
      order.updatedAt = new Date();
      await tx.flush();
      await publishPurchaseOrderChanged(tx, order.id);
    });
    this.em.clear();
    return this.em.findOneOrFail(PurchaseOrderEntity, { id: purchaseOrderId });
  }

  /** Steps of one change land on the timeline in the order they happened, even within one millisecond. */
  private lastEventAt = 0;

  private event(tx: EntityManager, purchaseOrderId: string, kind: string, lineNo: number | null, text: string, by: string, userId: string): void {
    this.lastEventAt = Math.max(Date.now(), this.lastEventAt + 1);
    tx.create(PurchaseOrderEventEntity, { id: randomUUID(), purchaseOrderId, kind, lineNo, text, by, byUserId: userId, at: new Date(this.lastEventAt) });
  }
}

/** One order to place: with whom, in which currency, and its lines. */
export interface OrderToPlace {
  supplier: SupplierEntity;
  currency: string;
  note: string | null;
  rfqId: string | null;
  lines: OrderLineInput[];
}

/**
 * Places orders on the caller's transaction: each order, its lines, the SENT event and the outbox
 * message for the ERP (keyed by the order id). Products must be ones the ERP sent (their SKU).
 */
export async function placeOrders(tx: EntityManager, buyer: Viewer, orders: OrderToPlace[]): Promise<string[]> {
  const productIds = [...new Set(orders.flatMap((o) => o.lines.map((l) => l.productId)))];
  const skus = new Map((await tx.find(ProductSkuEntity, { productId: { $in: productIds } })).map((p) => [p.productId, p.sku]));
  const missing = productIds.find((id) => !skus.has(id));
  if (missing) throw badUserInput(`Product ${missing} is not one the ERP sells.`, 'productId');
  const now = new Date();
  const ids: string[] = [];
  for (const o of orders) {
    const id = randomUUID();
    ids.push(id);
    const number = `HPO-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${id.slice(0, 6).toUpperCase()}`;
    tx.create(PurchaseOrderEntity, { id, number, supplierId: o.supplier.id, rfqId: o.rfqId, currency: o.currency, status: PurchaseOrderStatus.SENT, note: o.note, createdByUserId: buyer.userId, createdAt: now, updatedAt: now });
    const lines = o.lines.map((l, i) => ({
      lineNo: i + 1, sku: skus.get(l.productId)!, quantity: new Decimal(l.quantity).toString(), unitPrice: new Decimal(l.unitPrice).toString(), deliveryDate: l.deliveryDate, productId: l.productId,
    }));
    for (const l of lines) tx.create(PurchaseOrderLineEntity, { id: randomUUID(), purchaseOrderId: id, ...l, status: PurchaseOrderLineStatus.OPEN });
    tx.create(PurchaseOrderEventEntity, {
      id: randomUUID(), purchaseOrderId: id, at: now, kind: 'SENT', lineNo: null, by: 'BUYER', byUserId: buyer.userId,
      text: `Sent to ${o.supplier.name} with ${lines.length} line${lines.length === 1 ? '' : 's'}${o.rfqId ? ' from a request for quotation' : ''}.`,
    });
    const submission: ErpPurchaseOrderSubmission = {
      hubPurchaseOrderId: id, supplierNumber: o.supplier.erpNumber, orderedAt: now.toISOString(), currency: o.currency, note: o.note,
      lines: lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice, deliveryDate: l.deliveryDate })),
    };
    tx.create(SuppliersOutboxMessageEntity, { topic: PURCHASE_ORDER_PLACED_TOPIC, key: id, payload: submission as unknown as Record<string, unknown> });
  }
  await tx.flush();
  for (const id of ids) await publishPurchaseOrderChanged(tx, id);
  return ids;
}
