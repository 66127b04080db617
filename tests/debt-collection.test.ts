import { randomUUID } from 'node:crypto';
import { as, failure, tokenFor } from './support/hub-client';
import { erpAdminRequest } from './support/demo-erp-process';
import { freshCompany, FreshCompany, syncNow } from './support/ordering';
import { eventually } from './support/staff-client';

const COLLECTABLE = 'query($c: ID) { collectableInvoices(companyId: $c) { documentNumber companyId dueDate openAmount currency lastDunnedOn } }';
const HAND_OVER = 'mutation($c: ID!, $a: String!) { handOverToDebtCollection(companyId: $c, agency: $a) { id number companyId agency documentNumbers handedOverBy handedOverAt exports { downloadedBy } } }';
const EXPORT = 'query($id: ID!) { debtCollectionExport(caseId: $id) { url fileName expiresAt } }';
const CASES = 'query($c: ID) { debtCollectionCases(companyId: $c) { id number documentNumbers handedOverBy exports { downloadedBy downloadedAt } } }';
const LOG = 'query($ref: String) { messageLog(ref: $ref, first: 10) { ref template status } }';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('debt collection after the last dunning level (issue 12, F5)', () => {
  let company: FreshCompany;
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  // One invoice 40 days overdue (past the last level of the default 7/14/30 schedule), one 10 days (level 1 only).
  const longOverdue = `INV-DC-${suffix}-1`;
  const recent = `INV-DC-${suffix}-2`;

  beforeAll(async () => {
    company = await freshCompany('Collect');
    const erp = process.env.HUB_TEST_ERP_URL!;
    for (const [documentNumber, due, amount] of [[longOverdue, daysAgo(40), '420.00'], [recent, daysAgo(10), '95.50']]) {
      await erpAdminRequest(erp, 'POST', '/admin/records/openItems', { documentNumber, customerNumber: company.erpNumber, documentType: 'INVOICE', dueDate: due, amount, openAmount: amount, currency: 'EUR' });
    }
    await syncNow('openItems');
  });

  it('lists the invoice past the last level, hands it over once, and its export reads back with the open items, debtor and dunning history, each download logged', async () => {
    const staff = await as('admin@hub.example');
    const { me } = await staff.request<{ me: { id: string } }>('{ me { id } }');
    // Payment monitoring (every 2 s in the tests' hub) duns the invoice at the last level.
    const [item] = await eventually(async () => {
      const { collectableInvoices } = await staff.request<{ collectableInvoices: any[] }>(COLLECTABLE, { c: company.id });
      return collectableInvoices.length > 0 ? collectableInvoices : undefined;
    }, 30_000, 'the invoice past the last dunning level');
    expect(item).toEqual({ documentNumber: longOverdue, companyId: company.id, dueDate: daysAgo(40), openAmount: '420.00', currency: 'EUR', lastDunnedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    // The recent one was dunned at level 1 and is not collectable.
    await eventually(async () => (await staff.request<{ messageLog: any[] }>(LOG, { ref: `open-item:${recent}:dunning-1` })).messageLog.length > 0, 20_000, 'the first dunning of the recent invoice');

    const { handOverToDebtCollection: handed } = await staff.request<{ handOverToDebtCollection: any }>(HAND_OVER, { c: company.id, a: '  Nordic Collect AB ' });
    expect(handed).toMatchObject({ number: expect.stringMatching(/^DC-\d{4}-\d+$/), companyId: company.id, agency: 'Nordic Collect AB', documentNumbers: [longOverdue], handedOverBy: me.id, exports: [] });
    // Handed over: nothing is left to hand over for this company, and a second hand-over is a CONFLICT.
    expect((await staff.request<{ collectableInvoices: any[] }>(COLLECTABLE, { c: company.id })).collectableInvoices).toEqual([]);
    expect((await failure(staff.request(HAND_OVER, { c: company.id, a: 'Another Agency' }))).codes).toEqual(['CONFLICT']);

    const { debtCollectionExport: link } = await staff.request<{ debtCollectionExport: { url: string; fileName: string } }>(EXPORT, { id: handed.id });
    expect(link.fileName).toBe(`${handed.number}.json`);
    const response = await fetch(link.url, { headers: { authorization: `Bearer ${await tokenFor('admin@hub.example')}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const file = (await response.json()) as any;
    expect(file).toMatchObject({
      format: 'erp-hub.debt-collection-case/1',
      caseNumber: handed.number,
      agency: 'Nordic Collect AB',
      debtor: { companyId: company.id, customerNumber: company.erpNumber, name: company.name, customerGroup: 'RETAIL', contacts: [expect.objectContaining({ email: company.admin.email })] },
      openItems: [{ documentNumber: longOverdue, documentType: 'INVOICE', dueDate: daysAgo(40), daysOverdue: 40, amount: '420.00', openAmount: '420.00', currency: 'EUR' }],
      totalOpen: [{ currency: 'EUR', amount: '420.00' }],
    });
    expect(file.debtor.invoiceAddress).toMatchObject({ city: 'Tallinn', country: 'EE' });
    expect(file.dunningHistory).toEqual([{ documentNumber: longOverdue, level: 3, lastLevel: true, dunnedOn: item.lastDunnedOn, daysOverdue: 40 }]);

    const { debtCollectionCases } = await staff.request<{ debtCollectionCases: any[] }>(CASES, { c: company.id });
    expect(debtCollectionCases).toEqual([{ id: handed.id, number: handed.number, documentNumbers: [longOverdue], handedOverBy: me.id, exports: [{ downloadedBy: me.id, downloadedAt: expect.any(String) }] }]);
    // The customer cannot open the staff's link.
    expect((await fetch(link.url, { headers: { authorization: `Bearer ${company.admin.token}` } })).status).toBe(403);
  });

  it('bad input gets BAD_USER_INPUT, an unknown company or case NOT_FOUND, a customer FORBIDDEN, and nothing is handed over', async () => {
    const staff = await as('admin@hub.example');
    const before = (await staff.request<{ debtCollectionCases: any[] }>(CASES, {})).debtCollectionCases.length;
    const refused = async (request: Promise<unknown>) => {
      const f = await failure(request);
      return { codes: f.codes, fields: f.fields };
    };
    expect(await refused(staff.request(HAND_OVER, { c: 'not-a-company', a: 'Agency' }))).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['companyId'] });
    expect(await refused(staff.request(HAND_OVER, { c: company.id, a: '   ' }))).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['agency'] });
    expect(await refused(staff.request(HAND_OVER, { c: company.id, a: 'x'.repeat(121) }))).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['agency'] });
    expect((await failure(staff.request(HAND_OVER, { c: randomUUID(), a: 'Agency' }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure(staff.request(EXPORT, { id: randomUUID() }))).codes).toEqual(['NOT_FOUND']);
    expect(await refused(staff.request(COLLECTABLE, { c: 'nope' }))).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['companyId'] });
    expect((await failure(company.admin.api.request(HAND_OVER, { c: company.id, a: 'Agency' }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(company.admin.api.request(COLLECTABLE, { c: company.id }))).codes).toEqual(['FORBIDDEN']);
    expect((await staff.request<{ debtCollectionCases: any[] }>(CASES, {})).debtCollectionCases.length).toBe(before);
  });
});
