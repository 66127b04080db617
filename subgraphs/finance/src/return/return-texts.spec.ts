import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { financeSubgraph } from '../index';
import { ReturnStatus } from './return-status';
import { returnReasonTexts, returnStatusTexts, RETURN_STATUS_LABELS } from './return-texts';

describe('return hub texts (real PostgreSQL)', () => {
  let db: SpecDatabase;
  beforeAll(async () => {
    db = await createSpecDatabase([financeSubgraph]);
  });
  afterAll(() => db?.drop());

  it('has a label for every return status in every language', async () => {
    const entries = await returnStatusTexts.entries(null as never);
    expect(entries.map((e) => e.key)).toEqual(Object.values(ReturnStatus));
    for (const status of Object.values(ReturnStatus)) expect(Object.keys(RETURN_STATUS_LABELS[status]).sort()).toEqual(['en', 'es', 'pl', 'sv']);
  });

  it("reads the reason dictionary's labels per code, English (else any label) as the fallback", async () => {
    await db.pool.query(`delete from finance.return_reason`);
    await db.pool.query(
      `insert into finance.return_reason (code, language, label, active) values ('DENTED', 'en', 'Dented', true), ('DENTED', 'sv', 'Bucklig', true), ('LATE', 'pl', 'Spóźniona', false)`,
    );
    const client = await db.pool.connect();
    try {
      expect(await returnReasonTexts.entries(client)).toEqual([
        { key: 'DENTED', texts: { en: 'Dented', sv: 'Bucklig' }, fallback: 'Dented' },
        { key: 'LATE', texts: { pl: 'Spóźniona' }, fallback: 'Spóźniona' },
      ]);
    } finally {
      client.release();
    }
  });
});
