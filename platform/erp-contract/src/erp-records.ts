/**
 * The records an ERP hands the hub, one type per synchronised kind. Money and quantities are
 * decimal strings; dates are ISO 8601 strings. Each record is identified by the ERP's own key
 * (see `recordKey`), never by a hub id.
 */
export interface ErpAddress {
  code: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
}

export interface ErpProductRecord {
  sku: string;
  name: string;
  description: string;
  unit: string;
  listPrice: string;
  currency: string;
  /** Stock below this shows amber/red in the traffic-light display. */
  minStock: string;
  /** Web categories the product sits in (independent of the ERP's own item groups). */
  categoryCodes: string[];
  active: boolean;
  /** Technical data shown on the product page and searched ("Thread: M8", "Origin: España"). */
  specifications?: Array<{ name: string; value: string; unit?: string | null }>;
  /** Photos and technical drawings. */
  images?: Array<{ url: string; kind: 'PHOTO' | 'DIAGRAM'; caption?: string | null }>;
  /** Items sold together with this one (accessories, consumables). */
  relatedSkus?: string[];
  /** Items that can replace this one when it is out of stock. */
  substituteSkus?: string[];
  /**
   * Web assortment: who sees the item on the web. Absent or null: everyone; otherwise the listed
   * audiences: 'PUBLIC' (the public shop), 'CUSTOMERS' (every customer) or customer group codes.
   * An empty list keeps the item off the web.
   */
  webAssortment?: string[] | null;
  /** The smallest quantity one order line may have, in sales units (absent: 1). */
  minOrderQuantity?: string | null;
  /**
   * Name and description in other languages, keyed by ISO 639-1 code ("sv", "es", "pl"), where the
   * ERP has them. Absent (or a language missing): the hub shows `name` and `description`.
   */
  translations?: Record<string, ErpProductTranslation> | null;
  /** The manufacturer's warranty in months from the date of purchase; absent or null: none (consumables), or an ERP that keeps none (Tryton). */
  warrantyMonths?: number | null;
  /** Gross weight of one sales unit in kg and its volume in m³ (decimal strings), for delivery costs; absent: unknown. */
  weightKg?: string | null;
  volumeM3?: string | null;
  /** The expected packing: sales units per parcel and per pallet; absent: not packed that way. */
  unitsPerParcel?: number | null;
  unitsPerPallet?: number | null;
}

export interface ErpProductTranslation {
  name: string;
  description?: string | null;
}

export interface ErpCategoryRecord {
  code: string;
  parentCode: string | null;
  name: string;
  position: number;
}

/** One price rule: a list-, group- or customer-specific price, possibly a quantity break or a dated promotion. */
export interface ErpPriceRecord {
  key: string;
  sku: string;
  /** Set for a customer-specific price. */
  customerNumber: string | null;
  /** Set for a customer-group price. */
  customerGroup: string | null;
  minQuantity: string;
  price: string;
  currency: string;
  validFrom: string | null;
  validTo: string | null;
  promotion: boolean;
}

export interface ErpStockRecord {
  /** `${warehouseCode}:${sku}` */
  key: string;
  warehouseCode: string;
  warehouseName: string;
  sku: string;
  onHand: string;
  reserved: string;
  /** The next open purchase order receipt, for availability promises. */
  nextReceiptDate: string | null;
  nextReceiptQuantity: string | null;
}

/**
 * A warehouse of the ERP. Those flagged `isStore` are shops: customers collect orders there and hand
 * returns in, so they carry an address, opening hours and a phone. Optional for an adapter: an ERP
 * that cannot tell a shop from a warehouse serves no records of this kind (Tryton's adapter does so),
 * and the hub then has no pick-up points.
 */
export interface ErpWarehouseRecord {
  code: string;
  name: string;
  isStore: boolean;
  /** Where the shop is (null for a warehouse that is not a store). */
  address: { street: string; postalCode: string; city: string; country: string } | null;
  phone: string | null;
  /** Weekly hours, local time: weekday 1 (Monday) to 7 (Sunday), "HH:MM"; days not listed are closed. */
  openingHours: Array<{ weekday: number; opens: string; closes: string }>;
}

export interface ErpCustomerRecord {
  customerNumber: string;
  name: string;
  currency: string;
  country: string;
  customerGroup: string | null;
  creditLimit: string;
  balance: string;
  blocked: boolean;
  paymentTermsDays: number;
  invoiceAddress: ErpAddress;
  deliveryAddresses: ErpAddress[];
  /**
   * The sales tax (VAT) rate the ERP charges this customer, in percent ("21"), or "0" for reverse
   * charge; absent or null when the ERP does not say (the hub then shows totals before tax only).
   */
  taxRatePercent?: string | null;
}

export interface ErpContactRecord {
  contactNumber: string;
  customerNumber: string;
  name: string;
  email: string;
  phone: string | null;
}

export interface ErpExchangeRateRecord {
  /** `${fromCurrency}:${toCurrency}` — the latest rate per pair. */
  key: string;
  fromCurrency: string;
  toCurrency: string;
  rate: string;
  /** The day the rate is valid for (YYYY-MM-DD). */
  date: string;
}

export interface ErpInvoiceRecord {
  invoiceNumber: string;
  customerNumber: string;
  orderNumber: string | null;
  /**
   * The hub's order id when the invoiced order came from the hub (the ERP stores it with the order);
   * null for the ERP's own orders. Adapters must fill it: a web order's hub id is not derived from
   * its ERP number, so without it the hub cannot link the invoice to the order.
   */
  hubOrderId: string | null;
  issuedAt: string;
  dueAt: string;
  currency: string;
  netTotal: string;
  taxTotal: string;
  total: string;
  openAmount: string;
  status: 'OPEN' | 'PAID';
  digitallySigned: boolean;
}

export interface ErpDeliveryNoteRecord {
  deliveryNumber: string;
  customerNumber: string;
  orderNumber: string;
  /** The hub's order id when the order came from the hub, else null (see ErpInvoiceRecord.hubOrderId). */
  hubOrderId: string | null;
  shippedAt: string;
  deliveredAt: string | null;
  carrier: string;
  trackingNumber: string;
  /** serialNumbers: the units' serial numbers, for products the ERP tracks by serial (absent otherwise). */
  lines: Array<{ lineNo: number; sku: string; quantity: string; serialNumbers?: string[] | null }>;
  /**
   * What the parcel carrier needs, when the hub hands this delivery to its carrier (absent on notes
   * the ERP shipped itself): the ship-to address of the order, the packed weight, the cash the
   * carrier collects on delivery and the packaging fee charged, both in `currency`.
   */
  shipTo?: ErpAddress | null;
  weightGrams?: number | null;
  codAmount?: string | null;
  packagingFee?: string | null;
  currency?: string | null;
  /**
   * Set when a supplier shipped these lines straight to the customer (drop-shipping): the
   * supplier's number. Then `carrier` and `trackingNumber` are the supplier's parcel, already on
   * its way to `shipTo`; the hub's carrier does not take it.
   */
  dropShippedBy?: string | null;
}

export interface ErpOpenItemRecord {
  /** The document number the item belongs to. */
  documentNumber: string;
  customerNumber: string;
  documentType: 'INVOICE' | 'CREDIT_NOTE' | 'PAYMENT_ON_ACCOUNT';
  dueDate: string;
  amount: string;
  openAmount: string;
  currency: string;
}

/** A credit note the ERP issued (amounts positive; they reduce what the customer owes). */
export interface ErpCreditNoteRecord {
  creditNoteNumber: string;
  customerNumber: string;
  /** The invoice it corrects, if any. */
  invoiceNumber: string | null;
  issuedAt: string;
  currency: string;
  netTotal: string;
  taxTotal: string;
  total: string;
}

/** A payment the ERP recorded from a customer (positive amount), against an invoice or on account. */
export interface ErpPaymentRecord {
  paymentNumber: string;
  customerNumber: string;
  /** The invoice it pays (wholly or partly); null: a payment on account. */
  invoiceNumber: string | null;
  paidAt: string;
  currency: string;
  amount: string;
}

/** READY_FOR_PICKUP and COLLECTED are the statuses of an order collected in a store (instead of SHIPPED and DELIVERED). */
export type ErpOrderStatus = 'CONFIRMED' | 'PICKED' | 'SHIPPED' | 'DELIVERED' | 'READY_FOR_PICKUP' | 'COLLECTED' | 'INVOICED' | 'CANCELLED';

/**
 * One line of an ERP order. The ERP may split an ordered line by warehouse, or into an available
 * and a back-ordered part: each part is a line of its own, and `orderedLineNo` names the line of
 * the submission it fulfils (null for lines the ERP's operator added).
 */
export interface ErpOrderLine {
  lineNo: number;
  sku: string;
  quantity: string;
  unitPrice: string;
  lineTotal: string;
  orderedLineNo?: number | null;
  /** The warehouse the part ships from (null: not decided yet). */
  warehouseCode?: string | null;
  /** True for the part that waits for stock (a purchase order receipt). */
  backOrdered?: boolean;
  /** The delivery date the ERP promises for this part (YYYY-MM-DD). */
  deliveryDate?: string | null;
  /** A configured product's options as ordered (P7). */
  configuration?: { options: Array<{ code: string; value: string }>; summary: string } | null;
  /** Set when a supplier ships this part straight to the customer (drop-shipping): the supplier's number. */
  dropShipSupplierNumber?: string | null;
}

/** An order as the ERP holds it, including corrections its operators made (changed lines, quantities). */
export interface ErpOrderRecord {
  orderNumber: string;
  /** Set when the order came from the hub: the hub's order id (also its idempotency key). */
  hubOrderId: string | null;
  customerNumber: string;
  status: ErpOrderStatus;
  placedAt: string;
  currency: string;
  total: string;
  lines: ErpOrderLine[];
  /** The customer's delivery address (its code) and own reference, as ordered. */
  deliveryAddressCode?: string | null;
  customerReference?: string | null;
  /** The delivery date the ERP promises for the whole order (YYYY-MM-DD; the latest of its lines). */
  deliveryDate?: string | null;
  /** The store (a warehouse code) the customer collects the order in; absent or null: delivered. */
  pickupStoreCode?: string | null;
  /** The code the customer shows at the store, set by the ERP once the order is READY_FOR_PICKUP. */
  pickupCode?: string | null;
  /** The delivery charged with the order (included in `total`), as the hub sent it. */
  delivery?: { method: string | null; parcels: number; pallets: number; charge: string } | null;
  /** Discount lines taken off the lines' value (total is after them), as submitted. */
  discounts?: Array<{ reference: string; description: string; amount: string }> | null;
  /** The blanket order the order draws down. */
  blanketOrderNumber?: string | null;
}

export interface ErpRecordsByKind {
  products: ErpProductRecord;
  categories: ErpCategoryRecord;
  prices: ErpPriceRecord;
  stock: ErpStockRecord;
  warehouses: ErpWarehouseRecord;
  customers: ErpCustomerRecord;
  contacts: ErpContactRecord;
  exchangeRates: ErpExchangeRateRecord;
  invoices: ErpInvoiceRecord;
  deliveryNotes: ErpDeliveryNoteRecord;
  openItems: ErpOpenItemRecord;
  creditNotes: ErpCreditNoteRecord;
  payments: ErpPaymentRecord;
  orders: ErpOrderRecord;
}

/** The kinds this contract describes; a deployment's own modules may sync further kinds (ErpExtensionRecord). */
export type SyncKind = keyof ErpRecordsByKind;

export const SYNC_KINDS: readonly SyncKind[] = [
  'categories',
  'products',
  'prices',
  'stock',
  'warehouses',
  'exchangeRates',
  'customers',
  'contacts',
  'orders',
  'invoices',
  'deliveryNotes',
  'openItems',
  'creditNotes',
  'payments',
];

export function isSyncKind(kind: string): kind is SyncKind {
  return (SYNC_KINDS as readonly string[]).includes(kind);
}

/**
 * A record of a kind the contract does not name: a deployment's own subgraph module may sync kinds
 * of its own (its ERP adapter serves them); such records are identified by `key`.
 */
export interface ErpExtensionRecord {
  key: string;
  [field: string]: unknown;
}

/** What a service order's repair history holds: the workshop's diagnosis, parts replaced, labour, and its status moves. */
export type ErpServiceOrderEntryKind = 'STATUS' | 'DIAGNOSIS' | 'PARTS' | 'LABOUR';

/**
 * A service (repair) order in the ERP, synced as the extension kind `serviceOrders` (its `key` is
 * the service order number). Pushed by the hub into the `serviceOrders` collection; the ERP's
 * workshop moves it on and writes its history.
 */
export interface ErpServiceOrderRecord extends ErpExtensionRecord {
  key: string;
  serviceOrderNumber: string;
  hubServiceRequestId: string;
  customerNumber: string;
  serialNumber: string;
  sku: string;
  status: 'AWAITING_GOODS' | 'RECEIVED' | 'IN_REPAIR' | 'REPAIRED' | 'SHIPPED_BACK' | 'CLOSED' | 'REJECTED' | 'CANCELLED';
  /** When the workshop received the goods; null while it waits for them. */
  receivedAt: string | null;
  /** When the goods left the workshop again (repaired, or rejected unrepaired). */
  shippedBackAt: string | null;
  history: Array<{ at: string; kind: ErpServiceOrderEntryKind; text: string; status?: string | null; partNumber?: string | null; quantity?: string | null; hours?: string | null }>;
}

/**
 * A configurable product's options and allowed combinations (P7), synced as the extension kind
 * `productConfigurations` (its `key` is the product's SKU). Prices of options are in `currency`,
 * before the customer's own price of the product itself, which stays the product's price rules.
 */
export interface ErpProductConfigurationRecord extends ErpExtensionRecord {
  key: string;
  sku: string;
  currency: string;
  options: ErpConfigurationOption[];
  /** Combinations: choosing `when` (an option, or one value of it) needs, or excludes, `then`. */
  rules: Array<{ code: string; kind: 'REQUIRES' | 'EXCLUDES'; when: { option: string; value?: string | null }; then: { option: string; value?: string | null }; text: string }>;
  /** The two dimensions (option codes, in mm) whose product is the area per-m² prices apply to; null: none. */
  area?: { width: string; height: string } | null;
  /** Added per m² of area, for every configuration (frame and labour), in `currency`. */
  pricePerSquareMetre?: string | null;
}

/** DIMENSION: a number in `unit` from min to max in steps of step (counted from min); CHOICE: one of `values`. */
export interface ErpConfigurationOption {
  code: string;
  name: string;
  kind: 'DIMENSION' | 'CHOICE';
  required: boolean;
  unit?: string | null;
  min?: string | null;
  max?: string | null;
  step?: string | null;
  values?: Array<{ code: string; name: string; price?: string | null; pricePerSquareMetre?: string | null }>;
}

/** One agreed line of a blanket order: the quantity and price agreed, what has been drawn, and its split per shop when it has one. */
export interface ErpBlanketOrderLine {
  lineNo: number;
  sku: string;
  /** The quantity agreed for the whole validity. */
  quantity: string;
  /** The agreed unit price (in the blanket order's currency, before tax). */
  unitPrice: string;
  /** Drawn down so far (by every order the ERP counted, see `drawdowns`). */
  drawnQuantity: string;
  /**
   * For a multi-shop retailer: how much of the line each shop (one of the customer's delivery
   * addresses, by code) may draw, and has drawn; absent or null: any shop draws from the line.
   */
  shops?: Array<{ deliveryAddressCode: string; quantity: string; drawnQuantity: string }> | null;
}

/**
 * A blanket (indent) order in the ERP, synced as the extension kind `blanketOrders` (its `key` is
 * the blanket order number): quantities agreed at fixed prices for a period, drawn down by orders
 * that name it (ErpOrderSubmission.blanketOrderNumber). The ERP counts each order once.
 */
export interface ErpBlanketOrderRecord extends ErpExtensionRecord {
  key: string;
  blanketOrderNumber: string;
  customerNumber: string;
  currency: string;
  /** First and last day orders may draw on it (YYYY-MM-DD). */
  validFrom: string;
  validTo: string;
  status: 'OPEN' | 'CLOSED';
  lines: ErpBlanketOrderLine[];
  /** The orders counted in drawnQuantity; hubOrderId set for the hub's. */
  drawdowns: Array<{ orderNumber: string; hubOrderId: string | null; placedAt: string }>;
}

export type ErpPurchaseOrderStatus = 'OPEN' | 'CONFIRMED' | 'PARTLY_RECEIVED' | 'RECEIVED' | 'CANCELLED';

/**
 * A purchase order in the ERP, synced as the extension kind `purchaseOrders` (its `key` is the
 * purchase order number). The hub pushes its buyers' orders into the `purchaseOrders` collection
 * and what was agreed with the supplier into `purchaseOrderConfirmations`; the ERP is master of the
 * order once it has it (its buyers may change it, its warehouse receives the goods).
 */
export interface ErpPurchaseOrderRecord extends ErpExtensionRecord {
  key: string;
  purchaseOrderNumber: string;
  /** The hub's purchase order id when the hub placed it; null for the ERP's own. */
  hubPurchaseOrderId: string | null;
  supplierNumber: string;
  status: ErpPurchaseOrderStatus;
  orderedAt: string;
  currency: string;
  lines: Array<{ lineNo: number; sku: string; quantity: string; unitPrice: string; deliveryDate: string; receivedQuantity: string }>;
}

export type ErpDropShipOrderStatus = 'OPEN' | 'SHIPPED' | 'CANCELLED';

/**
 * Lines of a customer's order the ERP routed to the supplier that ships their product group
 * (drop-shipping), synced as the extension kind `dropShipOrders` (`key`: its number). It carries
 * the customer's delivery address and nothing else of the customer: no customer number, no prices.
 */
export interface ErpDropShipOrderRecord extends ErpExtensionRecord {
  key: string;
  dropShipOrderNumber: string;
  supplierNumber: string;
  status: ErpDropShipOrderStatus;
  createdAt: string;
  deliveryAddress: Omit<ErpAddress, 'code'>;
  lines: Array<{ lineNo: number; sku: string; quantity: string }>;
  carrier: string | null;
  parcelNumber: string | null;
  shippedAt: string | null;
}

/** The record type of a kind: the contract's own for the kinds it names, else an extension record. */
export type ErpRecordOf<K extends string> = K extends SyncKind ? ErpRecordsByKind[K] : ErpExtensionRecord;

/** The ERP key of a record of each kind: what deletions name and what rows are merged on. */
export function recordKey(kind: string, record: object): string {
  const r = record as Record<string, unknown>;
  switch (kind) {
    case 'products':
      return r.sku as string;
    case 'categories':
      return r.code as string;
    case 'customers':
      return r.customerNumber as string;
    case 'contacts':
      return r.contactNumber as string;
    case 'invoices':
      return r.invoiceNumber as string;
    case 'deliveryNotes':
      return r.deliveryNumber as string;
    case 'openItems':
      return r.documentNumber as string;
    case 'creditNotes':
      return r.creditNoteNumber as string;
    case 'payments':
      return r.paymentNumber as string;
    case 'orders':
      return r.orderNumber as string;
    case 'warehouses':
      return r.code as string;
    default:
      return r.key as string;
  }
}
