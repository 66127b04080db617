import { ErpDropShipOrderRecord } from '@hub/erp-contract';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { erpEntityId } from '@hub/erp-ids';
import { suppliersSubgraph } from '../index';
import { ingestDropShipOrders } from './drop-ship-order.ingest';

describe('drop-ship orders from the ERP (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const supplierId = erpEntityId('supplier', 'S20002');

  beforeAll(async () => {
    db = await createSpecDatabase([suppliersSubgraph]);
    await db.pool.query(`insert into suppliers.supplier (id, erp_number, name, country, email) values ($1, 'S20002', 'PowerDrive Tools Ltd', 'GB', 'sales@powerdrive.example')`, [supplierId]);
  });
  afterAll(() => db?.drop());

  const record = (n: number, status: ErpDropShipOrderRecord['status'], supplierNumber = 'S20002'): ErpDropShipOrderRecord => ({
    key: `DS-${n}`, dropShipOrderNumber: `DS-${n}`, supplierNumber, status, createdAt: '2026-12-01T10:00:00.000Z',
    deliveryAddress: { name: 'Baltic Build OÜ', street: 'Pärnu mnt 1', postalCode: '10111', city: 'Tallinn', country: 'EE' },
    lines: [{ lineNo: 2, sku: 'CD-S0100', quantity: '2' }],
    carrier: status === 'SHIPPED' ? 'DHL' : null, parcelNumber: status === 'SHIPPED' ? 'JD01' : null, shippedAt: status === 'SHIPPED' ? '2026-12-02T10:00:00.000Z' : null,
  });
  const read = async (n: number) => (await db.pool.query(`select supplier_id, status, delivery_address, lines, carrier, parcel_number from suppliers.drop_ship_order where erp_number = $1`, [`DS-${n}`])).rows[0];

  it("inserts new orders for their supplier with the address and lines only, skipping suppliers the hub does not know", async () => {
    const result = await ingestDropShipOrders(db.pool as never, { rows: [record(1, 'OPEN'), record(2, 'OPEN', 'S99999')], deletions: [] });
    expect(result).toMatchObject({ read: 2, inserted: 1 });
    expect(await read(1)).toEqual({
      supplier_id: supplierId, status: 'OPEN', carrier: null, parcel_number: null, lines: [{ lineNo: 2, sku: 'CD-S0100', quantity: '2' }],
      delivery_address: { name: 'Baltic Build OÜ', street: 'Pärnu mnt 1', postalCode: '10111', city: 'Tallinn', country: 'EE' },
    });
    expect(await read(2)).toBeUndefined();
  });

  it("takes the ERP's SHIPPED (with the parcel) and CANCELLED where they follow, never an older OPEN, and nothing twice", async () => {
    await ingestDropShipOrders(db.pool as never, { rows: [record(3, 'OPEN'), record(4, 'OPEN')], deletions: [] });
    await db.pool.query(`update suppliers.drop_ship_order set status = 'CONFIRMED' where erp_number = 'DS-4'`);
    const page = { rows: [record(3, 'SHIPPED'), record(4, 'OPEN')], deletions: [] };
    expect((await ingestDropShipOrders(db.pool as never, page)).updated).toBe(1);
    expect(await read(3)).toMatchObject({ status: 'SHIPPED', carrier: 'DHL', parcel_number: 'JD01' });
    expect(await read(4)).toMatchObject({ status: 'CONFIRMED' });
    expect((await ingestDropShipOrders(db.pool as never, page)).updated).toBe(0);
    expect((await ingestDropShipOrders(db.pool as never, { rows: [record(3, 'CANCELLED')], deletions: [] })).updated).toBe(0);
  });
});
