import { DemoErpAdminClient, startDemoErp } from '@hub/demo-erp';
import { describeErpAdapterConformance } from './erp-adapter-conformance';
import { HttpErpAdapter } from './http-erp-adapter';

describeErpAdapterConformance('demo ERP (HttpErpAdapter)', async () => {
  const erp = await startDemoErp({ scale: 'small', port: 0 });
  const admin = new DemoErpAdminClient(erp.url);
  const adapter = new HttpErpAdapter({ baseUrl: erp.url, apiKey: erp.apiKey, timeoutMs: 5_000 });
  const wrong = new HttpErpAdapter({ baseUrl: erp.url, apiKey: 'wrong-key' });
  const nowhere = new HttpErpAdapter({ baseUrl: 'http://127.0.0.1:1', apiKey: erp.apiKey });
  return {
    adapter,
    adapterWithWrongCredentials: wrong,
    adapterForUnreachableErp: nowhere,
    renameProduct: async (sku, name) => {
      const product = await admin.get('products', sku);
      await admin.upsert('products', { ...product!, name });
    },
    retireProduct: async (sku) => {
      await admin.remove('products', sku);
    },
    payInvoice: async (invoiceNumber) => {
      await admin.recordPayment(invoiceNumber);
    },
    order: (hubOrderId, quantity) => ({
      hubOrderId, customerNumber: 'C10001', placedAt: '2026-11-02T10:00:00.000Z', currency: 'EUR',
      lines: [{ lineNo: 1, sku: 'HB-S0001', quantity, unitPrice: '10.50' }],
    }),
    stop: async () => {
      for (const a of [adapter, wrong, nowhere]) a.close();
      await erp.stop();
    },
  };
});
