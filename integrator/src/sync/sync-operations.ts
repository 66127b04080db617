import { PoolClient } from 'pg';
import { ingestContacts, ingestCustomers } from '@hub/customers';
import { ingestDeliveryNotes, ingestInvoices, ingestOpenItems } from '@hub/finance';
import { ingestOrders } from '@hub/orders';
import { ingestCategories, ingestExchangeRates, ingestPrices, ingestProducts, ingestStock } from '@hub/products';
import { MergeResult } from '@hub/ingest';
import { ErpRecordsByKind, SyncKind } from '../adapter';

/** One synchronised kind: where its pages go and how often by default. */
export interface SyncOperationDefinition<K extends SyncKind = SyncKind> {
  name: K;
  /** The owning subgraph's ingest function; the only way ERP data enters that subgraph. */
  ingest(client: PoolClient, page: { rows: ErpRecordsByKind[K][]; deletions: string[] }): Promise<MergeResult>;
  defaultIntervalSeconds: number;
  description: string;
}

function define<K extends SyncKind>(definition: SyncOperationDefinition<K>): SyncOperationDefinition<K> {
  return definition;
}

/**
 * Every sync operation, one per kind. Order matters for a first full sync (categories before
 * products, customers before contacts), which runs them in this order.
 */
export const SYNC_OPERATIONS: SyncOperationDefinition<any>[] = [
  define({ name: 'categories', ingest: ingestCategories, defaultIntervalSeconds: 3600, description: 'Web categories (products subgraph)' }),
  define({ name: 'products', ingest: ingestProducts, defaultIntervalSeconds: 900, description: 'Items and their web categories (products subgraph)' }),
  define({ name: 'prices', ingest: ingestPrices, defaultIntervalSeconds: 300, description: 'Price lists, customer prices, quantity breaks, promotions (products subgraph)' }),
  define({ name: 'stock', ingest: ingestStock, defaultIntervalSeconds: 60, description: 'Stock per warehouse and next receipts (products subgraph)' }),
  define({ name: 'exchangeRates', ingest: ingestExchangeRates, defaultIntervalSeconds: 3600, description: 'Exchange rates (products subgraph)' }),
  define({ name: 'customers', ingest: ingestCustomers, defaultIntervalSeconds: 900, description: 'Customer accounts, credit limits, blocks, addresses (customers subgraph)' }),
  define({ name: 'contacts', ingest: ingestContacts, defaultIntervalSeconds: 900, description: 'Customer contacts (customers subgraph)' }),
  define<'orders'>({ name: 'orders', ingest: ingestOrders, defaultIntervalSeconds: 30, description: 'Order status and ERP-side corrections (orders subgraph)' }),
  define({ name: 'invoices', ingest: ingestInvoices, defaultIntervalSeconds: 300, description: 'Invoices (finance subgraph)' }),
  define({ name: 'deliveryNotes', ingest: ingestDeliveryNotes, defaultIntervalSeconds: 300, description: 'Delivery notes (finance subgraph)' }),
  define<'openItems'>({ name: 'openItems', ingest: ingestOpenItems, defaultIntervalSeconds: 300, description: 'Open items (finance subgraph)' }),
];

export function findSyncOperation(name: string): SyncOperationDefinition | undefined {
  return SYNC_OPERATIONS.find((op) => op.name === name);
}
