import { randomUUID } from 'node:crypto';
import { Viewer } from '@hub/auth';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { HubTextEntry, HubTextKindDeclaration } from '@hub/subgraph-kit';
import { notificationsSubgraph } from '../index';
import { hubTextStore } from './hub-text.store';
import { HubTextService } from './hub-text.service';

describe('HubTextService and the hub text store (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const staff: Viewer = { userId: randomUUID(), kind: 'STAFF', companyId: null, supplierId: null, permissions: ['staff.users'] };
  const orderDesk: Viewer = { ...staff, userId: randomUUID(), permissions: ['staff.orders'] };
  const customer: Viewer = { userId: randomUUID(), kind: 'CUSTOMER', companyId: randomUUID(), supplierId: null, permissions: ['orders.view'] };
  const colours: HubTextKindDeclaration = {
    kind: 'COLOUR',
    description: 'test colours',
    entries: async (): Promise<HubTextEntry[]> => [
      { key: 'RED', texts: { en: 'Red', sv: 'Röd' }, fallback: 'Red' },
      { key: 'TEAL', texts: {}, fallback: 'Teal (ERP)' },
    ],
  };
  const service = () => new HubTextService(db.em(), [colours], () => db.pool);
  const stored = async () => (await db.pool.query('select kind, key, language, text from notifications.hub_text order by key, language')).rows;

  beforeAll(async () => {
    db = await createSpecDatabase([notificationsSubgraph]);
  });
  afterAll(() => db?.drop());

  it('lists every key of a kind as a reader of a language sees it: built in, else the fallback', async () => {
    expect(await service().list(customer, 'sv', 'COLOUR')).toEqual([
      expect.objectContaining({ kind: 'COLOUR', key: 'RED', language: 'sv', text: 'Röd', builtInText: 'Röd', overridden: false }),
      expect.objectContaining({ key: 'TEAL', text: 'Teal (ERP)', builtInText: 'Teal (ERP)', overridden: false }),
    ]);
    // No Polish text: the deployment's language (English), then the fallback.
    expect((await service().list(customer, 'pl', null)).map((t) => t.text)).toEqual(['Red', 'Teal (ERP)']);
  });

  it("stores staff's text trimmed, shows it first, and the store hands it to the modules showing labels", async () => {
    expect(await service().set(staff, 'COLOUR', 'TEAL', 'sv', '  Blågrön ')).toMatchObject({ key: 'TEAL', language: 'sv', text: 'Blågrön', builtInText: 'Teal (ERP)', overridden: true });
    await service().set(staff, 'COLOUR', 'TEAL', 'sv', 'Petrol');
    expect(await stored()).toEqual([{ kind: 'COLOUR', key: 'TEAL', language: 'sv', text: 'Petrol' }]);
    const client = await db.pool.connect();
    try {
      expect(await hubTextStore.overrides(client, 'COLOUR')).toEqual([{ key: 'TEAL', language: 'sv', text: 'Petrol' }]);
      expect(await hubTextStore.overrides(client, 'ORDER_STATUS')).toEqual([]);
      await client.query(`insert into notifications.recipient_language (user_id, language) values ($1, 'pl')`, [customer.userId]);
      expect(await hubTextStore.userLanguage(client, customer.userId)).toBe('pl');
      expect(await hubTextStore.userLanguage(client, randomUUID())).toBeNull();
    } finally {
      client.release();
    }
    expect(await service().remove(staff, 'COLOUR', 'TEAL', 'sv')).toMatchObject({ text: 'Teal (ERP)', overridden: false });
    expect(await stored()).toEqual([]);
  });

  it('refuses bad input with a code before anything is stored', async () => {
    const codeOf = (promise: Promise<unknown>) => promise.then(() => 'OK', (e) => `${e.extensions?.code}:${e.extensions?.field ?? ''}`);
    expect(await codeOf(service().set(customer, 'COLOUR', 'RED', 'sv', 'x'))).toBe('FORBIDDEN:');
    expect(await codeOf(service().set(orderDesk, 'COLOUR', 'RED', 'sv', 'x'))).toBe('FORBIDDEN:');
    expect(await codeOf(service().set(null, 'COLOUR', 'RED', 'sv', 'x'))).toBe('UNAUTHENTICATED:');
    expect(await codeOf(service().set(staff, 'SHAPE', 'RED', 'sv', 'x'))).toBe('BAD_USER_INPUT:kind');
    expect(await codeOf(service().set(staff, 'COLOUR', 'RED', 'de', 'x'))).toBe('BAD_USER_INPUT:language');
    expect(await codeOf(service().set(staff, 'COLOUR', 'RED', 'sv', ' '))).toBe('BAD_USER_INPUT:text');
    expect(await codeOf(service().set(staff, 'COLOUR', 'RED', 'sv', 'a\nb'))).toBe('BAD_USER_INPUT:text');
    expect(await codeOf(service().set(staff, 'COLOUR', 'BLUE', 'sv', 'Blå'))).toBe('NOT_FOUND:');
    expect(await codeOf(service().remove(staff, 'COLOUR', 'RED', 'sv'))).toBe('NOT_FOUND:');
    expect(await codeOf(service().list(null, 'sv', 'COLOUR'))).toBe('UNAUTHENTICATED:');
    expect(await stored()).toEqual([]);
  });
});
