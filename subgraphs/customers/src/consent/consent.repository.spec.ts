import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { customersSubgraph } from '../index';
import { ConsentChannelValue, ConsentEventEntity, ConsentSource } from './consent-event.entity';
import { ConsentRepository } from './consent.repository';

const USER = randomUUID();
const OTHER = randomUUID();
const NOBODY = randomUUID();
const T0 = Date.parse('2026-11-01T10:00:00Z');

describe('ConsentRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const repository = () => new ConsentRepository(db.em());

  beforeAll(async () => {
    db = await createSpecDatabase([customersSubgraph]);
    const em = db.em();
    const event = (userId: string, channel: ConsentChannelValue, granted: boolean, minute: number, id = randomUUID()) =>
      em.create(ConsentEventEntity, { id, userId, channel, granted, source: ConsentSource.USER, at: new Date(T0 + minute * 60_000) });
    event(USER, ConsentChannelValue.EMAIL, true, 1);
    event(USER, ConsentChannelValue.EMAIL, false, 3);
    event(USER, ConsentChannelValue.EMAIL, true, 2);
    // Two changes in the same instant: the smaller id counts.
    event(USER, ConsentChannelValue.SMS, true, 5, '00000000-0000-4000-8000-000000000001');
    event(USER, ConsentChannelValue.SMS, false, 5, 'ffffffff-ffff-4fff-8fff-ffffffffffff');
    event(OTHER, ConsentChannelValue.NEWSLETTER, true, 1);
    await em.flush();
  });
  afterAll(() => db?.drop());

  it("reads each channel's latest event, only for channels the user has events for", async () => {
    const latest = await repository().latestPerChannel(USER);
    expect(latest).toEqual([
      { channel: 'EMAIL', granted: false },
      { channel: 'SMS', granted: true },
    ]);
    expect(await repository().latestPerChannel(NOBODY)).toEqual([]);
  });

  it('tells whether one channel is granted now; null when never set', async () => {
    expect(await repository().isGranted(USER, ConsentChannelValue.EMAIL)).toBe(false);
    expect(await repository().isGranted(USER, ConsentChannelValue.SMS)).toBe(true);
    expect(await repository().isGranted(USER, ConsentChannelValue.NEWSLETTER)).toBeNull();
    expect(await repository().isGranted(OTHER, ConsentChannelValue.NEWSLETTER)).toBe(true);
  });
});
