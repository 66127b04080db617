export { HttpErpAdapter } from './http-erp-adapter';
export type { HttpErpAdapterOptions } from './http-erp-adapter';
export { TrytonErpAdapter, formulaPrice, orderStatus } from './tryton-erp-adapter';
export type { TrytonErpAdapterOptions } from './tryton-erp-adapter';
export type { TrytonConnection } from './tryton-json-rpc';
