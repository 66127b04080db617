import { FieldNode, FormattedExecutionResult, GraphQLFormattedError, Kind, OperationDefinitionNode, print, VariableDefinitionNode } from 'graphql';
import { PreparedSubscription } from './subscription-router';

export interface BatchedQuery {
  /**
   * With a batch field: `query($keys: [ID!]!) { b: ordersByIds(ids: $keys) { ... } }`; else
   * `query($k0: ID!, $k1: ID!, ...) { b0: order(id: $k0) { ... } b1: order(id: $k1) { ... } }`; with the client's fragments.
   */
  query: string;
  /** Batch field: the one list variable; aliases: one variable per key. */
  keyVariables: string[];
  /** Batch field: the one alias of the list; aliases: one per key. */
  aliases: string[];
  list: boolean;
}

/** Variables for a batch of `keys`. */
export function batchVariables(batch: BatchedQuery, base: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const variables: Record<string, unknown> = { ...base };
  if (batch.list) variables[batch.keyVariables[0]] = keys;
  else keys.forEach((key, i) => (variables[batch.keyVariables[i]] = key));
  return variables;
}

/** Each key's share of a batch's result, in the order of the keys. */
export function splitBatch(batch: BatchedQuery, result: FormattedExecutionResult, responseKey: string, n: number): FormattedExecutionResult[] {
  if (!batch.list) return Array.from({ length: n }, (_, i) => splitBatchedResult(result, responseKey, batch.aliases[i]));
  const alias = batch.aliases[0];
  const items = ((result.data as Record<string, unknown> | null | undefined)?.[alias] ?? null) as unknown[] | null;
  const errorsAt = Array.from({ length: n }, () => [] as GraphQLFormattedError[]);
  const everyone: GraphQLFormattedError[] = [];
  for (const error of result.errors ?? []) {
    const [head, index] = error.path ?? [];
    if (head === alias && typeof index === 'number' && index < n) errorsAt[index].push({ ...error, path: [responseKey, ...error.path!.slice(2)] });
    else everyone.push(error);
  }
  return errorsAt.map((own, i) => {
    const errors = [...own, ...everyone];
    const data = { [responseKey]: items?.[i] ?? null };
    return errors.length > 0 ? { data, errors } : { data };
  });
}

const cache = new Map<string, BatchedQuery>();
const MAX_CACHED = 2000;

/**
 * The subscription's query for `n` event keys at once: the one field it resolves, repeated under the
 * aliases b0..b(n-1), each with its key as a variable of its own. The text depends only on the
 * selection and n, so the gateway plans each batch size once. Resolving n orders in one execution
 * costs one fetch per subgraph (the subgraphs batch their loads), where n executions cost n.
 */
export function batchedQuery(prepared: PreparedSubscription, n: number): BatchedQuery {
  const list = prepared.route.batchQueryField !== undefined && prepared.route.batchQueryArg !== undefined;
  // A list query's text does not depend on how many keys it carries: one plan for every batch size.
  const cacheKey = `${list ? 'list' : n}\u0000${prepared.query}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const operation = prepared.queryDocument.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const field = operation.selectionSet.selections[0] as FieldNode;
  const keyDefinition = operation.variableDefinitions!.find((v) => v.variable.name.value === prepared.keyVariable)!;
  const taken = new Set(operation.variableDefinitions!.map((v) => v.variable.name.value));
  if (list) {
    let name = `${prepared.keyVariable}s`;
    for (let v = 2; taken.has(name); v++) name = `${prepared.keyVariable}s${v}`;
    const listDefinition = {
      ...keyDefinition,
      variable: { ...keyDefinition.variable, name: { kind: Kind.NAME, value: name } },
      type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.LIST_TYPE, type: keyDefinition.type } },
    } as VariableDefinitionNode;
    const selection: FieldNode = {
      ...field,
      name: { kind: Kind.NAME, value: prepared.route.batchQueryField! },
      alias: { kind: Kind.NAME, value: 'b' },
      arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: prepared.route.batchQueryArg! }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } } }],
    };
    const document = {
      ...prepared.queryDocument,
      definitions: prepared.queryDocument.definitions.map((d) =>
        d === operation
          ? { ...operation, variableDefinitions: [...operation.variableDefinitions!.filter((v) => v !== keyDefinition), listDefinition], selectionSet: { ...operation.selectionSet, selections: [selection] } }
          : d,
      ),
    };
    const built: BatchedQuery = { query: print(document), keyVariables: [name], aliases: ['b'], list: true };
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(cacheKey, built);
    return built;
  }
  const keyVariables: string[] = [];
  const aliases: string[] = [];
  for (let i = 0, v = 0; keyVariables.length < n; v++) {
    const name = `${prepared.keyVariable}_${v}`;
    if (taken.has(name)) continue;
    keyVariables.push(name);
    aliases.push(`b${i++}`);
  }
  const definitions: VariableDefinitionNode[] = [
    ...operation.variableDefinitions!.filter((v) => v !== keyDefinition),
    ...keyVariables.map((name) => ({ ...keyDefinition, variable: { ...keyDefinition.variable, name: { kind: Kind.NAME, value: name } } }) as VariableDefinitionNode),
  ];
  const selections: FieldNode[] = aliases.map((alias, i) => ({
    ...field,
    alias: { kind: Kind.NAME, value: alias },
    arguments: field.arguments!.map((arg) => ({ ...arg, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: keyVariables[i] } } })),
  }));
  const document = {
    ...prepared.queryDocument,
    definitions: prepared.queryDocument.definitions.map((d) => (d === operation ? { ...operation, variableDefinitions: definitions, selectionSet: { ...operation.selectionSet, selections } } : d)),
  };
  const built: BatchedQuery = { query: print(document), keyVariables, aliases, list: false };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(cacheKey, built);
  return built;
}

/**
 * One key's share of a (batched) result, as the single query for that key would have answered:
 * `data` holds just the subscribed field under the client's response key, and `errors` those under
 * the key's alias (their paths rewritten to the response key) plus any that concern the whole operation.
 * With `alias` null the result is the single query's own.
 */
export function splitBatchedResult(result: FormattedExecutionResult, responseKey: string, alias: string | null): FormattedExecutionResult {
  const data = (result.data ?? null) as Record<string, unknown> | null;
  const value = data ? (data[alias ?? responseKey] ?? null) : null;
  const errors: GraphQLFormattedError[] = [];
  for (const error of result.errors ?? []) {
    const head = error.path?.[0];
    if (alias === null || head === undefined) errors.push(error);
    else if (head === alias) errors.push({ ...error, path: [responseKey, ...error.path!.slice(1)] });
    else if (!/^b\d+$/.test(String(head))) errors.push(error);
  }
  return errors.length > 0 ? { data: { [responseKey]: value }, errors } : { data: { [responseKey]: value } };
}
