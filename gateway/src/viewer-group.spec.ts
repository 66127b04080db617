import { buildSchema, parse } from 'graphql';
import { Viewer } from '@hub/auth';
import { reachesTypes, viewerGroupKey } from './viewer-group';

const anna: Viewer = { userId: 'u1', kind: 'CUSTOMER', companyId: 'c1', supplierId: null, permissions: ['orders.view', 'invoices.view', 'catalog.view'] };

describe('the viewer group', () => {
  it('is the same for users with the same kind, company, supplier and permissions, in any order', () => {
    const colleague: Viewer = { ...anna, userId: 'u2', permissions: ['catalog.view', 'orders.view', 'invoices.view', 'orders.view'] };
    expect(viewerGroupKey(colleague, false)).toBe(viewerGroupKey(anna, false));
  });

  it('differs when any claim an access rule reads differs', () => {
    const key = viewerGroupKey(anna, false);
    expect(viewerGroupKey({ ...anna, companyId: 'c2' }, false)).not.toBe(key);
    expect(viewerGroupKey({ ...anna, permissions: ['orders.view', 'catalog.view'] }, false)).not.toBe(key);
    expect(viewerGroupKey({ ...anna, kind: 'STAFF' }, false)).not.toBe(key);
    expect(viewerGroupKey({ ...anna, supplierId: 's1' }, false)).not.toBe(key);
    expect(viewerGroupKey(null, false)).not.toBe(key);
  });

  it('includes the user when the selection reaches a user-scoped type', () => {
    expect(viewerGroupKey({ ...anna, userId: 'u2' }, true)).not.toBe(viewerGroupKey(anna, true));
    expect(viewerGroupKey(anna, true)).toBe(viewerGroupKey({ ...anna }, true));
  });
});

describe('finding user-scoped types in a selection', () => {
  const schema = buildSchema(`
    type Query { order(id: ID!): Order! }
    type Order { id: ID! status: String! placedBy: User party: Party }
    type User { id: ID! }
    type Company { id: ID! }
    union Party = User | Company
  `);

  it('sees them directly, through fragments and through abstract types', () => {
    expect(reachesTypes(schema, parse('{ order(id: "x") { status } }'))).toBe(false);
    expect(reachesTypes(schema, parse('{ order(id: "x") { placedBy { id } } }'))).toBe(true);
    expect(reachesTypes(schema, parse('{ order(id: "x") { ...F } } fragment F on Order { placedBy { id } }'))).toBe(true);
    expect(reachesTypes(schema, parse('{ order(id: "x") { party { ... on Company { id } } } }'))).toBe(true);
  });
});
