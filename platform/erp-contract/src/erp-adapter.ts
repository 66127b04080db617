import { ErpRecordsByKind, SyncKind } from './erp-records';

/**
 * One page of changes of one kind since a cursor. Cursors are opaque strings owned by the ERP
 * side: the hub stores the last `nextCursor` and hands it back unchanged. A null cursor means
 * "everything from the start" (a full sync); the cursor after the last page of a full sync
 * continues with deltas.
 */
export interface ChangePage<T> {
  /** Records created or changed, in their current state. */
  rows: T[];
  /** Keys (see `recordKey`) of records deleted in the ERP. */
  deletions: string[];
  nextCursor: string;
  /** More pages follow for this cursor chain right now. */
  hasMore: boolean;
}

export type ErpDocumentKind = 'invoice' | 'deliveryNote' | 'orderConfirmation';

export interface ErpOrderSubmission {
  /** The hub's order id; also stored by the ERP so corrections can be matched back. */
  hubOrderId: string;
  customerNumber: string;
  placedAt: string;
  currency: string;
  lines: Array<{ lineNo: number; sku: string; quantity: string; unitPrice: string }>;
  deliveryAddressCode?: string | null;
  customerReference?: string | null;
}

export interface ErpOrderReceipt {
  orderNumber: string;
  status: string;
}

export interface ErpCustomerSubmission {
  hubRegistrationId: string;
  name: string;
  country: string;
  currency: string;
  email: string;
  vatNumber?: string | null;
  invoiceAddress: { street: string; postalCode: string; city: string; country: string };
}

export interface ErpCustomerReceipt {
  customerNumber: string;
  contactNumber: string;
}

export interface ErpReturnSubmission {
  hubReturnId: string;
  customerNumber: string;
  deliveryNumber: string;
  reason: string;
  lines: Array<{ lineNo: number; sku: string; quantity: string }>;
}

export interface ErpReturnReceipt {
  returnNumber: string;
}

/**
 * What the hub needs from any ERP. Implementations classify every failure as an `ErpError`.
 * Pushes carry an idempotency key; after an UNKNOWN_OUTCOME the caller looks the key up before
 * trying again, so the ERP sees each document once.
 */
export interface ErpAdapter {
  readonly name: string;
  pullChanges<K extends SyncKind>(kind: K, cursor: string | null, pageSize: number): Promise<ChangePage<ErpRecordsByKind[K]>>;
  /** The printable form of a document, as PDF bytes. */
  fetchDocument(kind: ErpDocumentKind, number: string): Promise<Buffer>;
  pushOrder(order: ErpOrderSubmission, idempotencyKey: string): Promise<ErpOrderReceipt>;
  findOrderByKey(idempotencyKey: string): Promise<ErpOrderReceipt | null>;
  pushCustomer(customer: ErpCustomerSubmission, idempotencyKey: string): Promise<ErpCustomerReceipt>;
  findCustomerByKey(idempotencyKey: string): Promise<ErpCustomerReceipt | null>;
  pushReturn(ret: ErpReturnSubmission, idempotencyKey: string): Promise<ErpReturnReceipt>;
  findReturnByKey(idempotencyKey: string): Promise<ErpReturnReceipt | null>;
}
