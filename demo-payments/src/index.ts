export * from './payment-ledger';
export * from './server';
