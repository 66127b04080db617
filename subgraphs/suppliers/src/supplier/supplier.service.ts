import { canSeeSupplier, requireStaff, requireViewer, Viewer } from '@hub/auth';
import { badUserInput, forbidden, notFound } from '@hub/errors';
import { isUuid } from '@hub/subgraph-kit';
import { SuppliersContext } from '../context';
import { SupplierEntity } from './supplier.entity';
import { SupplierProductEntity } from './supplier-product.entity';

/** Staff and the supplier's own users see its private part (e-mail, offers); everyone else gets FORBIDDEN. */
export function requireSupplierAccess(viewer: Viewer | null, supplierId: string): Viewer {
  const v = requireViewer(viewer);
  if (!canSeeSupplier(v, supplierId)) throw forbidden("Only staff and the supplier's own users can see this.");
  return v;
}

export class SupplierService {
  constructor(private readonly ctx: SuppliersContext) {}

  /** The public part (id, name, country) is for any signed-in viewer; null otherwise (used by references). */
  async findPublic(viewer: Viewer | null, id: string): Promise<SupplierEntity | null> {
    if (!viewer || !isUuid(id)) return null;
    return this.ctx.loaders.supplierById.load(id);
  }

  /** The `supplier` query: staff, or the supplier's own users. */
  async getVisible(viewer: Viewer, id: string): Promise<SupplierEntity> {
    if (!isUuid(id)) throw badUserInput('Supplier id must be a UUID.', 'id');
    // The same answer for "absent" and "not yours": ids of other suppliers are not confirmed.
    const supplier = canSeeSupplier(viewer, id) ? await this.ctx.loaders.supplierById.load(id) : null;
    if (!supplier) throw notFound('Supplier', id);
    return supplier;
  }

  async listAll(viewer: Viewer): Promise<SupplierEntity[]> {
    requireStaff(viewer);
    return this.ctx.em.find(SupplierEntity, {}, { orderBy: { name: 'asc' } });
  }

  async offersOf(viewer: Viewer | null, supplierId: string): Promise<SupplierProductEntity[]> {
    requireSupplierAccess(viewer, supplierId);
    return this.ctx.loaders.offersBySupplierId.load(supplierId);
  }

  /** The suppliers of a product, for any signed-in viewer; batched per request. */
  async suppliersOfProduct(viewer: Viewer | null, productId: string): Promise<SupplierEntity[]> {
    requireViewer(viewer);
    if (!isUuid(productId)) return [];
    return (await this.ctx.loaders.offersByProductId.load(productId)).map((offer) => offer.supplier);
  }

  /** Batch function of `offersBySupplierId`. */
  loadOffersOfSuppliers(supplierIds: string[]): Promise<SupplierProductEntity[]> {
    return this.ctx.em.find(SupplierProductEntity, { supplier: { $in: supplierIds } }, { orderBy: { supplierSku: 'asc' } });
  }

  /** Batch function of `offersByProductId`: one query for all products, joining the supplier. */
  loadOffersOfProducts(productIds: string[]): Promise<SupplierProductEntity[]> {
    return this.ctx.em.find(
      SupplierProductEntity,
      { productId: { $in: productIds } },
      { populate: ['supplier'], strategy: 'joined', orderBy: { supplier: { name: 'asc' } } },
    );
  }
}
