import { as, demo, demoUser, failure } from './support/hub-client';

const COMPANY = `query($id: ID!) { company(id: $id) {
  invoiceAddress { code street postalCode city country }
  deliveryAddresses { code street city }
  branches { id name address { street city country } deliveryAddressCode }
  documentPreference
} }`;

describe('company structure (C2) with field ownership (I5)', () => {
  const company = demo.companies[3];
  const admin = demoUser(3, 'customer admin');

  it('shows the ERP-owned addresses from the sync to the company\'s users', async () => {
    const reader = await as(demoUser(3, 'read-only').email);
    const { company: c } = await reader.request<{ company: { invoiceAddress: { city: string } | null; deliveryAddresses: unknown[]; documentPreference: string } }>(COMPANY, { id: company.id });
    expect(c.invoiceAddress?.city).toBeTruthy();
    expect(c.deliveryAddresses.length).toBeGreaterThan(0);
    expect(c.documentPreference).toBe('INVOICE');
  });

  it('an admin adds and removes branches and sets the document preference; others may not', async () => {
    const api = await as(admin.email);
    const { company: before } = await api.request<{ company: { deliveryAddresses: Array<{ code: string }> } }>(COMPANY, { id: company.id });
    const code = before.deliveryAddresses[0].code;
    const { addBranch } = await api.request<{ addBranch: { id: string; name: string } }>(
      'mutation($i: BranchInput!) { addBranch(input: $i) { id name } }',
      { i: { name: 'Shop Tartu', address: { street: 'Riia 1', postalCode: '51004', city: 'Tartu', country: 'ee' }, deliveryAddressCode: code } },
    );
    await api.request('mutation { setDocumentPreference(preference: RECEIPT) { id } }');
    const { company: after } = await api.request<{ company: { branches: Array<{ id: string; address: { country: string }; deliveryAddressCode: string }>; documentPreference: string } }>(COMPANY, { id: company.id });
    expect(after.branches).toEqual(expect.arrayContaining([expect.objectContaining({ id: addBranch.id, address: expect.objectContaining({ country: 'EE' }), deliveryAddressCode: code })]));
    expect(after.documentPreference).toBe('RECEIPT');

    const buyer = await as(demoUser(3, 'buyer').email);
    expect((await failure(buyer.request('mutation { setDocumentPreference(preference: INVOICE) { id } }'))).codes).toEqual(['FORBIDDEN']);
    // Bad input changes nothing.
    expect((await failure(api.request('mutation($i: BranchInput!) { addBranch(input: $i) { id } }', { i: { name: 'X', address: { street: 'a', postalCode: '1', city: 'b', country: 'Estonia' } } }))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(api.request('mutation($i: BranchInput!) { addBranch(input: $i) { id } }', { i: { name: 'X', address: { street: 'a', postalCode: '1', city: 'b', country: 'EE' }, deliveryAddressCode: 'NOPE' } }))).codes).toEqual(['BAD_USER_INPUT']);
    // Another company's admin cannot remove it: NOT_FOUND, as for a branch that does not exist.
    const other = await as(demoUser(0, 'customer admin').email);
    expect((await failure(other.request('mutation($id: ID!) { removeBranch(id: $id) }', { id: addBranch.id }))).codes).toEqual(['NOT_FOUND']);
    expect(await api.request('mutation($id: ID!) { removeBranch(id: $id) }', { id: addBranch.id })).toEqual({ removeBranch: true });
    await api.request('mutation { setDocumentPreference(preference: INVOICE) { id } }');
  });

  it("another company's id gets NOT_FOUND, exactly as an id of no company, and changes nothing", async () => {
    const other = await as(demoUser(0, 'customer admin').email);
    const set = 'mutation($c: ID) { setDocumentPreference(preference: RECEIPT, companyId: $c) { id } }';
    const theirs = await failure(other.request(set, { c: company.id }));
    const nobody = await failure(other.request(set, { c: '00000000-0000-4000-8000-00000000dead' }));
    expect(theirs.codes).toEqual(['NOT_FOUND']);
    expect(nobody.codes).toEqual(['NOT_FOUND']);
    expect(theirs.messages[0].replace(company.id, '<id>')).toBe(nobody.messages[0].replace('00000000-0000-4000-8000-00000000dead', '<id>'));
    const reader = await as(demoUser(3, 'read-only').email);
    expect((await reader.request<{ company: { documentPreference: string } }>(COMPANY, { id: company.id })).company.documentPreference).toBe('INVOICE');
  });

  it('credit limit, balance and blocked need invoices.view', async () => {
    const reader = await as(demoUser(3, 'read-only').email);
    const { company: c } = await reader.request<{ company: { creditLimit: { amount: string; currency: string }; blocked: boolean } }>(
      'query($id: ID!) { company(id: $id) { creditLimit { amount currency } balance { amount } blocked } }', { id: company.id });
    expect(c.creditLimit.currency).toBe(company.currency);
    const buyer = await as(demoUser(3, 'buyer').email);
    const refused = await failure(buyer.request('query($id: ID!) { company(id: $id) { name creditLimit { amount } } }', { id: company.id }));
    expect(refused.codes).toEqual(['FORBIDDEN']);
    // Only the gated field is null; the company itself is still answered.
    expect(refused.data).toEqual({ company: { name: company.name, creditLimit: null } });
    expect(refused.paths).toEqual([['company', 'creditLimit']]);
  });
});
