import { COMPANY_FIELD_OWNERSHIP, hubOwnedCompanyColumns, parseCompanyFieldOwnership, requireHubOwned } from './company-field-ownership';

describe('company field ownership configuration (HUB_FIELD_OWNERSHIP)', () => {
  it('is the default split when unset', () => {
    expect(parseCompanyFieldOwnership(undefined)).toEqual(COMPANY_FIELD_OWNERSHIP);
    expect(hubOwnedCompanyColumns(parseCompanyFieldOwnership(''))).toEqual([]);
  });

  it('moves configurable fields to the other side', () => {
    const ownership = parseCompanyFieldOwnership('company.name=HUB, company.deliveryAddresses=HUB,company.documentPreference=ERP');
    expect(ownership).toMatchObject({ name: 'HUB', deliveryAddresses: 'HUB', documentPreference: 'ERP', creditLimit: 'ERP', users: 'HUB' });
    expect(hubOwnedCompanyColumns(ownership)).toEqual(['name', 'delivery_addresses']);
  });

  it('refuses malformed entries and fields that cannot move, naming them', () => {
    expect(() => parseCompanyFieldOwnership('name=HUB')).toThrow('HUB_FIELD_OWNERSHIP: "name=HUB" is not of the form company.<field>=ERP|HUB.');
    expect(() => parseCompanyFieldOwnership('company.name=hub')).toThrow('is not of the form');
    expect(() => parseCompanyFieldOwnership('company.creditLimit=HUB')).toThrow('HUB_FIELD_OWNERSHIP: company.creditLimit cannot be configured; configurable fields: name, customerGroup, invoiceAddress, deliveryAddresses, documentPreference.');
  });

  it('a mutation of an ERP-owned field gets FORBIDDEN with reason ERP_OWNED_FIELD; a hub-owned one passes', () => {
    expect(() => requireHubOwned('documentPreference', COMPANY_FIELD_OWNERSHIP)).not.toThrow();
    let error: any;
    try {
      requireHubOwned('documentPreference', parseCompanyFieldOwnership('company.documentPreference=ERP'));
    } catch (e) {
      error = e;
    }
    expect(error?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ERP_OWNED_FIELD', field: 'company.documentPreference' });
  });
});
