import { EntityManager } from '@mikro-orm/postgresql';
import { Pool } from 'pg';
import { DEFAULT_FILE_LINK_TTL_SECONDS, FileLinkRef, requireStaffPermission, Viewer } from '@hub/auth';
import { badUserInput, conflict, notFound } from '@hub/errors';
import { DebtorDirectory, FileLinks, FileRoute, isUuid, ServedFile } from '@hub/subgraph-kit';
import { DebtCollectionCaseEntity } from './debt-collection-case.entity';
import { DebtCollectionExportEntity } from './debt-collection-export.entity';
import { debtCollectionCaseFile } from './debt-collection-file';
import { CollectableItem, DebtCollectionRepository } from './debt-collection.repository';
import { DebtCollectionCaseObject, DebtCollectionExportLinkObject } from './debt-collection.object';

export const DEBT_COLLECTION_EXPORT_ROUTE = 'debt-collection-exports';
/** Payment monitoring and debt collection are the same staff's (as the reminder schedule). */
const PERMISSION = 'staff.users';

/** Who a debtor is comes from the module owning companies (customers), read through its declared reader. */
export interface DebtorSource {
  pool: () => Pool;
  directory: DebtorDirectory | null;
}

/**
 * After the last dunning level staff hand a debtor's overdue invoices to a debt-collection agency:
 * a case (logged: who, when, which invoices) whose invoices payment monitoring no longer duns, and
 * its export (JSON, README "Debt collection") behind a signed link, each download logged.
 */
export class DebtCollectionService {
  constructor(
    private readonly em: EntityManager,
    private readonly debtors: DebtorSource,
    private readonly links: FileLinks | null,
    private readonly ttlSeconds: number = DEFAULT_FILE_LINK_TTL_SECONDS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async collectable(viewer: Viewer | null, companyId: string | null | undefined): Promise<CollectableItem[]> {
    requireStaffPermission(viewer, PERMISSION);
    if (companyId != null && !isUuid(companyId)) throw badUserInput('companyId must be a UUID.', 'companyId');
    return new DebtCollectionRepository(this.em).collectable(companyId ?? null);
  }

  async cases(viewer: Viewer | null, companyId: string | null | undefined): Promise<DebtCollectionCaseObject[]> {
    requireStaffPermission(viewer, PERMISSION);
    if (companyId != null && !isUuid(companyId)) throw badUserInput('companyId must be a UUID.', 'companyId');
    const cases = await this.em.find(DebtCollectionCaseEntity, companyId ? { companyId } : {}, { orderBy: { handedOverAt: 'desc', id: 'asc' }, limit: 200 });
    const exports = await this.em.find(DebtCollectionExportEntity, { caseId: { $in: cases.map((c) => c.id) } }, { orderBy: { downloadedAt: 'asc', id: 'asc' } });
    return cases.map((c) => DebtCollectionCaseObject.from(c, exports.filter((e) => e.caseId === c.id)));
  }

  /** Hands over every invoice of the company past the last dunning level that no case holds yet. */
  async handOver(viewer: Viewer | null, companyId: string, agency: string): Promise<DebtCollectionCaseObject> {
    const v = requireStaffPermission(viewer, PERMISSION);
    if (!isUuid(companyId)) throw badUserInput('companyId must be a UUID.', 'companyId');
    const name = agency.trim();
    if (name.length < 1 || name.length > 120) throw badUserInput('agency is the agency\'s name, 1 to 120 characters.', 'agency');
    if (!(await this.debtor(companyId))) throw notFound('Company', companyId);
    const created = await this.em.transactional(async (tx) => {
      const repository = new DebtCollectionRepository(tx);
      // Locked: two staff handing over the same debtor at once make one case, not two with the same invoices.
      const items = await repository.collectable(companyId, true);
      if (items.length === 0) throw conflict('This company has no open invoice past the last dunning level that is not handed over already.');
      const row = tx.create(DebtCollectionCaseEntity, {
        number: await repository.nextCaseNumber(this.now().getUTCFullYear()), companyId, agency: name, documentNumbers: items.map((i) => i.documentNumber), handedOverBy: v.userId, handedOverAt: this.now(),
      });
      await tx.persist(row).flush();
      return row;
    });
    return DebtCollectionCaseObject.from(created, []);
  }

  async exportLink(viewer: Viewer | null, caseId: string): Promise<DebtCollectionExportLinkObject> {
    const v = requireStaffPermission(viewer, PERMISSION);
    const found = await this.findCase(caseId);
    if (!this.links) throw new Error('File links are not configured in this process.');
    const url = await this.links.url(v, DEBT_COLLECTION_EXPORT_ROUTE, { caseId: found.id } as unknown as FileLinkRef);
    return Object.assign(new DebtCollectionExportLinkObject(), { url, fileName: `${found.number}.json`, expiresAt: new Date(this.now().getTime() + this.ttlSeconds * 1000) });
  }

  /** The export as the user opening the link (permission checked again); the download is logged. */
  async serve(viewer: Viewer | null, ref: FileLinkRef): Promise<ServedFile> {
    const v = requireStaffPermission(viewer, PERMISSION);
    const caseId = (ref as unknown as { caseId?: unknown })?.caseId;
    if (typeof caseId !== 'string') throw badUserInput('This export link is not valid.');
    const found = await this.findCase(caseId);
    const debtor = await this.debtor(found.companyId);
    if (!debtor) throw notFound('Company', found.companyId);
    const repository = new DebtCollectionRepository(this.em);
    const file = debtCollectionCaseFile(found, debtor, await repository.openItemsOf(found.id), await repository.dunningHistoryOf(found.id), this.now().toISOString().slice(0, 10));
    await this.em.persist(this.em.create(DebtCollectionExportEntity, { caseId: found.id, downloadedBy: v.userId, downloadedAt: this.now() })).flush();
    return { body: Buffer.from(JSON.stringify(file, null, 2)), contentType: 'application/json; charset=utf-8', fileName: `${found.number}.json`, disposition: 'attachment' };
  }

  private async findCase(caseId: string): Promise<DebtCollectionCaseEntity> {
    const found = isUuid(caseId) ? await this.em.findOne(DebtCollectionCaseEntity, { id: caseId }) : null;
    if (!found) throw notFound('DebtCollectionCase', caseId);
    return found;
  }

  private async debtor(companyId: string) {
    if (!this.debtors.directory) throw new Error('No module gives debtorDetails; a debtor cannot be described.');
    const client = await this.debtors.pool().connect();
    try {
      return await this.debtors.directory(client, companyId);
    } finally {
      client.release();
    }
  }
}

export const debtCollectionExportRoute: FileRoute<any> = {
  name: DEBT_COLLECTION_EXPORT_ROUTE,
  serve: (ref, context) => context.services.debtCollection.serve(context.viewer, ref),
};
