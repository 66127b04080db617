import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { hasPermission, requirePermission, requireStaffPermission, Viewer } from '@hub/auth';
import { badUserInput, conflict, forbidden, notFound } from '@hub/errors';
import { FileLinks, isUuid, ServedFile } from '@hub/subgraph-kit';
import { CompanyEntity } from '../company/company.entity';
import { MarketingMaterialEntity, MarketingMaterialKind } from './marketing-material.entity';
import { checkMaterialFile, materialDay, materialGroups, materialVisible } from './marketing-material.rules';

export const MATERIALS_ROUTE = 'marketing-material';
const STAFF_RIGHT = 'staff.marketing' as const;

export interface PublishMaterialInput {
  kind: MarketingMaterialKind;
  title: string;
  description?: string | null;
  fileName: string;
  contentType: string;
  contentBase64: string;
  customerGroups?: string[] | null;
  validFrom?: string | null;
  validUntil?: string | null;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Marketing materials: staff (staff.marketing) publish and withdraw them; customer users with
 * catalog.view list and download those valid today for their company's customer group. The group
 * is read from the company row here, never taken from the client.
 */
export class MarketingMaterialService {
  constructor(private readonly em: EntityManager, private readonly viewer: Viewer | null, private readonly links: FileLinks) {}

  async publish(input: PublishMaterialInput): Promise<MarketingMaterialEntity> {
    const staff = requireStaffPermission(this.viewer, STAFF_RIGHT);
    const title = input.title.trim();
    if (title.length < 1 || title.length > 200 || /[\r\n]/.test(title)) throw badUserInput('The title must be one line of 1 to 200 characters.', 'title');
    const description = input.description?.trim() || null;
    if (description && description.length > 2_000) throw badUserInput('The description may be at most 2000 characters.', 'description');
    const validFrom = input.validFrom != null ? materialDay(input.validFrom, 'validFrom') : today();
    const validUntil = input.validUntil != null ? materialDay(input.validUntil, 'validUntil') : null;
    if (validUntil !== null && validUntil < validFrom) throw badUserInput('validUntil must not be before validFrom.', 'validUntil');
    const customerGroups = materialGroups(input.customerGroups);
    const file = checkMaterialFile(input);
    const material = this.em.create(MarketingMaterialEntity, {
      kind: input.kind, title, description, fileName: file.fileName, contentType: file.contentType, size: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'), content: file.content, customerGroups, validFrom, validUntil, publishedBy: staff.userId,
    });
    await this.em.flush();
    return material;
  }

  async withdraw(id: string): Promise<MarketingMaterialEntity> {
    requireStaffPermission(this.viewer, STAFF_RIGHT);
    const material = await this.staffFind(id);
    if (material.withdrawnAt) throw conflict('This material is withdrawn already.');
    material.withdrawnAt = new Date();
    await this.em.flush();
    return material;
  }

  /** Staff (staff.marketing): every material, newest first, withdrawn and out-of-date ones with `all`. Customers: theirs, valid today. */
  async list(all: boolean): Promise<MarketingMaterialEntity[]> {
    const viewer = requirePermission(this.viewer, 'catalog.view');
    if (viewer.kind === 'STAFF') {
      requireStaffPermission(viewer, STAFF_RIGHT);
      const rows = await this.em.find(MarketingMaterialEntity, {}, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 500 });
      return all ? rows : rows.filter((m) => materialVisible({ ...m, customerGroups: [] }, today(), null));
    }
    const group = await this.customerGroup(viewer);
    const day = today();
    const candidates = await this.em.find(
      MarketingMaterialEntity,
      { withdrawnAt: null, validFrom: { $lte: day }, $or: [{ validUntil: null }, { validUntil: { $gte: day } }] },
      { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 500 },
    );
    return candidates.filter((m) => materialVisible(m, day, group));
  }

  /** A material the viewer may see now (NOT_FOUND for one of another group, out of date or withdrawn). */
  async visible(id: string): Promise<MarketingMaterialEntity> {
    const viewer = requirePermission(this.viewer, 'catalog.view');
    if (viewer.kind === 'STAFF') {
      requireStaffPermission(viewer, STAFF_RIGHT);
      return this.staffFind(id);
    }
    const material = isUuid(id) ? await this.em.findOne(MarketingMaterialEntity, { id }) : null;
    if (!material || !materialVisible(material, today(), await this.customerGroup(viewer))) throw notFound('Marketing material', id);
    return material;
  }

  downloadUrl(materialId: string): Promise<string> {
    return this.links.url(requirePermission(this.viewer, 'catalog.view'), MATERIALS_ROUTE, materialId);
  }

  /** The signed download: the same rule as listing, checked again now. */
  async serve(ref: unknown): Promise<ServedFile> {
    if (typeof ref !== 'string') throw badUserInput('This link names no material.');
    const material = await this.visible(ref);
    const withContent = await this.em.findOneOrFail(MarketingMaterialEntity, { id: material.id }, { populate: ['content'] });
    return { body: withContent.content, contentType: material.contentType, fileName: material.fileName, disposition: material.contentType.startsWith('image/') || material.contentType === 'application/pdf' ? 'inline' : 'attachment' };
  }

  private async staffFind(id: string): Promise<MarketingMaterialEntity> {
    const material = isUuid(id) ? await this.em.findOne(MarketingMaterialEntity, { id }) : null;
    if (!material) throw notFound('Marketing material', id);
    return material;
  }

  private async customerGroup(viewer: Viewer): Promise<string | null> {
    if (!viewer.companyId) throw forbidden('Marketing materials are for customer companies.');
    if (!hasPermission(viewer, 'catalog.view')) throw forbidden('You need the "catalog.view" permission.');
    const company = await this.em.findOne(CompanyEntity, { id: viewer.companyId });
    return company?.customerGroup ?? null;
  }
}
