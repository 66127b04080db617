import { createHash } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { financeSubgraph } from '../index';
import { DocumentStoreRepository } from './document-store.repository';

describe('DocumentStoreRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const store = () => new DocumentStoreRepository(db.em());
  const original = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x80, 0x0a]);

  beforeAll(async () => {
    db = await createSpecDatabase([financeSubgraph]);
  });
  afterAll(() => db?.drop());

  it('keeps an original byte for byte and finds it by kind and number only', async () => {
    expect(await store().find('invoice', 'INV-1')).toBeNull();
    await store().keep({ kind: 'invoice', number: 'INV-1', original, digitallySigned: false });
    const found = await store().find('invoice', 'INV-1');
    expect(found).toEqual({ kind: 'invoice', number: 'INV-1', original, digitallySigned: false, stamped: null });
    expect(found!.original.equals(original)).toBe(true);
    expect(await store().find('deliveryNote', 'INV-1')).toBeNull();
    const [row] = await db.em().execute('select sha256 from finance.stored_document where number = ?', ['INV-1']);
    expect(row.sha256).toBe(createHash('sha256').update(original).digest('hex'));
  });

  it('lets the first copy win and keeps a stamped copy for unsigned documents only', async () => {
    await store().keep({ kind: 'invoice', number: 'INV-1', original: Buffer.from('%PDF-other'), digitallySigned: true });
    expect((await store().find('invoice', 'INV-1'))!.original.equals(original)).toBe(true);
    await store().keepStamped('invoice', 'INV-1', Buffer.from('%PDF-stamped'));
    expect((await store().find('invoice', 'INV-1'))!.stamped!.toString()).toBe('%PDF-stamped');
    await store().keep({ kind: 'invoice', number: 'INV-SIGNED', original, digitallySigned: true });
    await store().keepStamped('invoice', 'INV-SIGNED', Buffer.from('%PDF-stamped'));
    expect(await store().find('invoice', 'INV-SIGNED')).toMatchObject({ digitallySigned: true, stamped: null });
  });
});
