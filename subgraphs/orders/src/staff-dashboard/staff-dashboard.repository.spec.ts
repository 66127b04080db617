import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { ordersSubgraph } from '../index';
import { StaffDashboardRepository } from './staff-dashboard.repository';

describe('StaffDashboardRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const day = { from: new Date('2026-06-10T00:00:00Z'), to: new Date('2026-06-11T00:00:00Z') };

  beforeAll(async () => {
    db = await createSpecDatabase([ordersSubgraph]);
    const company = randomUUID();
    const add = (status: string, placedAt: string, total: string, currency: string, who: 'web' | 'staff' | 'erp' | 'guest') =>
      db.pool.query(
        `insert into orders.customer_order (id, number, company_id, placed_by_user_id, placed_by_actor_id, status, placed_at, currency, total, guest_contact, updated_at)
         values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, now())`,
        [`SO-${randomUUID().slice(0, 8)}`, company, who === 'erp' || who === 'guest' ? null : randomUUID(), who === 'staff' ? randomUUID() : null, status, placedAt, currency, total,
          who === 'guest' ? JSON.stringify({ name: 'Greta Guest', email: 'greta@guest.example', phone: null, address: null }) : null],
      );
    await add('PENDING', '2026-06-10T08:00:00Z', '100.10', 'EUR', 'web');
    await add('ON_HOLD', '2026-06-10T23:59:59Z', '50.00', 'EUR', 'web');
    await add('REJECTED', '2026-06-10T12:00:00Z', '999.00', 'EUR', 'web');
    await add('CONFIRMED', '2026-06-10T09:00:00Z', '20.00', 'SEK', 'web');
    await add('AWAITING_APPROVAL', '2026-06-10T10:00:00Z', '5.55', 'EUR', 'staff');
    await add('INVOICED', '2026-06-10T00:00:00Z', '70.00', 'EUR', 'erp');
    await add('CONFIRMED', '2026-06-10T15:00:00Z', '12.40', 'EUR', 'guest');
    // Outside the day, on both sides.
    await add('PENDING', '2026-06-09T23:59:59Z', '1000.00', 'EUR', 'web');
    await add('ERP_REFUSED', '2026-06-11T00:00:00Z', '1000.00', 'EUR', 'web');
  });
  afterAll(() => db?.drop());

  it("counts the day's orders per channel and sums their totals per currency, without rejected or cancelled ones", async () => {
    const figures = await new StaffDashboardRepository(db.em()).ordersByChannel(day.from, day.to);
    expect(figures).toEqual([
      { channel: 'WEB', orders: 4, sales: [{ currency: 'EUR', amount: '150.10' }, { currency: 'SEK', amount: '20.00' }] },
      { channel: 'STAFF', orders: 1, sales: [{ currency: 'EUR', amount: '5.55' }] },
      // A public shop guest's order has no user either, and is not the ERP's.
      { channel: 'SHOP', orders: 1, sales: [{ currency: 'EUR', amount: '12.40' }] },
      { channel: 'ERP', orders: 1, sales: [{ currency: 'EUR', amount: '70.00' }] },
    ]);
  });

  it('counts the orders waiting now, whatever day they were placed', async () => {
    expect(await new StaffDashboardRepository(db.em()).waiting()).toEqual({ awaitingApproval: 1, onHold: 1, erpRefused: 1 });
  });
});
