import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getArgumentValues,
  GraphQLField,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  GraphQLObjectType,
  GraphQLSchema,
  isListType,
  isNonNullType,
  Kind,
  OperationDefinitionNode,
  OperationTypeNode,
  parse,
  parseType,
  print,
  SelectionSetNode,
  specifiedRules,
  TypeNode,
  validate,
  ValidationRule,
  VariableDefinitionNode,
  visit,
} from 'graphql';
import { SubscriptionRoute, SubscriptionRoutes } from '@hub/events';

/** What a graphql-ws client sends in its `subscribe` message. */
export interface SubscriptionRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** A validated subscription, rewritten into the query the gateway resolves for each event. */
export interface PreparedSubscription {
  /** The client's document and operation, as graphql-ws needs them. */
  document: DocumentNode;
  operationName: string | undefined;
  fieldName: string;
  /** Where the field's value goes in `data`: the client's alias, else the field name. */
  responseKey: string;
  route: SubscriptionRoute;
  /** The key an event must carry (keyed routes); null: every event of the topic. */
  key: string | null;
  /** `query { <responseKey>: <queryField>(<queryArg>: $<keyVariable>) { ...the client's selection } }`. */
  query: string;
  queryDocument: DocumentNode;
  /** The client's variables that the query still uses; the event key is added per event. */
  variables: Record<string, unknown>;
  keyVariable: string;
}

/**
 * For routes without a key argument the initial access check resolves the query with this key,
 * which names nothing: NOT_FOUND means "you may subscribe, there is just nothing with that id",
 * while FORBIDDEN or UNAUTHENTICATED refuse the subscription up front.
 */
export const PROBE_KEY = '00000000-0000-0000-0000-000000000000';

function badUserInput(error: GraphQLError | string): GraphQLError {
  if (typeof error === 'string') return new GraphQLError(error, { extensions: { code: 'BAD_USER_INPUT' } });
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
  });
}

/** Problems with the routing table for this schema; the gateway refuses to start on any. */
export function checkSubscriptionRoutes(schema: GraphQLSchema, routes: SubscriptionRoutes): string[] {
  const problems: string[] = [];
  const subscriptionFields = schema.getSubscriptionType()?.getFields() ?? {};
  const queryFields = schema.getQueryType()?.getFields() ?? {};
  for (const name of Object.keys(subscriptionFields)) {
    if (!routes[name]) problems.push(`Subscription.${name} has no entry in the subscription routes.`);
  }
  for (const [name, route] of Object.entries(routes)) {
    const field = subscriptionFields[name];
    if (route.topics.length === 0) problems.push(`Subscription.${name} is fed by no event topic.`);
    if (!field) {
      problems.push(`The route ${name} names no field of type Subscription.`);
      continue;
    }
    for (const arg of field.args) {
      if (arg.name !== route.keyArg) problems.push(`Subscription.${name}(${arg.name}) is not the route's key argument, and the route would drop it.`);
    }
    if (route.keyArg !== null && !field.args.some((a) => a.name === route.keyArg)) problems.push(`Subscription.${name} has no argument ${route.keyArg}.`);
    const queryField = queryFields[route.queryField];
    if (!queryField) {
      problems.push(`The route ${name} names Query.${route.queryField}, which does not exist.`);
      continue;
    }
    if (!queryField.args.some((a) => a.name === route.queryArg)) problems.push(`Query.${route.queryField} has no argument ${route.queryArg}.`);
    for (const arg of queryField.args) {
      if (arg.name !== route.queryArg && isNonNullType(arg.type) && arg.defaultValue === undefined) {
        problems.push(`Query.${route.queryField} requires ${arg.name}, which the route cannot give.`);
      }
    }
    if (getNamedType(field.type) !== getNamedType(queryField.type) || String(getNullableType(field.type)) !== String(getNullableType(queryField.type))) {
      problems.push(`Subscription.${name} returns ${field.type} but Query.${route.queryField} returns ${queryField.type}.`);
    }
    if (route.batchQueryField !== undefined || route.batchQueryArg !== undefined) problems.push(...batchFieldProblems(name, route, queryFields));
  }
  return problems;
}

/** The batch field must take a list of keys of the single field's key type and answer a list of its type. */
function batchFieldProblems(name: string, route: SubscriptionRoute, queryFields: ReturnType<GraphQLObjectType['getFields']>): string[] {
  const single = queryFields[route.queryField];
  const batch = route.batchQueryField ? queryFields[route.batchQueryField] : undefined;
  if (!batch || !route.batchQueryArg) return [`The route ${name} names the batch field Query.${route.batchQueryField ?? '?'}(${route.batchQueryArg ?? '?'}), which does not exist.`];
  const problems: string[] = [];
  const arg = batch.args.find((a) => a.name === route.batchQueryArg);
  const keyArg = single?.args.find((a) => a.name === route.queryArg);
  const listArg = arg ? getNullableType(arg.type) : undefined;
  if (!arg || !isListType(listArg) || (keyArg && getNamedType(listArg) !== getNamedType(keyArg.type))) {
    problems.push(`Query.${route.batchQueryField}(${route.batchQueryArg}) must take a list of ${keyArg ? getNamedType(keyArg.type) : 'keys'}.`);
  }
  for (const other of batch.args) {
    if (other.name !== route.batchQueryArg && isNonNullType(other.type) && other.defaultValue === undefined) problems.push(`Query.${route.batchQueryField} requires ${other.name}, which the route cannot give.`);
  }
  const answer = getNullableType(batch.type);
  if (!isListType(answer) || isNonNullType(answer.ofType) || (single && getNamedType(answer) !== getNamedType(single.type))) {
    problems.push(`Query.${route.batchQueryField} must return a list of nullable ${single ? getNamedType(single.type) : 'items'} (null where one is not visible).`);
  }
  return problems;
}

/**
 * Parses and validates a subscription against the supergraph, finds its route and rewrites it into
 * the query resolved per event. Returns BAD_USER_INPUT errors for anything the client got wrong.
 */
/** What a subscription's text compiles to, whatever its variables: kept per query text (see SubscriptionCache). */
interface CompiledSubscription {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  field: FieldNode;
  fieldName: string;
  route: SubscriptionRoute;
  subscriptionField: GraphQLField<unknown, unknown>;
  rewritten: { document: DocumentNode; keyVariable: string };
  query: string;
}

/**
 * Compiled subscriptions by query text and operation name. Subscribers send the same few texts with
 * different variables (their order's id), so parsing, validating and rewriting happen once per text,
 * not once per subscriber: a reconnect storm of thousands costs little more than its token checks.
 */
export class SubscriptionCache {
  private readonly entries = new Map<string, CompiledSubscription | GraphQLError[]>();
  constructor(private readonly maxEntries = 1000) {}

  get(key: string): CompiledSubscription | GraphQLError[] | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: CompiledSubscription | GraphQLError[]): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
  }
}

function compileSubscription(
  schema: GraphQLSchema,
  routes: SubscriptionRoutes,
  text: string,
  operationName: string | undefined,
  extraRules: readonly ValidationRule[],
): CompiledSubscription | GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (error) {
    return [badUserInput(error as GraphQLError)];
  }
  const validationErrors = validate(schema, document, [...specifiedRules, ...extraRules]);
  if (validationErrors.length > 0) return validationErrors.map(badUserInput);

  const operation = getOperationAST(document, operationName);
  if (!operation) return [badUserInput(operationName ? `Unknown operation "${operationName}".` : 'Name the operation to run with operationName.')];
  if (operation.operation !== 'subscription') {
    return [badUserInput('Only subscriptions are served over WebSocket; send queries and mutations over HTTP.')];
  }
  const selections = operation.selectionSet.selections;
  if (selections.length !== 1 || selections[0].kind !== Kind.FIELD) {
    return [badUserInput('A subscription selects exactly one field, directly (not through a fragment).')];
  }
  const field = selections[0];
  const fieldName = field.name.value;
  const route = routes[fieldName];
  if (!route) return [badUserInput(`Subscription.${fieldName} is not served.`)];
  const subscriptionField = schema.getSubscriptionType()!.getFields()[fieldName];
  const queryArg = schema.getQueryType()?.getFields()[route.queryField]?.args.find((a) => a.name === route.queryArg);
  if (!queryArg) return [badUserInput(`Subscription.${fieldName} is not served.`)];
  const rewritten = rewriteSubscriptionAsQuery(document, operation, route, parseType(String(queryArg.type)));
  return { document, operation, field, fieldName, route, subscriptionField, rewritten, query: print(rewritten.document) };
}

export function prepareSubscription(
  schema: GraphQLSchema,
  routes: SubscriptionRoutes,
  request: SubscriptionRequest,
  extraRules: readonly ValidationRule[] = [],
  cache?: SubscriptionCache,
): PreparedSubscription | GraphQLError[] {
  if (typeof request.query !== 'string' || request.query.trim() === '') return [badUserInput('The subscription must have a query.')];
  if (request.variables != null && (typeof request.variables !== 'object' || Array.isArray(request.variables))) return [badUserInput('Variables must be an object.')];
  if (request.operationName != null && typeof request.operationName !== 'string') return [badUserInput('operationName must be a string.')];
  const rawVariables = (request.variables ?? {}) as Record<string, unknown>;
  const operationName = request.operationName ?? undefined;

  const cacheKey = `${operationName ?? ''}\u0000${request.query}`;
  let compiled = cache?.get(cacheKey);
  if (!compiled) {
    compiled = compileSubscription(schema, routes, request.query, operationName, extraRules);
    cache?.set(cacheKey, compiled);
  }
  if (Array.isArray(compiled)) return compiled;
  const { document, operation, field, fieldName, route, subscriptionField, rewritten } = compiled;

  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) return coerced.errors.map(badUserInput);
  let key: string | null = null;
  if (route.keyArg !== null) {
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(subscriptionField, field, coerced.coerced);
    } catch (error) {
      return [badUserInput(error as GraphQLError)];
    }
    const value = args[route.keyArg];
    if (typeof value !== 'string' || value === '') return [badUserInput(`${route.keyArg} must be given.`)];
    key = value;
  }

  const variables: Record<string, unknown> = {};
  for (const definition of rewritten.document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const name = variable.variable.name.value;
      if (name !== rewritten.keyVariable && name in rawVariables) variables[name] = rawVariables[name];
    }
  }
  return {
    document,
    operationName,
    fieldName,
    responseKey: field.alias?.value ?? fieldName,
    route,
    key,
    query: compiled.query,
    queryDocument: rewritten.document,
    variables,
    keyVariable: rewritten.keyVariable,
  };
}

/**
 * `subscription S($id: ID!, $n: Int) { alias: orderStatusChanged(orderId: $id) { ...F lines(first: $n) { sku } } } fragment F on Order { status }`
 * becomes
 * `query S($n: Int, $eventKey: ID!) { alias: order(id: $eventKey) { ...F lines(first: $n) { sku } } } fragment F on Order { status }`:
 * the client's alias, selection, fragments and the variables they use are kept; the key becomes a
 * variable, so every event (and every order) shares one query text and one cached query plan.
 */
export function rewriteSubscriptionAsQuery(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  route: SubscriptionRoute,
  keyType: TypeNode,
): { document: DocumentNode; keyVariable: string } {
  const field = operation.selectionSet.selections[0] as FieldNode;
  const taken = new Set((operation.variableDefinitions ?? []).map((v) => v.variable.name.value));
  let keyVariable = 'eventKey';
  for (let n = 2; taken.has(keyVariable); n++) keyVariable = `eventKey${n}`;

  const queryField: FieldNode = {
    ...field,
    alias: { kind: Kind.NAME, value: field.alias?.value ?? field.name.value },
    name: { kind: Kind.NAME, value: route.queryField },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: route.queryArg },
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: keyVariable } },
      },
    ],
  };
  const selectionSet: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: [queryField] };

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const usedFragments = new Set<string>();
  const usedVariables = new Set<string>();
  const walk = (node: SelectionSetNode | FragmentDefinitionNode | FieldNode) => {
    visit(node, {
      Variable: (variable) => void usedVariables.add(variable.name.value),
      FragmentSpread: (spread) => {
        const name = spread.name.value;
        if (usedFragments.has(name)) return;
        usedFragments.add(name);
        const fragment = fragments.get(name);
        if (fragment) walk(fragment);
      },
    });
  };
  walk(selectionSet);

  const keyDefinition: VariableDefinitionNode = {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: keyVariable } },
    type: keyType,
  };
  const query: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    name: operation.name,
    variableDefinitions: [...(operation.variableDefinitions ?? []).filter((v) => usedVariables.has(v.variable.name.value)), keyDefinition],
    directives: [],
    selectionSet,
  };
  return {
    document: {
      kind: Kind.DOCUMENT,
      definitions: [query, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION && usedFragments.has(d.name.value))],
    },
    keyVariable,
  };
}
