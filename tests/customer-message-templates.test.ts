import { as, failure } from './support/hub-client';
import { freshCompany, FreshCompany } from './support/ordering';

const SAVE = 'mutation($i: CustomerMessageTemplateInput!) { saveCustomerMessageTemplate(input: $i) { id key scope customerGroup companyId language subject body variant } }';
const LIST = 'query($k: String) { customerMessageTemplates(key: $k) { id key scope customerGroup companyId language subject variant } }';
const DELETE = 'mutation($id: ID!) { deleteCustomerMessageTemplate(id: $id) }';

describe('payment message texts per customer group or company (issue 12, F5)', () => {
  let company: FreshCompany;
  const group = `T${Date.now().toString(36).toUpperCase()}`;
  const dunning = { key: 'payment.dunning', language: 'en', subject: 'Account {{documentNumber}}: {{daysOverdue}} days late (step {{level}})', body: 'Dear {{recipientName}},\n\nplease pay {{amount}} now.' };

  beforeAll(async () => {
    company = await freshCompany('Grouptext');
  });

  it("a company's customer group comes from the ERP, and staff save, read back, replace and remove a group's and a company's text", async () => {
    const staff = await as('admin@hub.example');
    const { company: seen } = await staff.request<{ company: { customerGroup: string | null } }>('query($id: ID!) { company(id: $id) { customerGroup } }', { id: company.id });
    // The demo ERP puts every company registered on the web in RETAIL.
    expect(seen.customerGroup).toBe('RETAIL');
    const { saveCustomerMessageTemplate: saved } = await staff.request<{ saveCustomerMessageTemplate: any }>(SAVE, { i: { ...dunning, customerGroup: group } });
    expect(saved).toMatchObject({ key: 'payment.dunning', scope: 'GROUP', customerGroup: group, companyId: null, language: 'en', variant: `group:${group}` });
    const { saveCustomerMessageTemplate: own } = await staff.request<{ saveCustomerMessageTemplate: any }>(SAVE, { i: { ...dunning, subject: 'Reminder {{level}} for {{documentNumber}}', companyId: company.id } });
    expect(own).toMatchObject({ scope: 'COMPANY', customerGroup: null, companyId: company.id, variant: `company:${company.id}` });
    // Saving the same group, event and language again replaces the text (same id).
    const { saveCustomerMessageTemplate: replaced } = await staff.request<{ saveCustomerMessageTemplate: any }>(SAVE, { i: { ...dunning, customerGroup: group, subject: 'Final notice {{documentNumber}}' } });
    expect(replaced).toMatchObject({ id: saved.id, subject: 'Final notice {{documentNumber}}' });
    const listed = (await staff.request<{ customerMessageTemplates: any[] }>(LIST, { k: 'payment.dunning' })).customerMessageTemplates;
    expect(listed).toEqual(expect.arrayContaining([expect.objectContaining({ id: saved.id, subject: 'Final notice {{documentNumber}}' }), expect.objectContaining({ id: own.id, companyId: company.id })]));
    expect(await staff.request(DELETE, { id: own.id })).toEqual({ deleteCustomerMessageTemplate: true });
    const after = (await staff.request<{ customerMessageTemplates: any[] }>(LIST, { k: 'payment.dunning' })).customerMessageTemplates.map((t) => t.id);
    expect(after).toContain(saved.id);
    expect(after).not.toContain(own.id);
  });

  it('bad input gets BAD_USER_INPUT on the field, an unknown one NOT_FOUND, a customer FORBIDDEN, and nothing changes', async () => {
    const staff = await as('admin@hub.example');
    const before = (await staff.request<{ customerMessageTemplates: any[] }>(LIST, {})).customerMessageTemplates;
    const refused = async (input: Record<string, unknown>) => {
      const f = await failure(staff.request(SAVE, { i: { ...dunning, customerGroup: group, ...input } }));
      return { codes: f.codes, fields: f.fields };
    };
    expect(await refused({ key: 'order.placed' })).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['key'] });
    expect(await refused({ companyId: company.id })).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['companyId'] });
    expect(await refused({ customerGroup: null })).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['customerGroup'] });
    expect(await refused({ customerGroup: 'NOT A GROUP!' })).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['customerGroup'] });
    expect(await refused({ customerGroup: null, companyId: 'not-a-company' })).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['companyId'] });
    expect(await refused({ language: 'xx' })).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['language'] });
    // A placeholder dunning never has, or a broken one: refused when saved, not when sent.
    expect(await refused({ body: 'Your order {{orderNumber}}' })).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['body'] });
    expect(await refused({ subject: 'Invoice {{documentNumber' })).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['subject'] });
    expect(await refused({ actionLabel: 'Pay' })).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['actionUrl'] });
    expect((await failure(staff.request(DELETE, { id: '00000000-0000-4000-8000-000000000000' }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure(company.admin.api.request(SAVE, { i: { ...dunning, customerGroup: group } }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(company.admin.api.request(LIST, {}))).codes).toEqual(['FORBIDDEN']);
    expect((await staff.request<{ customerMessageTemplates: any[] }>(LIST, {})).customerMessageTemplates).toEqual(before);
  });
});
