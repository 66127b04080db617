export { HttpErpAdapter } from './http-erp-adapter';
export type { HttpErpAdapterOptions } from './http-erp-adapter';
