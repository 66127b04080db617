import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { financeSubgraph } from '../index';
import { ReturnRepository } from './return.repository';
import { ReturnStatus } from './return-status';

describe('ReturnRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const noteId = randomUUID();
  const companyId = randomUUID();

  beforeAll(async () => {
    db = await createSpecDatabase([financeSubgraph]);
    await db.em().execute(
      `insert into finance.delivery_note (id, number, company_id, order_id, order_number, customer_number, shipped_at, delivered_at, carrier, tracking_number, lines)
       values (?, 'DN-1', ?, null, 'SO-1', 'C-1', now() - interval '2 days', now() - interval '1 day', 'DHL', 'T1', ?::jsonb)`,
      [noteId, companyId, JSON.stringify([{ lineNo: 1, sku: 'A', quantity: '5' }, { lineNo: 2, sku: 'B', quantity: '2', serialNumbers: ['S1', 'S2'] }])],
    );
  });
  afterAll(() => db?.drop());

  async function addReturn(status: ReturnStatus, lines: Array<{ lineNo: number; quantity: string; serials?: string[] }>): Promise<void> {
    const id = randomUUID();
    await db.em().execute(
      `insert into finance.return_request (id, number, company_id, delivery_note_id, delivery_note_number, customer_number, filed_by_user_id, reason_code, reason_label, reason_language, status, created_at, updated_at)
       values (?, ?, ?, ?, 'DN-1', 'C-1', ?, 'DEFECTIVE', 'Defective', 'en', ?, now(), now())`,
      [id, `R-${id.slice(0, 8).toUpperCase()}`, companyId, noteId, randomUUID(), status],
    );
    for (const l of lines) {
      await db.em().execute(
        `insert into finance.return_line (id, return_id, delivery_line_no, sku, quantity, serial_numbers, condition) values (?, ?, ?, 'X', ?, ?::jsonb, 'OPENED')`,
        [randomUUID(), id, l.lineNo, l.quantity, l.serials ? JSON.stringify(l.serials) : null],
      );
    }
  }

  it('reads the delivery note it locks, with its lines and customer number', async () => {
    const note = await db.em().transactional((tx) => new ReturnRepository(tx).lockDeliveryNote(noteId));
    expect(note).toMatchObject({ id: noteId, number: 'DN-1', companyId, customerNumber: 'C-1' });
    expect(note!.lines[1].serialNumbers).toEqual(['S1', 'S2']);
    expect(await db.em().transactional((tx) => new ReturnRepository(tx).lockDeliveryNote(randomUUID()))).toBeNull();
  });

  it('sums what returns not rejected claim per line, serial numbers included, once per line', async () => {
    expect((await new ReturnRepository(db.em()).claimedLines(noteId)).size).toBe(0);
    await addReturn(ReturnStatus.FILED, [{ lineNo: 1, quantity: '1.5' }, { lineNo: 2, quantity: '1', serials: ['S2'] }]);
    await addReturn(ReturnStatus.CREDITED, [{ lineNo: 1, quantity: '2' }]);
    await addReturn(ReturnStatus.REJECTED, [{ lineNo: 1, quantity: '1' }, { lineNo: 2, quantity: '1', serials: ['S1'] }]);
    const claimed = await new ReturnRepository(db.em()).claimedLines(noteId);
    expect(claimed.get(1)?.quantity.toString()).toBe('3.5');
    expect([...(claimed.get(1)?.serialNumbers ?? [])]).toEqual([]);
    expect(claimed.get(2)?.quantity.toString()).toBe('1');
    expect([...(claimed.get(2)?.serialNumbers ?? [])]).toEqual(['S2']);
  });
});
