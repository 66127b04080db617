export * from './erp-records';
export * from './erp-adapter';
export * from './erp-error';
