import { PoolClient } from 'pg';
import { erpEntityId } from '@hub/erp-ids';
import { ErpCustomerRecord } from '@hub/erp-contract';
import { defineMergeTarget, IngestPage, MergeResult, mergeRows, RowOf } from '@hub/ingest';

export const COMPANY_CREDIT_TARGET = defineMergeTarget({
  schema: 'orders',
  table: 'company_credit',
  columns: {
    company_id: 'uuid',
    customer_number: 'text',
    currency: 'char(3)',
    credit_limit: 'numeric',
    balance: 'numeric',
    blocked: 'boolean',
    tax_rate_percent: 'numeric',
  },
  key: ['company_id'],
  notFromErp: [],
  onDelete: 'delete',
});

/** The orders subgraph's share of the ERP's customers: credit limit, balance, block and tax rate (declared with alsoIngests). */
export function ingestCompanyCredit(
  client: PoolClient,
  page: IngestPage<Pick<ErpCustomerRecord, 'customerNumber' | 'currency' | 'creditLimit' | 'balance' | 'blocked' | 'taxRatePercent'>>,
): Promise<MergeResult> {
  return mergeRows(
    client,
    COMPANY_CREDIT_TARGET,
    page.rows.map(
      (c): RowOf<typeof COMPANY_CREDIT_TARGET> => ({
        company_id: erpEntityId('customer', c.customerNumber),
        customer_number: c.customerNumber,
        currency: c.currency,
        credit_limit: c.creditLimit,
        balance: c.balance,
        blocked: c.blocked,
        tax_rate_percent: c.taxRatePercent ?? null,
      }),
    ),
    page.deletions.map((customerNumber) => ({ company_id: erpEntityId('customer', customerNumber) })),
  );
}
