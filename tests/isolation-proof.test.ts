import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildASTSchema, getNamedType, GraphQLArgument, GraphQLEnumType, GraphQLField, GraphQLInputObjectType, GraphQLInputType, GraphQLList,
  GraphQLNonNull, GraphQLObjectType, GraphQLSchema, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType, parse,
} from 'graphql';
import { ClientError, GraphQLClient } from 'graphql-request';
import { Client } from 'pg';
import { directSubgraphClient } from './support/direct-subgraph';
import { as, client, demo, demoUser, subgraphUrls, tokenFor } from './support/hub-client';

/**
 * Proof of isolation (G4). Company A's users of every role (and a supplier user) try company B's
 * ids on EVERY query and mutation of the supergraph that takes an id (as an argument or inside an
 * input object), through the gateway; and a valid token of company A asks every subgraph's
 * `_entities` for B's ids of every entity type. The operation list is read from
 * supergraph the test hub serves, so operations added later are covered without touching this file.
 * Asserted: nothing of B's comes back, the errors are the expected ones, and B's data is unchanged.
 */

// The test hub's own supergraph: the checked-in one plus the test extension module's operations.
const SDL = readFileSync(process.env.HUB_TEST_SUPERGRAPH ?? join(__dirname, '../schema/supergraph.graphql'), 'utf8');
const supergraph: GraphQLSchema = buildASTSchema(parse(SDL), { assumeValidSDL: true });

const A = demo.companies[0];
const B = demo.companies[1];

/**
 * The allow-list: operations where another company's id legitimately means something. These are
 * staff-only: for a customer or supplier user they must answer FORBIDDEN (checked below), never
 * data. Every other operation must answer NOT_FOUND / FORBIDDEN / BAD_USER_INPUT or data without
 * anything of company B.
 */
const STAFF_ONLY = new Set([
  'auditLog', // staff.users: the account audit trail of any user
  'registration', 'approveRegistration', 'rejectRegistration', // staff.users: registrations bind to any customer
  'impersonate', // staff.users: "sign in as" any customer user
  'syncRun', 'resendOutboxMessage', // staff.sync
]);

const ALLOWED_CODES = new Set(['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT']);

interface Operation {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

/** Does the argument (or any field of an input object it takes, one level down) carry an ID? */
function carriesId(type: GraphQLInputType, depth = 0): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  if (depth < 2 && isInputObjectType(named)) return Object.values(named.getFields()).some((f) => carriesId(f.type, depth + 1));
  return false;
}

function operationsWithIds(): Operation[] {
  const ops: Operation[] = [];
  for (const [kind, type] of [['query', supergraph.getQueryType()], ['mutation', supergraph.getMutationType()]] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (field.astNode?.directives?.some((d) => d.name.value === 'inaccessible')) continue;
      if (field.args.some((arg) => carriesId(arg.type))) ops.push({ kind, field });
    }
  }
  return ops;
}

/**
 * A value of the type: the candidate id for every ID, and plain valid values for the rest (so that
 * the request gets past input validation to the tenant check wherever it can).
 */
function valueFor(type: GraphQLInputType, id: string, depth = 0, name = ''): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType as GraphQLInputType, id, depth, name);
  if (isListType(type)) return [valueFor(type.ofType as GraphQLInputType, id, depth, name)];
  if (isEnumType(type)) return (type as GraphQLEnumType).getValues()[0].value;
  if (isInputObjectType(type)) {
    const result: Record<string, unknown> = {};
    for (const f of Object.values((type as GraphQLInputObjectType).getFields())) {
      const required = isNonNullType(f.type) && f.defaultValue === undefined;
      if (required || carriesId(f.type)) result[f.name] = depth > 3 ? null : valueFor(f.type, id, depth + 1, f.name);
    }
    return result;
  }
  switch (getNamedType(type).name) {
    case 'ID': return id;
    case 'Int': return 1;
    case 'Float': return 1;
    case 'Boolean': return false;
    case 'Decimal': return '1';
    case 'DateTimeISO': return new Date(Date.now() + 86_400_000).toISOString();
    default:
      if (/email/i.test(name)) return `isolation-${Math.random().toString(36).slice(2, 10)}@example.com`;
      if (/password/i.test(name)) return 'isolation-password-1';
      if (/country/i.test(name)) return 'PL';
      if (/currency/i.test(name)) return 'EUR';
      return 'isolation-check';
  }
}

/** `__typename` and the scalar fields that take no arguments: enough to see what came back. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (!isObjectType(named)) return isScalarType(named) || isEnumType(named) ? '' : '{ __typename }';
  const scalars = Object.values((named as GraphQLObjectType).getFields())
    .filter((f) => f.args.length === 0 && (isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type))))
    .map((f) => f.name);
  return `{ __typename ${scalars.join(' ')} }`;
}

function typeString(type: GraphQLInputType): string {
  if (isNonNullType(type)) return `${typeString((type as GraphQLNonNull<GraphQLInputType>).ofType)}!`;
  if (isListType(type)) return `[${typeString((type as GraphQLList<GraphQLInputType>).ofType)}]`;
  return (type as { name: string }).name;
}

function request(op: Operation, id: string): { query: string; variables: Record<string, unknown> } {
  const args = op.field.args.filter((a: GraphQLArgument) => (isNonNullType(a.type) && a.defaultValue === undefined) || carriesId(a.type));
  const variables = Object.fromEntries(args.map((a) => [a.name, valueFor(a.type, id, 0, a.name)]));
  const declared = args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const query = `${op.kind} Probe${declared ? `(${declared})` : ''} { ${op.field.name}${passed ? `(${passed})` : ''} ${selection(op.field)} }`;
  return { query, variables };
}

/** The fields of `typeName` that subgraph `graph` resolves (per @join__field), each with a small selection. */
function ownFields(typeName: string, graph: string, depth = 0): string {
  const type = supergraph.getType(typeName) as GraphQLObjectType;
  const resolvedHere = (f: GraphQLField<unknown, unknown>) => {
    const joins = (f.astNode?.directives ?? []).filter((d) => d.name.value === 'join__field');
    if (joins.length === 0) return true;
    return joins.some((d) => String((d.arguments?.find((a) => a.name.value === 'graph')?.value as any)?.value).toLowerCase() === graph
      && !(d.arguments ?? []).some((a) => a.name.value === 'external' && (a.value as any).value === true));
  };
  return Object.values(type.getFields())
    .filter((f) => resolvedHere(f) && !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined))
    .map((f) => {
      const named = getNamedType(f.type);
      if (!isObjectType(named)) return f.name;
      return depth > 0 ? '' : `${f.name} { __typename ${ownFields(named.name, graph, depth + 1)} }`;
    })
    .filter(Boolean)
    .join(' ');
}

interface Outcome { data: unknown; codes: string[]; messages: string[] }

async function run(api: GraphQLClient, query: string, variables: Record<string, unknown>): Promise<Outcome> {
  try {
    return { data: await api.request(query, variables), codes: [], messages: [] };
  } catch (error) {
    if (!(error instanceof ClientError)) throw error;
    const errors = error.response.errors ?? [];
    return { data: error.response.data ?? null, codes: errors.map((e) => String((e.extensions as any)?.code)), messages: errors.map((e) => e.message) };
  }
}

describe('proof of isolation: company A never reaches company B (G4)', () => {
  const bUsers = demo.users.filter((u) => u.companyId === B.id);
  const bOrder = demo.orders.find((o) => o.companyId === B.id)!;
  const bInvoice = demo.invoices.find((i) => i.companyId === B.id)!;
  const bIds: Record<string, string> = { company: B.id, user: bUsers[0].id, order: bOrder.id, invoice: bInvoice.id };
  /** Whatever identifies B's data in an answer (its ids, names, numbers, e-mails). */
  const secrets: string[] = [B.name, B.erpNumber, bOrder.number, bInvoice.number, ...bUsers.flatMap((u) => [u.id, u.email]), B.id, bOrder.id, bInvoice.id];
  let db: Client;

  /** Company B's own state, read straight from the database: what no request of A may change. */
  async function snapshotB(): Promise<string> {
    const parts: unknown[] = [];
    for (const [sql, params] of [
      ['select id, email, name, active, permissions, token_version, password_hash from customers.user_account where company_id = $1 order by id', [B.id]],
      ['select document_preference, active from customers.company where id = $1', [B.id]],
      ['select id, name, address from customers.company_branch where company_id = $1 order by id', [B.id]],
      ['select user_id, channel, granted from customers.consent_event where user_id = any($1) order by id', [bUsers.map((u) => u.id)]],
      ['select count(*)::int as n from orders.customer_order where company_id = $1', [B.id]],
    ] as Array<[string, unknown[]]>) {
      parts.push((await db.query(sql, params)).rows);
    }
    return JSON.stringify(parts);
  }

  beforeAll(async () => {
    db = new Client({ connectionString: process.env.HUB_TEST_DATABASE_URL });
    await db.connect();
    // B gets a branch of its own, so branch ids are among the ids tried.
    const bAdmin = await as(demoUser(1, 'customer admin').email);
    const { addBranch } = await bAdmin.request<{ addBranch: { id: string } }>(
      'mutation($i: BranchInput!) { addBranch(input: $i) { id } }',
      { i: { name: 'Kowalski Branch Gdansk', address: { street: 'Dluga 1', postalCode: '80-001', city: 'Gdansk', country: 'PL' } } },
    );
    bIds.branch = addBranch.id;
    secrets.push(addBranch.id, 'Kowalski Branch Gdansk');
  });

  afterAll(async () => {
    await db?.end();
  });

  const leaks = (value: unknown, except: string[] = []): string[] => {
    const text = JSON.stringify(value ?? null);
    return secrets.filter((s) => !except.includes(s) && text.includes(s));
  };

  it('covers the operations of the supergraph that take ids', () => {
    const names = operationsWithIds().map((o) => o.field.name);
    // A sanity check that the SDL was read; the list itself grows with the schema.
    expect(names).toEqual(expect.arrayContaining(['company', 'order', 'invoice', 'deactivateUser', 'setUserPermissions', 'removeBranch', 'impersonate']));
  });

  const roles = [
    ['customer admin', () => demoUser(0, 'customer admin').email],
    ['buyer', () => demoUser(0, 'buyer').email],
    ['read-only', () => demoUser(0, 'read-only').email],
    ['supplier user', () => 'klaus@fastenix.example'],
  ] as const;

  /** Tries B's ids on every operation; returns the problems and the operations whose answer held B's data. */
  async function probe(api: GraphQLClient): Promise<{ problems: string[]; leakedOps: Set<string> }> {
    const problems: string[] = [];
    const leakedOps = new Set<string>();
    for (const op of operationsWithIds()) {
      for (const [kind, id] of Object.entries(bIds)) {
        const { query, variables } = request(op, id);
        const outcome = await run(api, query, variables);
        const where = `${op.field.name} with B's ${kind} id`;
        // The id we sent may be echoed in an error ("Order <id> was not found"); nothing else of B's may appear.
        const leaked = [...leaks(outcome.data), ...leaks(outcome.messages, [id])];
        if (leaked.length) {
          leakedOps.add(op.field.name);
          problems.push(`${where}: leaked ${leaked.join(', ')}`);
        }
        if (STAFF_ONLY.has(op.field.name)) {
          if (!outcome.codes.length || outcome.codes.some((c) => c !== 'FORBIDDEN')) problems.push(`${where}: staff-only, expected FORBIDDEN, got ${outcome.codes.join(',') || 'data'}`);
        } else if (outcome.codes.some((c) => !ALLOWED_CODES.has(c))) {
          problems.push(`${where}: unexpected ${outcome.codes.join(',')} (${outcome.messages.join('; ')})`);
        }
      }
    }
    return { problems, leakedOps };
  }

  it.each(roles)("a %s of company A gets nothing of B's through the gateway, and changes nothing", async (_role, email) => {
    const before = await snapshotB();
    const { problems } = await probe(await as(email()));
    expect(problems).toEqual([]);
    expect(await snapshotB()).toBe(before);
  });

  it('the probe does find B\'s data where it is allowed: staff, who may see every company, get it back', async () => {
    // The control that keeps the proof honest: the same requests, from someone entitled to B's data, do return it.
    const { leakedOps } = await probe(await as('orders@hub.example'));
    expect([...leakedOps]).toEqual(expect.arrayContaining(['company', 'order', 'invoice']));
  });

  it("_entities straight at each subgraph with a valid token of company A returns nothing of B's", async () => {
    const token = await tokenFor(demoUser(0, 'customer admin').email);
    // Entity types per subgraph, from the supergraph's @join__type(graph: X, key: ...) (resolvable ones only).
    const entities = new Map<string, string[]>();
    for (const type of Object.values(supergraph.getTypeMap())) {
      if (!isObjectType(type)) continue;
      for (const d of type.astNode?.directives ?? []) {
        if (d.name.value !== 'join__type') continue;
        const arg = (name: string) => d.arguments?.find((a) => a.name.value === name)?.value as any;
        if (!arg('key') || arg('resolvable')?.value === false) continue;
        const graph = String(arg('graph').value).toLowerCase();
        entities.set(graph, [...(entities.get(graph) ?? []), type.name]);
      }
    }
    expect([...entities.keys()].sort()).toEqual(expect.arrayContaining(['customers', 'finance', 'orders']));
    const problems: string[] = [];
    for (const [graph, types] of entities) {
      const url = subgraphUrls()[graph];
      if (!url) {
        problems.push(`no URL for subgraph ${graph}`);
        continue;
      }
      const direct = directSubgraphClient(graph, token);
      for (const type of types) {
        // Every field this subgraph resolves for the type (its own share of it), so that a subgraph that
        // only extends a type and answers any key with a stub (finance's Order.invoices, suppliers'
        // Product.suppliers) is checked on what it adds: those fields must hold nothing of B's.
        const fields = ownFields(type, graph);
        for (const [kind, id] of Object.entries(bIds)) {
          const outcome = await run(direct, `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { ${fields} } } }`, { r: [{ __typename: type, id }] });
          const entity = (outcome.data as any)?._entities?.[0] ?? null;
          const leaked = [...leaks(entity, [id]), ...leaks(outcome.messages, [id])];
          if (leaked.length) problems.push(`${graph} ${type} with B's ${kind} id: leaked ${leaked.join(', ')} in ${JSON.stringify(entity)}`);
          if (outcome.codes.some((c) => !ALLOWED_CODES.has(c))) problems.push(`${graph} ${type}: unexpected ${outcome.codes.join(',')} (${outcome.messages.join('; ')})`);
          // Where the subgraph owns the type's data (it is not a stub), another company's key must give null.
          if (entity && Object.keys(entity).some((k) => k !== 'id' && entity[k] !== null && !(Array.isArray(entity[k]) && entity[k].length === 0))) {
            problems.push(`${graph} ${type} with B's ${kind} id: returned ${JSON.stringify(entity)}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    // The positive control: the same path returns company A's own company.
    const own = directSubgraphClient('customers', token);
    const mine = await own.request<{ _entities: unknown[] }>('query($r: [_Any!]!) { _entities(representations: $r) { ... on Company { id } } }', { r: [{ __typename: 'Company', id: A.id }] });
    expect(mine._entities).toEqual([{ id: A.id }]);
  });

  it('anonymous callers get nothing of B either', async () => {
    const api = client();
    const problems: string[] = [];
    for (const op of operationsWithIds()) {
      const { query, variables } = request(op, B.id);
      const outcome = await run(api, query, variables);
      const leaked = [...leaks(outcome.data), ...leaks(outcome.messages, [B.id])];
      if (leaked.length) problems.push(`${op.field.name}: leaked ${leaked.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});
