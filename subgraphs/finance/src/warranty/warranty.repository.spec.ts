import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { financeSubgraph } from '../index';
import { WarrantyRepository } from './warranty.repository';

describe('WarrantyRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const companyId = randomUUID();
  const otherCompanyId = randomUUID();

  async function addNote(number: string, company: string, deliveredDaysAgo: number | null, lines: unknown[]): Promise<void> {
    await db.em().execute(
      `insert into finance.delivery_note (id, number, company_id, order_id, order_number, customer_number, shipped_at, delivered_at, carrier, tracking_number, lines)
       values (?, ?, ?, null, 'SO-1', 'C-1', now() - interval '30 days', ${deliveredDaysAgo === null ? 'null' : `now() - interval '${deliveredDaysAgo} days'`}, 'DHL', 'T1', ?::jsonb)`,
      [randomUUID(), number, company, JSON.stringify(lines)],
    );
  }

  beforeAll(async () => {
    db = await createSpecDatabase([financeSubgraph]);
    await addNote('DN-OLD', companyId, 20, [{ lineNo: 1, sku: 'DRILL', quantity: '2', serialNumbers: ['S1', 'S2'] }, { lineNo: 2, sku: 'SCREWS', quantity: '100' }]);
    // The same unit delivered again later (after an exchange, say).
    await addNote('DN-NEW', companyId, 2, [{ lineNo: 1, sku: 'DRILL', quantity: '1', serialNumbers: ['S2'] }]);
    await addNote('DN-OTHER', otherCompanyId, null, [{ lineNo: 1, sku: 'SAW', quantity: '1', serialNumbers: ['S9'] }]);
  });
  afterAll(() => db?.drop());

  it('finds the notes of the company that delivered a serial number, newest first, with the line\'s product', async () => {
    const repository = new WarrantyRepository(db.em());
    expect((await repository.deliveredUnits(companyId, 'S1', null)).map((u) => [u.deliveryNoteNumber, u.sku])).toEqual([['DN-OLD', 'DRILL']]);
    expect((await repository.deliveredUnits(companyId, 'S2', null)).map((u) => u.deliveryNoteNumber)).toEqual(['DN-NEW', 'DN-OLD']);
    expect((await repository.deliveredUnits(companyId, 'S2', 'DN-OLD')).map((u) => u.deliveryNoteNumber)).toEqual(['DN-OLD']);
    const [unit] = await repository.deliveredUnits(companyId, 'S1', null);
    expect(unit.customerNumber).toBe('C-1');
    expect(unit.deliveredAt!.getTime()).toBeLessThan(Date.now() - 19 * 86_400_000);
  });

  it('never finds another company\'s serial numbers, a note without it, or a line without serial numbers', async () => {
    const repository = new WarrantyRepository(db.em());
    expect(await repository.deliveredUnits(companyId, 'S9', null)).toEqual([]);
    expect(await repository.deliveredUnits(companyId, 'S1', 'DN-NEW')).toEqual([]);
    expect(await repository.deliveredUnits(companyId, 'SCREWS', null)).toEqual([]);
    expect((await repository.deliveredUnits(otherCompanyId, 'S9', null)).map((u) => u.deliveryNoteNumber)).toEqual(['DN-OTHER']);
  });
});
