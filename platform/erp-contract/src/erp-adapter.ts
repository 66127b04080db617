import { ErpRecordOf } from './erp-records';

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

/** The printable documents an ERP hands out as PDF, each by its own number. */
export type ErpDocumentKind = 'invoice' | 'creditNote' | 'deliveryNote' | 'orderConfirmation';

export interface ErpOrderSubmission {
  /** The hub's order id; also stored by the ERP so corrections can be matched back. */
  hubOrderId: string;
  customerNumber: string;
  placedAt: string;
  currency: string;
  /** configuration: a configured product's chosen options (P7), with a readable summary; absent for other lines. */
  lines: Array<{ lineNo: number; sku: string; quantity: string; unitPrice: string; configuration?: ErpLineConfiguration }>;
  /** One of the customer's ERP delivery addresses (its code); absent or null: the customer's default. */
  deliveryAddressCode?: string | null;
  customerReference?: string | null;
  /** Free text for the ERP's order desk (delivery instructions, the branch it is for). */
  notes?: string | null;
  /** Collected in this store (a warehouse flagged isStore) instead of delivered; then deliveryAddressCode is null. */
  pickupStoreCode?: string | null;
  /** How the order is paid: PREPAID_CARD, INVOICE, MONTHLY_INVOICE, BANK_TRANSFER, CASH_ON_DELIVERY or INSTALMENTS; absent: the customer's account terms. */
  paymentMethod?: string | null;
  /** A guest of the public shop (customerNumber is then PUBLIC_SHOP_CUSTOMER_NUMBER, the ERP's cash-sale customer): who and where to. */
  guest?: ErpGuestDetails | null;
  /** Paid in advance: the card authorised with the payment provider (captured at delivery). */
  prepaid?: { method: 'CARD'; amount: string; providerReference: string | null } | null;
  /**
   * Discount lines (a discount code, a loyalty reward): amounts off the lines' value before tax, in
   * the order's currency; the ERP's order total is the lines' less these.
   */
  discounts?: Array<{ reference: string; description: string; amount: string }> | null;
  /** The ERP's blanket order this order draws down: its lines count against the blanket order's remaining quantities. */
  blanketOrderNumber?: string | null;
  /** The delivery the hub charged (O12): method, packing estimate and the net charge (transport plus surcharges) in `currency`; absent: none charged. */
  delivery?: { method: string | null; parcels: number; pallets: number; charge: string } | null;
}

/** The options of a configured line as the customer chose them ("WIDTH" → "1200"), and the summary the ERP prints. */
export interface ErpLineConfiguration {
  options: Array<{ code: string; value: string }>;
  summary: string;
}


/** The ERP customer the public shop's guest orders go to the ERP under (its cash-sale account). */
export const PUBLIC_SHOP_CUSTOMER_NUMBER = process.env.HUB_PUBLIC_SHOP_CUSTOMER_NUMBER || 'WEB-SHOP';

export interface ErpGuestDetails {
  name: string;
  email: string;
  phone: string | null;
  /** Null when collected in a store. */
  address: { street: string; postalCode: string; city: string; country: string } | null;
}

export interface ErpOrderReceipt {
  orderNumber: string;
  status: string;
  /** The delivery date the ERP promises for the whole order (YYYY-MM-DD), when it gives one at once. */
  deliveryDate?: string | null;
}

export interface ErpCustomerSubmission {
  hubRegistrationId: string;
  name: string;
  country: string;
  currency: string;
  email: string;
  vatNumber?: string | null;
  /** The registering contact's phone number as given (the ERP keeps it on the contact it creates). */
  phone?: string | null;
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
  lines: Array<{ lineNo: number; sku: string; quantity: string; serialNumbers?: string[] | null }>;
  /** The hub's RMA number (printed on the return label). */
  rmaNumber?: string | null;
  /** What staff decided for the goods: a credit note (absent: CREDIT) or replacement goods. */
  disposition?: 'CREDIT' | 'EXCHANGE' | null;
}

export interface ErpReturnReceipt {
  returnNumber: string;
  /** The credit note the ERP issued for a CREDIT disposition (it arrives with the creditNotes sync). */
  creditNoteNumber?: string | null;
}

/** A store handed an order collected there to the customer, who showed the pick-up code. */
export interface ErpPickupSubmission {
  hubOrderId: string;
  orderNumber: string;
  storeCode: string;
  pickupCode: string;
  handedOverAt: string;
}

export interface ErpPickupReceipt {
  orderNumber: string;
  /** COLLECTED. */
  status: string;
}

/** A customer's service request for a registered product (serial number), for the ERP's workshop. */
export interface ErpServiceOrderSubmission {
  hubServiceRequestId: string;
  customerNumber: string;
  serialNumber: string;
  sku: string;
  /** The delivery note the unit came with. */
  deliveryNumber: string;
  description: string;
  /** Whether the hub found the unit under warranty when the request was opened (else the repair is chargeable). */
  underWarranty: boolean;
}

export interface ErpServiceOrderReceipt {
  serviceOrderNumber: string;
}

/** A purchase order the hub's buyer placed with a supplier (a creditor of the ERP); the ERP keeps it and is its master from then on. */
export interface ErpPurchaseOrderSubmission {
  hubPurchaseOrderId: string;
  supplierNumber: string;
  orderedAt: string;
  currency: string;
  lines: Array<{ lineNo: number; sku: string; quantity: string; unitPrice: string; deliveryDate: string }>;
  note?: string | null;
}

export interface ErpPurchaseOrderReceipt {
  purchaseOrderNumber: string;
  /** OPEN. */
  status: string;
}

/** What the supplier and the buyer agreed on a purchase order, line by line (the supplier confirmed, or the buyer accepted its change). */
export interface ErpPurchaseOrderConfirmationSubmission {
  hubPurchaseOrderId: string;
  purchaseOrderNumber: string;
  confirmedAt: string;
  lines: Array<{ lineNo: number; quantity: string; unitPrice: string; deliveryDate: string }>;
}

export interface ErpPurchaseOrderConfirmationReceipt {
  purchaseOrderNumber: string;
  /** CONFIRMED. */
  status: string;
}

/** Which supplier ships the products of a product group (a web category code) straight to the customer; null: the ERP ships them itself again. */
export interface ErpDropShipAssignmentSubmission {
  productGroup: string;
  supplierNumber: string | null;
}

export interface ErpDropShipAssignmentReceipt {
  productGroup: string;
  supplierNumber: string | null;
}

/** The supplier shipped a drop-ship order to the customer: its parcel. */
export interface ErpDropShipmentSubmission {
  dropShipOrderNumber: string;
  supplierNumber: string;
  carrier: string;
  parcelNumber: string;
  shippedAt: string;
}

export interface ErpDropShipmentReceipt {
  dropShipOrderNumber: string;
  /** The delivery note the ERP issued for the customer's order (it arrives with the deliveryNotes sync). */
  deliveryNumber: string;
}

/** A card payment the hub took for an open invoice (F2): the ERP books it against the invoice, once per key (the hub's payment id). */
export interface ErpPaymentSubmission {
  hubPaymentId: string;
  /** The customer as the hub knows it from the company's documents; null: the invoice's own customer. */
  customerNumber: string | null;
  invoiceNumber: string;
  /** Decimal text, at most what is open on the invoice. */
  amount: string;
  currency: string;
  paidAt: string;
  method: 'CARD';
  /** The payment provider's reference (its PaymentIntent id), for the ERP's bank reconciliation. */
  providerReference: string;
}

export interface ErpPaymentReceipt {
  paymentNumber: string;
  invoiceNumber: string;
}

/** The documents the hub pushes into collections the contract names; other collections carry a deployment's own documents. */
export interface ErpSubmissionsByCollection {
  orders: ErpOrderSubmission;
  customers: ErpCustomerSubmission;
  returns: ErpReturnSubmission;
  pickups: ErpPickupSubmission;
  serviceOrders: ErpServiceOrderSubmission;
  purchaseOrders: ErpPurchaseOrderSubmission;
  purchaseOrderConfirmations: ErpPurchaseOrderConfirmationSubmission;
  dropShipAssignments: ErpDropShipAssignmentSubmission;
  dropShipments: ErpDropShipmentSubmission;
  payments: ErpPaymentSubmission;
}

export interface ErpReceiptsByCollection {
  orders: ErpOrderReceipt;
  customers: ErpCustomerReceipt;
  returns: ErpReturnReceipt;
  pickups: ErpPickupReceipt;
  serviceOrders: ErpServiceOrderReceipt;
  purchaseOrders: ErpPurchaseOrderReceipt;
  purchaseOrderConfirmations: ErpPurchaseOrderConfirmationReceipt;
  dropShipAssignments: ErpDropShipAssignmentReceipt;
  dropShipments: ErpDropShipmentReceipt;
  payments: ErpPaymentReceipt;
}

export type ErpCollection = keyof ErpSubmissionsByCollection;
export type ErpSubmissionOf<C extends string> = C extends ErpCollection ? ErpSubmissionsByCollection[C] : Record<string, unknown>;
export type ErpReceiptOf<C extends string> = C extends ErpCollection ? ErpReceiptsByCollection[C] : Record<string, unknown>;

/** What a receipt of each named collection must hold; an adapter that gets less reports an unknown outcome. */
export const RECEIPT_FIELDS: Readonly<Record<ErpCollection, readonly string[]>> = {
  orders: ['orderNumber', 'status'],
  customers: ['customerNumber', 'contactNumber'],
  returns: ['returnNumber'],
  pickups: ['orderNumber', 'status'],
  serviceOrders: ['serviceOrderNumber'],
  purchaseOrders: ['purchaseOrderNumber', 'status'],
  purchaseOrderConfirmations: ['purchaseOrderNumber', 'status'],
  dropShipAssignments: ['productGroup'],
  dropShipments: ['dropShipOrderNumber', 'deliveryNumber'],
  payments: ['paymentNumber', 'invoiceNumber'],
};

/**
 * What the hub needs from any ERP. Implementations classify every failure as an `ErpError`.
 * Pushes carry an idempotency key; after an UNKNOWN_OUTCOME the caller looks the key up before
 * trying again, so the ERP sees each document once.
 *
 * Kinds and collections are open: the contract types the ones it names (ErpRecordsByKind,
 * ErpSubmissionsByCollection); a deployment's own subgraph modules may sync further kinds and push
 * further collections, which their ERP adapter then serves.
 */
export interface ErpAdapter {
  readonly name: string;
  pullChanges<K extends string>(kind: K, cursor: string | null, pageSize: number): Promise<ChangePage<ErpRecordOf<K>>>;
  /** One record in its current state, by its ERP key (see `recordKey`); null when the ERP has none. */
  fetchRecord<K extends string>(kind: K, key: string): Promise<ErpRecordOf<K> | null>;
  /** The printable form of a document, as PDF bytes exactly as the ERP printed it (a signed one must not change). */
  fetchDocument(kind: ErpDocumentKind, number: string): Promise<Buffer>;
  /** Sends a document into a collection (orders, customers, returns, ...); the same key and content give the same receipt. */
  push<C extends string>(collection: C, document: ErpSubmissionOf<C>, idempotencyKey: string): Promise<ErpReceiptOf<C>>;
  /** The receipt of what was pushed with this key, or null when the ERP never got it. */
  findByKey<C extends string>(collection: C, idempotencyKey: string): Promise<ErpReceiptOf<C> | null>;
}
