/** The ERP adapter contract lives in @hub/erp-contract, where the subgraphs' ingest functions read its record types too. */
export * from '@hub/erp-contract';
