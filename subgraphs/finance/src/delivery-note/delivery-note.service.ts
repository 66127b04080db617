import { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { canSeeCompany, companyRowsFilter, hasPermission, requirePermission, Viewer } from '@hub/auth';
import { badUserInput, notFound } from '@hub/errors';
import { checkPageSize, createByIdLoader, createGroupLoader, isUuid } from '@hub/subgraph-kit';
import { DeliveryNoteEntity } from './delivery-note.entity';

/** Delivery notes are logistics, not accounting: whoever may see the company's orders sees them. */
export const DELIVERY_NOTES_PERMISSION = 'orders.view';

/** The synced delivery notes, each visible to its own company (with orders.view) and to staff. */
export class DeliveryNoteService {
  private readonly byId: DataLoader<string, DeliveryNoteEntity | null>;
  private readonly byOrder: DataLoader<string, DeliveryNoteEntity[]>;

  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
  ) {
    this.byId = createByIdLoader(em, DeliveryNoteEntity);
    // The viewer's tenant filter is part of the batch query, never applied afterwards.
    this.byOrder = createGroupLoader(async (orderIds: string[]) => {
      const scope = companyRowsFilter(this.viewer);
      if (!scope) return [];
      return em.find(DeliveryNoteEntity, { $and: [scope, { orderId: { $in: orderIds } }] }, { orderBy: { shippedAt: 'asc', number: 'asc' } });
    }, (note) => note.orderId as string);
  }

  async findVisible(id: string): Promise<DeliveryNoteEntity | null> {
    if (!hasPermission(this.viewer, DELIVERY_NOTES_PERMISSION) || !isUuid(id)) return null;
    const note = await this.byId.load(id);
    return note && canSeeCompany(this.viewer, note.companyId) ? note : null;
  }

  async get(id: string): Promise<DeliveryNoteEntity> {
    requirePermission(this.viewer, DELIVERY_NOTES_PERMISSION);
    if (!isUuid(id)) throw badUserInput('Delivery note id must be a UUID.', 'id');
    const note = await this.findVisible(id);
    // The same answer for "absent" and "another company's".
    if (!note) throw notFound('Delivery note', id);
    return note;
  }

  /** The viewer's company's delivery notes (staff: all), newest first. */
  async list(first: number | null | undefined): Promise<DeliveryNoteEntity[]> {
    requirePermission(this.viewer, DELIVERY_NOTES_PERMISSION);
    const limit = checkPageSize(first, { max: 200, default: 50 });
    const scope = companyRowsFilter(this.viewer);
    if (!scope) return [];
    return this.em.find(DeliveryNoteEntity, scope, { orderBy: { shippedAt: 'desc', number: 'desc' }, limit });
  }

  async listForOrder(orderId: string): Promise<DeliveryNoteEntity[]> {
    requirePermission(this.viewer, DELIVERY_NOTES_PERMISSION);
    return isUuid(orderId) ? this.byOrder.load(orderId) : [];
  }
}
