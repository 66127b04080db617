export { HttpErpAdapter } from './http-erp-adapter';
export type { HttpErpAdapterOptions } from './http-erp-adapter';
export { TrytonErpAdapter, formulaPrice, orderStatus } from './tryton-erp-adapter';
export type { TrytonErpAdapterOptions } from './tryton-erp-adapter';
export { TrytonJsonRpc } from './tryton-json-rpc';
export type { TrytonConnection } from './tryton-json-rpc';
export { createErpAdapter, trytonSettingsFromEnv } from './erp-adapter-settings';
export type { ConnectedErpAdapter, ErpAdapterSettings } from './erp-adapter-settings';
