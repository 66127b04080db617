import { PoolClient } from 'pg';
import { ingestContacts, ingestCustomers } from '@hub/customers';
import { ingestDeliveryNotes, ingestInvoices, ingestOpenItems } from '@hub/finance';
import { ingestOrders } from '@hub/orders';
import { ingestCategories, ingestCustomerPriceProfiles, ingestExchangeRates, ingestPrices, ingestProducts, ingestStock } from '@hub/products';
import { IngestPage, MergeResult } from '@hub/ingest';
import { ErpRecordsByKind, SyncKind } from '../adapter';

/** A subgraph's ingest function for one kind: a page of that kind's ERP records, merged on the caller's client. */
export type IngestFunction<K extends SyncKind> = (client: PoolClient, page: IngestPage<ErpRecordsByKind[K]>) => Promise<MergeResult>;

/** One synchronised kind: where its pages go and how often by default. */
export interface SyncOperationDefinition<K extends SyncKind = SyncKind> {
  name: K;
  /**
   * The ingest functions of the subgraphs that keep this kind; the only way ERP data enters a
   * subgraph. The first is the owner's: its counts and changed keys are the run's.
   */
  ingests: IngestFunction<K>[];
  /** Runs every ingest on the page, in order, on the caller's client (so in one transaction). */
  ingest: IngestFunction<K>;
  defaultIntervalSeconds: number;
  description: string;
}

/** The kind comes first and decides the type: each ingest function must take exactly that kind's records. */
function define<K extends SyncKind>(
  name: K,
  definition: { ingests: IngestFunction<K>[]; defaultIntervalSeconds: number; description: string },
): SyncOperationDefinition<K> {
  const [owner, ...others] = definition.ingests;
  if (!owner) throw new Error(`sync operation ${name} has no ingest function`);
  return {
    name,
    ...definition,
    ingest: async (client, page) => {
      const result = await owner(client, page);
      for (const ingest of others) await ingest(client, page);
      return result;
    },
  };
}

/**
 * Every sync operation, one per kind. Order matters for a first full sync (categories before
 * products, customers before contacts), which runs them in this order.
 */
export const SYNC_OPERATIONS: SyncOperationDefinition<any>[] = [
  define('categories', { ingests: [ingestCategories], defaultIntervalSeconds: 3600, description: 'Web categories (products subgraph)' }),
  define('products', { ingests: [ingestProducts], defaultIntervalSeconds: 900, description: 'Items and their web categories (products subgraph)' }),
  define('prices', { ingests: [ingestPrices], defaultIntervalSeconds: 300, description: 'Price lists, customer prices, quantity breaks, promotions (products subgraph)' }),
  define('stock', { ingests: [ingestStock], defaultIntervalSeconds: 60, description: 'Stock per warehouse and next receipts (products subgraph)' }),
  define('exchangeRates', { ingests: [ingestExchangeRates], defaultIntervalSeconds: 3600, description: 'Exchange rates (products subgraph)' }),
  define('customers', { ingests: [ingestCustomers, ingestCustomerPriceProfiles], defaultIntervalSeconds: 900, description: 'Customer accounts, credit limits, blocks, addresses (customers subgraph); customer group and currency for prices (products subgraph)' }),
  define('contacts', { ingests: [ingestContacts], defaultIntervalSeconds: 900, description: 'Customer contacts (customers subgraph)' }),
  define('orders', { ingests: [ingestOrders], defaultIntervalSeconds: 30, description: 'Order status and ERP-side corrections (orders subgraph)' }),
  define('invoices', { ingests: [ingestInvoices], defaultIntervalSeconds: 300, description: 'Invoices (finance subgraph)' }),
  define('deliveryNotes', { ingests: [ingestDeliveryNotes], defaultIntervalSeconds: 300, description: 'Delivery notes (finance subgraph)' }),
  define('openItems', { ingests: [ingestOpenItems], defaultIntervalSeconds: 300, description: 'Open items (finance subgraph)' }),
];

export function findSyncOperation(name: string): SyncOperationDefinition | undefined {
  return SYNC_OPERATIONS.find((op) => op.name === name);
}
