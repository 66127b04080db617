import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { ServiceRequestStatus } from './service-request-status';

/** One entry of the ERP workshop's repair history, as synced. */
export interface RepairHistoryEntry {
  at: string;
  kind: string;
  text: string;
  status?: string | null;
  partNumber?: string | null;
  quantity?: string | null;
  hours?: string | null;
}

/** A customer's service (repair) request for a registered unit; the ERP's service order does the repair and is synced back. */
@Entity({ tableName: 'service_request' })
@Index({ properties: ['companyId', 'createdAt'] })
export class ServiceRequestEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  companyId: string;

  @Index()
  @Property({ type: 'uuid' })
  registeredProductId: string;

  @Property({ type: 'text' })
  description: string;

  @Enum({ items: () => ServiceRequestStatus, type: 'text' })
  status: ServiceRequestStatus;

  /** Whether the unit was under warranty on the day the request was opened. */
  @Property({ type: 'boolean' })
  underWarranty: boolean;

  @Property({ type: 'uuid' })
  openedByUserId: string;

  /** Staff acting as the customer user when it was opened. */
  @Property({ type: 'uuid', nullable: true })
  openedByActorId: string | null = null;

  /** What stopped it on the way to the ERP. */
  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;

  @Property({ type: 'text', nullable: true })
  erpServiceOrderNumber: string | null = null;

  /** From the ERP: when its workshop received the goods. */
  @Property({ type: 'timestamptz', nullable: true })
  receivedAt: Date | null = null;

  /** From the ERP: when its workshop shipped the goods back. */
  @Property({ type: 'timestamptz', nullable: true })
  shippedBackAt: Date | null = null;

  /** From the ERP: the workshop's history (diagnosis, parts replaced, labour, status moves). */
  @Property({ type: 'jsonb' })
  repairHistory: RepairHistoryEntry[] & Opt = [];

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}
