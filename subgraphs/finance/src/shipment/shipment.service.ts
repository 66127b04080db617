import { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { canSeeCompany, companyRowsFilter, hasPermission, requirePermission, Viewer } from '@hub/auth';
import { badUserInput, notFound } from '@hub/errors';
import { checkPageSize, createByIdLoader, createGroupLoader, isUuid } from '@hub/subgraph-kit';
import { DELIVERY_NOTES_PERMISSION } from '../delivery-note/delivery-note.service';
import { ShipmentEntity, ShipmentTrackingEventEntity } from './shipment.entity';
import { checkShipmentFilter, ShipmentFilterInput } from './shipment.inputs';

/**
 * Shipments are the parcels of delivery notes: whoever sees the company's delivery notes (orders.view)
 * sees them, each only its own company's; staff see every company's.
 */
export class ShipmentService {
  private readonly byId: DataLoader<string, ShipmentEntity | null>;
  private readonly byOrder: DataLoader<string, ShipmentEntity[]>;
  private readonly eventsByShipment: DataLoader<string, ShipmentTrackingEventEntity[]>;

  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
  ) {
    this.byId = createByIdLoader(em, ShipmentEntity);
    // The viewer's tenant filter is part of the batch query.
    this.byOrder = createGroupLoader(async (orderIds: string[]) => {
      const scope = companyRowsFilter(this.viewer);
      if (!scope) return [];
      return em.find(ShipmentEntity, { $and: [scope, { orderId: { $in: orderIds } }] }, { orderBy: { createdAt: 'asc', deliveryNoteNumber: 'asc' } });
    }, (shipment) => shipment.orderId as string);
    // Only asked for shipments already found visible.
    this.eventsByShipment = createGroupLoader(
      (shipmentIds: string[]) => em.find(ShipmentTrackingEventEntity, { shipmentId: { $in: shipmentIds } }, { orderBy: { carrierSequence: 'asc' } }),
      (event) => event.shipmentId,
    );
  }

  async findVisible(id: string): Promise<ShipmentEntity | null> {
    if (!hasPermission(this.viewer, DELIVERY_NOTES_PERMISSION) || !isUuid(id)) return null;
    const shipment = await this.byId.load(id);
    return shipment && canSeeCompany(this.viewer, shipment.companyId) ? shipment : null;
  }

  async get(id: string): Promise<ShipmentEntity> {
    requirePermission(this.viewer, DELIVERY_NOTES_PERMISSION);
    if (!isUuid(id)) throw badUserInput('Shipment id must be a UUID.', 'id');
    const shipment = await this.findVisible(id);
    // The same answer for "absent" and "another company's".
    if (!shipment) throw notFound('Shipment', id);
    return shipment;
  }

  /** For the gateway's batched subscription reads: null where one is not visible. */
  async byIds(ids: string[]): Promise<Array<ShipmentEntity | null>> {
    requirePermission(this.viewer, DELIVERY_NOTES_PERMISSION);
    return Promise.all(ids.map((id) => this.findVisible(id)));
  }

  /** The viewer's company's shipments (staff: all), newest first. */
  async list(filter: ShipmentFilterInput | null | undefined, first: number | null | undefined): Promise<ShipmentEntity[]> {
    requirePermission(this.viewer, DELIVERY_NOTES_PERMISSION);
    const limit = checkPageSize(first, { max: 200, default: 50 });
    const { orderId, status, parcelNumber } = checkShipmentFilter(filter);
    const scope = companyRowsFilter(this.viewer);
    if (!scope) return [];
    const where = { ...scope, ...(orderId ? { orderId } : {}), ...(status ? { status } : {}), ...(parcelNumber ? { parcelNumber } : {}) };
    return this.em.find(ShipmentEntity, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit });
  }

  async listForOrder(orderId: string): Promise<ShipmentEntity[]> {
    requirePermission(this.viewer, DELIVERY_NOTES_PERMISSION);
    return isUuid(orderId) ? this.byOrder.load(orderId) : [];
  }

  /** The timeline of a shipment the caller already holds (so already checked), oldest first. */
  trackingEvents(shipmentId: string): Promise<ShipmentTrackingEventEntity[]> {
    return this.eventsByShipment.load(shipmentId);
  }
}
