import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import { canSeeCompany, companyRowsFilter, requirePermission, Viewer } from '@hub/auth';
import { ErpAdapter, ErpServiceOrderSubmission } from '@hub/erp-contract';
import { badUserInput, conflict, forbidden, HubError, notFound } from '@hub/errors';
import { checkPageSize, createGroupLoader, isUuid } from '@hub/subgraph-kit';
import { FinanceOutboxMessageEntity } from '../outbox/finance-outbox';
import { RETURNS_PERMISSION } from '../return/return.service';
import { RegisteredProductEntity } from './registered-product.entity';
import { SERVICE_REQUESTED_TOPIC } from './service-request-outbox';
import { publishServiceRequestChanged } from './service-request-events';
import { ServiceRequestEntity } from './service-request.entity';
import { ServiceRequestStatus } from './service-request-status';
import { assertTransition, FINISHED_STATUSES } from './service-request.state-machine';
import { WarrantyRepository } from './warranty.repository';
import { daysInService, isoDate, isUnderWarranty, warrantyEnd } from './warranty-period';

/**
 * Registering, opening a service request and closing it are after-sales claims on delivered goods,
 * like a return: the same people file them, so the same permission (returns.file, granted per user
 * by the company admin) covers both.
 */
export const SERVICE_PERMISSION = RETURNS_PERMISSION;

const MAX_SERIAL = 100;
const MAX_DESCRIPTION = 2000;

/** A registered unit with what its warranty comes to today. */
export interface RegisteredProductView {
  entity: RegisteredProductEntity;
  daysInService: number;
  warrantyEndsOn: string | null;
  underWarranty: boolean;
}

/**
 * Product registration and service requests: a serial number from one of the company's delivery
 * notes becomes a registered unit with its warranty end (purchase day + the product's period in the
 * ERP + the days it spent in service); service requests go to the ERP's workshop through the
 * finance outbox, and the workshop's status and repair history come back with the serviceOrders sync.
 */
export class WarrantyService {
  private readonly requestsOf: DataLoader<string, ServiceRequestEntity[]>;

  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly erp: () => ErpAdapter | null = () => null,
  ) {
    this.requestsOf = createGroupLoader(
      (ids: string[]) => em.find(ServiceRequestEntity, { registeredProductId: { $in: ids } }, { orderBy: { createdAt: 'desc' } }),
      (r) => r.registeredProductId, 'serviceRequests',
    );
  }

  // ---- reading ----

  async registeredProducts(first: number | null | undefined): Promise<RegisteredProductView[]> {
    requirePermission(this.viewer, SERVICE_PERMISSION);
    const limit = checkPageSize(first, { max: 200, default: 50 });
    const scope = companyRowsFilter(this.viewer);
    if (!scope) return [];
    const found = await this.em.find(RegisteredProductEntity, scope, { orderBy: { createdAt: 'desc', id: 'asc' }, limit });
    return Promise.all(found.map((p) => this.view(p)));
  }

  async registeredProduct(id: string): Promise<RegisteredProductView> {
    requirePermission(this.viewer, SERVICE_PERMISSION);
    if (!isUuid(id)) throw badUserInput('The registered product id must be a UUID.', 'id');
    const found = await this.em.findOne(RegisteredProductEntity, { id });
    // Another company's unit answers as one that does not exist.
    if (!found || !canSeeCompany(this.viewer, found.companyId)) throw notFound('Registered product', id);
    return this.view(found);
  }

  async serviceRequest(id: string): Promise<ServiceRequestEntity> {
    requirePermission(this.viewer, SERVICE_PERMISSION);
    if (!isUuid(id)) throw badUserInput('The service request id must be a UUID.', 'id');
    const found = await this.em.findOne(ServiceRequestEntity, { id });
    if (!found || !canSeeCompany(this.viewer, found.companyId)) throw notFound('Service request', id);
    return found;
  }

  /** The requests by id, in the order asked, null where one is missing or not the viewer's (for the subscription's batch). */
  async serviceRequestsByIds(ids: string[]): Promise<Array<ServiceRequestEntity | null>> {
    requirePermission(this.viewer, SERVICE_PERMISSION);
    const valid = ids.filter(isUuid);
    const found = valid.length ? await this.em.find(ServiceRequestEntity, { id: { $in: valid } }) : [];
    const byId = new Map(found.filter((r) => canSeeCompany(this.viewer, r.companyId)).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  serviceRequestsOf(registeredProductId: string): Promise<ServiceRequestEntity[]> {
    return this.requestsOf.load(registeredProductId);
  }

  daysInService(request: ServiceRequestEntity): number {
    return daysInService(request);
  }

  private async view(entity: RegisteredProductEntity): Promise<RegisteredProductView> {
    const requests = await this.requestsOf.load(entity.id);
    const end = warrantyEnd(new Date(`${entity.purchasedOn}T00:00:00Z`), entity.warrantyMonths, requests);
    return {
      entity,
      daysInService: requests.reduce((sum, r) => sum + daysInService(r), 0),
      warrantyEndsOn: end ? isoDate(end) : null,
      underWarranty: isUnderWarranty(end),
    };
  }

  // ---- registering ----

  /**
   * Registers a unit the company bought: the serial number must be on one of its delivery notes
   * (the one named, if named; else the latest that delivered it). A serial number of another company
   * or of none is NOT_FOUND, one registered already CONFLICT. The product's warranty period is the
   * ERP's (none: the unit registers with no warranty end).
   */
  async register(serialNumber: string, deliveryNoteNumber: string | null | undefined): Promise<RegisteredProductView> {
    const v = this.customer();
    const serial = serialNumber.trim();
    if (!serial) throw badUserInput('serialNumber is required.', 'serialNumber');
    if (serial.length > MAX_SERIAL) throw badUserInput(`serialNumber may be at most ${MAX_SERIAL} characters.`, 'serialNumber');
    const noteNumber = deliveryNoteNumber?.trim() || null;
    const [unit] = await new WarrantyRepository(this.em).deliveredUnits(v.companyId!, serial, noteNumber);
    if (!unit) throw notFound(noteNumber ? `Serial number ${serial} on delivery note ${noteNumber}` : `Serial number ${serial} on your delivery notes`);
    if (await this.em.count(RegisteredProductEntity, { sku: unit.sku, serialNumber: serial })) throw conflict(`${unit.sku} ${serial} is registered already.`);
    const product = await this.productFromErp(unit.sku);
    const customerNumber = unit.customerNumber ?? (await this.customerNumberFromErp(unit.deliveryNoteNumber));
    const id = randomUUID();
    try {
      this.em.create(RegisteredProductEntity, {
        id, companyId: v.companyId!, serialNumber: serial, sku: unit.sku, deliveryNoteId: unit.deliveryNoteId, deliveryNoteNumber: unit.deliveryNoteNumber, customerNumber,
        purchasedOn: isoDate(unit.deliveredAt ?? unit.shippedAt), warrantyMonths: product.warrantyMonths, registeredByUserId: v.userId,
      });
      await this.em.flush();
    } catch (error) {
      // Two registrations of one unit at once: the unique key lets one through.
      if (error instanceof UniqueConstraintViolationException) throw conflict(`${unit.sku} ${serial} is registered already.`);
      throw error;
    }
    this.em.clear();
    return this.registeredProduct(id);
  }

  /** The product's warranty period as the ERP has it now (its master); registration waits for the ERP rather than guess. */
  private async productFromErp(sku: string): Promise<{ warrantyMonths: number | null }> {
    const erp = this.erp();
    const record = erp ? await erp.fetchRecord('products', sku).catch(() => undefined) : undefined;
    if (record === undefined) throw new HubError('UNAVAILABLE', `The warranty period of ${sku} comes from the ERP, which does not answer; try again later.`);
    const months = record?.warrantyMonths;
    return { warrantyMonths: typeof months === 'number' && Number.isInteger(months) && months > 0 ? months : null };
  }

  private async customerNumberFromErp(deliveryNoteNumber: string): Promise<string> {
    const erp = this.erp();
    const record = erp ? await erp.fetchRecord('deliveryNotes', deliveryNoteNumber).catch(() => null) : null;
    if (!record) throw new HubError('UNAVAILABLE', `Delivery note ${deliveryNoteNumber} needs its customer number from the ERP, which does not answer; try again later.`);
    return record.customerNumber;
  }

  // ---- service requests ----

  /**
   * Opens a service request for a registered unit of the company, with whether the unit is under
   * warranty today; the request and its outbox message for the ERP's workshop commit together.
   * A unit with a request still open gets no second one (CONFLICT).
   */
  async open(registeredProductId: string, description: string): Promise<ServiceRequestEntity> {
    const v = this.customer();
    if (!isUuid(registeredProductId)) throw badUserInput('registeredProductId must be a UUID.', 'registeredProductId');
    const text = description.trim();
    if (!text) throw badUserInput('Describe the fault.', 'description');
    if (text.length > MAX_DESCRIPTION) throw badUserInput(`description may be at most ${MAX_DESCRIPTION} characters.`, 'description');
    const id = randomUUID();
    await this.em.transactional(async (tx) => {
      // Locked: two requests opened at once for one unit wait for each other.
      const unit = await tx.findOne(RegisteredProductEntity, { id: registeredProductId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!unit || unit.companyId !== v.companyId) throw notFound('Registered product', registeredProductId);
      const requests = await tx.find(ServiceRequestEntity, { registeredProductId });
      const open = requests.find((r) => !FINISHED_STATUSES.includes(r.status));
      if (open) throw conflict(`${unit.sku} ${unit.serialNumber} has a service request that is ${open.status} already.`);
      const underWarranty = isUnderWarranty(warrantyEnd(new Date(`${unit.purchasedOn}T00:00:00Z`), unit.warrantyMonths, requests));
      tx.create(ServiceRequestEntity, { id, companyId: unit.companyId, registeredProductId, description: text, status: ServiceRequestStatus.OPENED, underWarranty, openedByUserId: v.userId, openedByActorId: v.actorId ?? null });
      const submission: ErpServiceOrderSubmission = {
        hubServiceRequestId: id, customerNumber: unit.customerNumber, serialNumber: unit.serialNumber, sku: unit.sku, deliveryNumber: unit.deliveryNoteNumber, description: text, underWarranty,
      };
      tx.create(FinanceOutboxMessageEntity, { topic: SERVICE_REQUESTED_TOPIC, key: id, payload: submission as unknown as Record<string, unknown> });
      await tx.flush();
      await publishServiceRequestChanged(tx, id);
    });
    return this.em.findOneOrFail(ServiceRequestEntity, { id });
  }

  /** The customer has its unit back: a request shipped back (or rejected) is closed; any other is a CONFLICT. */
  async close(id: string): Promise<ServiceRequestEntity> {
    const v = this.customer();
    if (!isUuid(id)) throw badUserInput('The service request id must be a UUID.', 'id');
    await this.em.transactional(async (tx) => {
      const r = await tx.findOne(ServiceRequestEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!r || r.companyId !== v.companyId) throw notFound('Service request', id);
      assertTransition(r.status, ServiceRequestStatus.CLOSED);
      r.status = ServiceRequestStatus.CLOSED;
      r.updatedAt = new Date();
      await tx.flush();
      await publishServiceRequestChanged(tx, id);
    });
    this.em.clear();
    return this.em.findOneOrFail(ServiceRequestEntity, { id });
  }

  private customer(): Viewer {
    const v = requirePermission(this.viewer, SERVICE_PERMISSION);
    if (v.kind !== 'CUSTOMER' || !v.companyId) throw forbidden('Products are registered and serviced by customer users (staff: sign in as one).');
    return v;
  }
}
