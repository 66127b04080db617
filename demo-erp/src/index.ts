export { DemoErp, buildDemoErpTables } from './demo-erp';
export type { DemoErpScale, DemoErpStats, ErpExtensionReceipt, PushResult } from './demo-erp';
export { DemoErpServer, NO_FAULTS, DEFAULT_DEMO_ERP_ADMIN_KEY, DEFAULT_DEMO_ERP_API_KEY, startDemoErp } from './server';
export type { DemoErpFaults, DemoErpHandle, StartDemoErpOptions } from './server';
export { DemoErpAdminClient } from './admin-client';
export { ErpState, CursorError, isKindName } from './erp-state';
export type { BaseTable, ErpTables } from './tables';
export { LARGE_SIZES } from './large-data';
export { renderPdf } from './pdf';
