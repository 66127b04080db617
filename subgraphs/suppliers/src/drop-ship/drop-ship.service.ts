import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Viewer } from '@hub/auth';
import { ErpDropShipAssignmentSubmission, ErpDropShipmentSubmission } from '@hub/erp-contract';
import { badUserInput, forbidden, notFound } from '@hub/errors';
import { checkPageSize, isUuid } from '@hub/subgraph-kit';
import { ProductGroupEntity } from '../catalogue/product-group.entity';
import { SuppliersOutboxMessageEntity } from '../outbox/suppliers-outbox';
import { purchasingScope, requireBuyer, requireSupplierUser } from '../purchase-order/purchasing-access';
import { SupplierEntity } from '../supplier/supplier.entity';
import { DROP_SHIP_ASSIGNED_TOPIC, DROP_SHIP_SHIPPED_TOPIC } from './drop-ship-outbox';
import { DropShipAssignmentEntity, DropShipOrderEntity } from './drop-ship.entity';
import { DropShipOrderStatus } from './drop-ship-status';
import { assertTransition } from './drop-ship.state-machine';

const PARCEL = /^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/;

/**
 * Drop-shipping (S3). Buyers assign a product group to the supplier that ships its products to
 * the customer (the ERP is told through the outbox and routes order lines by it); the ERP's
 * drop-ship orders are synced in; the supplier's users confirm them and report the parcel, which
 * goes to the ERP (exactly once) and comes back to the customer as the order's delivery note.
 */
export class DropShipService {
  constructor(private readonly em: EntityManager, private readonly viewer: Viewer | null) {}

  async assignments(): Promise<DropShipAssignmentEntity[]> {
    requireBuyer(this.viewer);
    return this.em.find(DropShipAssignmentEntity, { supplierId: { $ne: null } }, { orderBy: { productGroup: 'asc' } });
  }

  productGroup(code: string): Promise<ProductGroupEntity | null> {
    return this.em.findOne(ProductGroupEntity, { code });
  }

  /** Assigns (or with a null supplier, unassigns) a product group; the change and its message for the ERP commit together. */
  async assign(productGroup: string, supplierId: string | null | undefined): Promise<DropShipAssignmentEntity> {
    const buyer = requireBuyer(this.viewer);
    const code = productGroup.trim();
    if (!code) throw badUserInput('Name the product group.', 'productGroup');
    if (supplierId != null && !isUuid(supplierId)) throw badUserInput('supplierId must be a UUID.', 'supplierId');
    await this.em.transactional(async (tx) => {
      if (!(await tx.findOne(ProductGroupEntity, { code }))) throw badUserInput(`${code} is not a product group of the ERP.`, 'productGroup');
      const supplier = supplierId ? await tx.findOne(SupplierEntity, { id: supplierId }) : null;
      if (supplierId && !supplier) throw notFound('Supplier', supplierId);
      const row = await tx.findOne(DropShipAssignmentEntity, { productGroup: code }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!row && !supplier) throw notFound('Drop-ship assignment of', code);
      const version = (row?.version ?? 0) + 1;
      const values = { supplierId: supplier?.id ?? null, version, assignedByUserId: buyer.userId, assignedAt: new Date(), statusReason: null, inErpSince: null };
      if (row) Object.assign(row, values);
      else tx.create(DropShipAssignmentEntity, { productGroup: code, ...values });
      const submission: ErpDropShipAssignmentSubmission = { productGroup: code, supplierNumber: supplier?.erpNumber ?? null };
      tx.create(SuppliersOutboxMessageEntity, { topic: DROP_SHIP_ASSIGNED_TOPIC, key: `${code}:v${version}`, payload: { ...submission, version } });
      await tx.flush();
    });
    this.em.clear();
    return this.em.findOneOrFail(DropShipAssignmentEntity, { productGroup: code });
  }

  async list(first: number | null | undefined): Promise<DropShipOrderEntity[]> {
    const scope = purchasingScope(this.viewer);
    const limit = checkPageSize(first, { max: 200, default: 50 });
    if (scope.kind === 'NONE') throw forbidden('Drop-ship orders are for buyers and the suppliers that ship them.');
    return this.em.find(DropShipOrderEntity, scope.kind === 'SUPPLIER' ? { supplierId: scope.supplierId } : {}, { orderBy: { createdAt: 'desc', id: 'asc' }, limit });
  }

  /** A buyer sees any; a supplier user its own supplier's; everyone else (and another supplier) NOT_FOUND. */
  async get(id: string): Promise<DropShipOrderEntity> {
    const scope = purchasingScope(this.viewer);
    if (!isUuid(id)) throw badUserInput('The drop-ship order id must be a UUID.', 'id');
    const found = scope.kind === 'NONE' ? null : await this.em.findOne(DropShipOrderEntity, { id });
    if (!found || (scope.kind === 'SUPPLIER' && found.supplierId !== scope.supplierId)) throw notFound('Drop-ship order', id);
    return found;
  }

  async confirm(id: string): Promise<DropShipOrderEntity> {
    return this.step(id, (order) => {
      assertTransition(order.status, DropShipOrderStatus.CONFIRMED);
      Object.assign(order, { status: DropShipOrderStatus.CONFIRMED, confirmedAt: new Date() });
    });
  }

  /** The supplier shipped a confirmed order: its carrier and parcel number go to the ERP, keyed by the order's id. */
  async reportShipment(id: string, carrier: string, parcelNumber: string): Promise<DropShipOrderEntity> {
    const by = carrier.trim();
    if (!by || by.length > 60) throw badUserInput('Name the carrier (at most 60 characters).', 'carrier');
    const parcel = parcelNumber.trim();
    if (!PARCEL.test(parcel)) throw badUserInput('The parcel number is 3 to 40 letters, digits or dashes.', 'parcelNumber');
    return this.step(id, (order, tx, supplier) => {
      assertTransition(order.status, DropShipOrderStatus.SHIPPED);
      const shippedAt = new Date();
      Object.assign(order, { status: DropShipOrderStatus.SHIPPED, carrier: by, parcelNumber: parcel, shippedAt });
      const submission: ErpDropShipmentSubmission = { dropShipOrderNumber: order.erpNumber, supplierNumber: supplier.erpNumber, carrier: by, parcelNumber: parcel, shippedAt: shippedAt.toISOString() };
      tx.create(SuppliersOutboxMessageEntity, { topic: DROP_SHIP_SHIPPED_TOPIC, key: order.id, payload: submission as unknown as Record<string, unknown> });
    });
  }

  private async step(id: string, apply: (order: DropShipOrderEntity, tx: EntityManager, supplier: SupplierEntity) => void): Promise<DropShipOrderEntity> {
    const v = requireSupplierUser(this.viewer);
    if (!isUuid(id)) throw badUserInput('The drop-ship order id must be a UUID.', 'id');
    await this.em.transactional(async (tx) => {
      const order = await tx.findOne(DropShipOrderEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!order || order.supplierId !== v.supplierId) throw notFound('Drop-ship order', id);
      const supplier = await tx.findOneOrFail(SupplierEntity, { id: order.supplierId });
      apply(order, tx, supplier);
      order.updatedAt = new Date();
      await tx.flush();
    });
    this.em.clear();
    return this.em.findOneOrFail(DropShipOrderEntity, { id });
  }
}
