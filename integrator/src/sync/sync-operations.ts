import { PoolClient } from 'pg';
import { ingestContacts, ingestCustomers } from '@hub/customers';
import { ingestDeliveryNotes, ingestInvoices, ingestOpenItems } from '@hub/finance';
import { ingestOrders } from '@hub/orders';
import { ingestCategories, ingestCustomerPriceProfiles, ingestExchangeRates, ingestPrices, ingestProducts, ingestStock } from '@hub/products';
import { MergeResult } from '@hub/ingest';
import { ErpRecordsByKind, SyncKind } from '../adapter';

/** Declared as a method so that, as before, an ingest taking a structurally compatible row type fits. */
export type IngestFunction<K extends SyncKind> = {
  ingest(client: PoolClient, page: { rows: ErpRecordsByKind[K][]; deletions: string[] }): Promise<MergeResult>;
}['ingest'];

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

function define<K extends SyncKind>(
  definition: Omit<SyncOperationDefinition<K>, 'ingest'>,
): SyncOperationDefinition<K> {
  const [owner, ...others] = definition.ingests;
  if (!owner) throw new Error(`sync operation ${definition.name} has no ingest function`);
  return {
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
  define({ name: 'categories', ingests: [ingestCategories], defaultIntervalSeconds: 3600, description: 'Web categories (products subgraph)' }),
  define<'products'>({ name: 'products', ingests: [ingestProducts], defaultIntervalSeconds: 900, description: 'Items and their web categories (products subgraph)' }),
  define({ name: 'prices', ingests: [ingestPrices], defaultIntervalSeconds: 300, description: 'Price lists, customer prices, quantity breaks, promotions (products subgraph)' }),
  define({ name: 'stock', ingests: [ingestStock], defaultIntervalSeconds: 60, description: 'Stock per warehouse and next receipts (products subgraph)' }),
  define({ name: 'exchangeRates', ingests: [ingestExchangeRates], defaultIntervalSeconds: 3600, description: 'Exchange rates (products subgraph)' }),
  define({ name: 'customers', ingests: [ingestCustomers, ingestCustomerPriceProfiles], defaultIntervalSeconds: 900, description: 'Customer accounts, credit limits, blocks, addresses (customers subgraph); customer group and currency for prices (products subgraph)' }),
  define({ name: 'contacts', ingests: [ingestContacts], defaultIntervalSeconds: 900, description: 'Customer contacts (customers subgraph)' }),
  define<'orders'>({ name: 'orders', ingests: [ingestOrders], defaultIntervalSeconds: 30, description: 'Order status and ERP-side corrections (orders subgraph)' }),
  define({ name: 'invoices', ingests: [ingestInvoices], defaultIntervalSeconds: 300, description: 'Invoices (finance subgraph)' }),
  define({ name: 'deliveryNotes', ingests: [ingestDeliveryNotes], defaultIntervalSeconds: 300, description: 'Delivery notes (finance subgraph)' }),
  define<'openItems'>({ name: 'openItems', ingests: [ingestOpenItems], defaultIntervalSeconds: 300, description: 'Open items (finance subgraph)' }),
];

export function findSyncOperation(name: string): SyncOperationDefinition | undefined {
  return SYNC_OPERATIONS.find((op) => op.name === name);
}
