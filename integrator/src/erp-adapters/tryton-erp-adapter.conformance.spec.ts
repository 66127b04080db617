import { ensureTrytonDatabase, payTrytonInvoice, startTrytonServer } from '@hub/tryton-erp';
import { describeErpAdapterConformance } from './erp-adapter-conformance';
import { TrytonErpAdapter } from './tryton-erp-adapter';
import { TrytonJsonRpc } from './tryton-json-rpc';

describeErpAdapterConformance('Tryton 6.0 (TrytonErpAdapter)', async () => {
  // A fresh copy of the seeded company, on a trytond of its own.
  const db = await ensureTrytonDatabase({ database: `conformance_${process.pid}`, reset: true });
  const server = await startTrytonServer(db);
  const connection = { url: server.url, database: server.database, user: server.user, password: server.password };
  const adapter = new TrytonErpAdapter({ ...connection, overlapSeconds: 2 });
  // The ERP's own side: a JSON-RPC session as Tryton's users have it.
  const tryton = new TrytonJsonRpc(connection);
  const templateOf = async (sku: string): Promise<number> => {
    const [product] = await tryton.call('model.product.product.search_read', [[['code', '=', sku]], 0, 1, null, ['template'], { active_test: false }]);
    return product.template;
  };
  return {
    adapter,
    adapterWithWrongCredentials: new TrytonErpAdapter({ ...connection, password: 'wrong-password' }),
    adapterForUnreachableErp: new TrytonErpAdapter({ ...connection, url: 'http://127.0.0.1:1' }),
    renameProduct: async (sku, name) => {
      await tryton.call('model.product.template.write', [[await templateOf(sku)], { name }, {}], true);
    },
    retireProduct: async (sku) => {
      // Tryton keeps products with history; retiring one is deactivating the variant.
      const [product] = await tryton.call('model.product.product.search_read', [[['code', '=', sku]], 0, 1, null, ['id'], {}]);
      await tryton.call('model.product.product.write', [[product.id], { active: false }, {}], true);
    },
    payInvoice: (invoiceNumber) => payTrytonInvoice(tryton, invoiceNumber),
    order: (hubOrderId, quantity) => ({
      hubOrderId, customerNumber: 'TC1001', placedAt: '2026-11-02T10:00:00.000Z', currency: 'EUR',
      lines: [{ lineNo: 1, sku: 'TR-0001', quantity, unitPrice: '1.0800' }],
    }),
    stop: async () => {
      await server.stop();
    },
  };
});
