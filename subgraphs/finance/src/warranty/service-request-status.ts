import { registerEnumType } from 'type-graphql';

/** Where a service (repair) request stands; the moves between them are in service-request.state-machine.ts. */
export enum ServiceRequestStatus {
  OPENED = 'OPENED',
  RECEIVED = 'RECEIVED',
  IN_REPAIR = 'IN_REPAIR',
  REPAIRED = 'REPAIRED',
  SHIPPED_BACK = 'SHIPPED_BACK',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(ServiceRequestStatus, { name: 'ServiceRequestStatus', description: 'Where a service (repair) request stands.' });

/** What an entry of the ERP workshop's repair history is. */
export enum RepairEntryKind {
  STATUS = 'STATUS',
  DIAGNOSIS = 'DIAGNOSIS',
  PARTS = 'PARTS',
  LABOUR = 'LABOUR',
}

registerEnumType(RepairEntryKind, { name: 'RepairEntryKind', description: "An entry of a repair's history: a status move, the diagnosis, parts replaced, or labour." });
