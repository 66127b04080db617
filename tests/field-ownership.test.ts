import { randomUUID } from 'node:crypto';
import { GraphQLClient } from 'graphql-request';
import { dropDatabase, ensureDatabase } from '@hub/database';
import { DEMO_PASSWORD } from '@hub/demo-data';
import { as, demo, demoUser, failure } from './support/hub-client';
import { erpAdminRequest, TEST_ERP_ADMIN_KEY } from './support/demo-erp-process';
import { HubProcess, startHubProcess } from './support/hub-process';
import { eventually } from './support/staff-client';

const OWNERSHIP = '{ fieldOwnership { entity field owner configurable } }';
const COMPANY = 'query($id: ID!) { company(id: $id) { id name documentPreference invoiceAddress { city } } }';
const RUNS = 'query($op: String) { syncRuns(operation: $op, first: 20) { trigger status error } }';

interface Ownership {
  entity: string;
  field: string;
  owner: 'ERP' | 'HUB';
  configurable: boolean;
}

/**
 * Field ownership (I5) through the gateway: the shared hub has today's split; a hub of this file's
 * own, started with HUB_FIELD_OWNERSHIP=company.name=HUB,company.documentPreference=ERP, shows that
 * split to staff, refuses a mutation of the ERP-owned preference with a coded error, and keeps its
 * hub-owned company name when the real sync brings another one from the ERP (while the ERP-owned
 * invoice address of the same record is updated).
 */
describe('field ownership', () => {
  const company = demo.companies[2];
  const admin = demoUser(2, 'customer admin');

  describe('the default split (the shared hub)', () => {
    it('staff see which side owns each company field; others are refused', async () => {
      const staff = await as('admin@hub.example');
      const { fieldOwnership } = await staff.request<{ fieldOwnership: Ownership[] }>(OWNERSHIP);
      const owner = (field: string) => fieldOwnership.find((o) => o.field === field);
      expect(owner('name')).toEqual({ entity: 'Company', field: 'name', owner: 'ERP', configurable: true });
      expect(owner('creditLimit')).toEqual({ entity: 'Company', field: 'creditLimit', owner: 'ERP', configurable: false });
      expect(owner('documentPreference')).toEqual({ entity: 'Company', field: 'documentPreference', owner: 'HUB', configurable: true });
      expect(owner('users')).toEqual({ entity: 'Company', field: 'users', owner: 'HUB', configurable: false });
      const customer = await as(admin.email);
      expect((await failure(customer.request(OWNERSHIP))).codes).toEqual(['FORBIDDEN']);
    });
  });

  describe('a deployment that moves the company name to the hub and the document preference to the ERP', () => {
    const serverUrl = process.env.HUB_TEST_SERVER_URL!;
    const database = `hub_ownership_${process.pid}_${randomUUID().slice(0, 8)}`;
    let hub: HubProcess;
    const login = async (email: string): Promise<GraphQLClient> => {
      const anonymous = new GraphQLClient(hub.gatewayUrl);
      const { login } = await anonymous.request<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: DEMO_PASSWORD });
      return new GraphQLClient(hub.gatewayUrl, { headers: { authorization: `Bearer ${login.token}` } });
    };

    beforeAll(async () => {
      const databaseUrl = await ensureDatabase(serverUrl, database);
      hub = await startHubProcess({
        ...process.env,
        DATABASE_URL: databaseUrl,
        HUB_PORT: '0',
        HUB_SUBGRAPH_BASE_PORT: '0',
        HUB_DEMO_ERP_PORT: '0',
        HUB_DEMO_ERP_STEP_SECONDS: '0',
        HUB_DEMO_ERP_ADMIN_KEY: TEST_ERP_ADMIN_KEY,
        HUB_SMTP_HOST: '',
        HUB_MODULES: '',
        HUB_SUPERGRAPH: '',
        HUB_FIELD_OWNERSHIP: 'company.name=HUB, company.documentPreference=ERP',
      });
    }, 120_000);

    afterAll(async () => {
      await hub?.stop();
      await dropDatabase(serverUrl, database);
    });

    it('staff see the configured split', async () => {
      const staff = await login('admin@hub.example');
      const { fieldOwnership } = await staff.request<{ fieldOwnership: Ownership[] }>(OWNERSHIP);
      expect(fieldOwnership.find((o) => o.field === 'name')?.owner).toBe('HUB');
      expect(fieldOwnership.find((o) => o.field === 'documentPreference')?.owner).toBe('ERP');
      expect(fieldOwnership.find((o) => o.field === 'invoiceAddress')?.owner).toBe('ERP');
    });

    it('a mutation of the ERP-owned preference is refused with a coded error and changes nothing', async () => {
      const customer = await login(admin.email);
      const before = (await customer.request<{ company: { documentPreference: string } }>(COMPANY, { id: company.id })).company;
      const other = before.documentPreference === 'RECEIPT' ? 'INVOICE' : 'RECEIPT';
      const refused = await failure(customer.request(`mutation { setDocumentPreference(preference: ${other}) { id } }`));
      expect(refused.codes).toEqual(['FORBIDDEN']);
      expect(refused.messages[0]).toMatch(/company\.documentPreference is owned by the ERP/);
      expect(refused.extensions[0]).toMatchObject({ reason: 'ERP_OWNED_FIELD', field: 'company.documentPreference' });
      expect((await customer.request<{ company: { documentPreference: string } }>(COMPANY, { id: company.id })).company.documentPreference).toBe(before.documentPreference);
    });

    it('the sync keeps the hub-owned name and still brings the ERP-owned invoice address', async () => {
      const staff = await login('admin@hub.example');
      const before = (await staff.request<{ company: { name: string; invoiceAddress: { city: string } } }>(COMPANY, { id: company.id })).company;
      expect(before.name).toBe(company.name);
      const record = await erpAdminRequest(hub.erpUrl, 'GET', `/admin/records/customers/${company.erpNumber}`);
      await erpAdminRequest(hub.erpUrl, 'POST', '/admin/records/customers', {
        ...record,
        name: 'Renamed in the ERP',
        invoiceAddress: { ...record.invoiceAddress, city: 'Moved City' },
      });
      const runsBefore = (await staff.request<{ syncRuns: unknown[] }>(RUNS, { op: 'customers' })).syncRuns.length;
      await staff.request('mutation { runSyncNow(operation: "customers") { runRequested } }');
      const runs = await eventually(async () => {
        const { syncRuns } = await staff.request<{ syncRuns: Array<{ trigger: string; status: string; error: string | null }> }>(RUNS, { op: 'customers' });
        return syncRuns.length > runsBefore && syncRuns.some((r) => r.trigger === 'MANUAL' && r.status !== 'RUNNING') && syncRuns;
      }, 20_000, 'a manual customers run');
      expect(runs.find((r) => r.trigger === 'MANUAL')).toMatchObject({ status: 'SUCCEEDED', error: null });
      const after = (await staff.request<{ company: { name: string; invoiceAddress: { city: string } } }>(COMPANY, { id: company.id })).company;
      expect(after.invoiceAddress.city).toBe('Moved City');
      expect(after.name).toBe(company.name);
    });
  });
});
