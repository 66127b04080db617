import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { ApolloServerPlugin } from '@apollo/server';
import { positiveIntegerSetting } from '@hub/settings';
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  Lexer,
  OperationDefinitionNode,
  SelectionSetNode,
  Source,
  TokenKind,
  ValidationContext,
  ValidationRule,
  validate,
  ValueNode,
} from 'graphql';

/**
 * What one operation may ask of the hub, checked at the gateway before any subgraph is called.
 * Each refusal is a GraphQL error with a code of its own, so a client (or an operator reading
 * logs) knows which limit it met. Aliases, directives and depth are graphql-armor's rules; tokens
 * are counted with graphql-js's lexer; the cost estimate is ours, because armor's multiplies nothing
 * by list sizes.
 */
export interface OperationLimits {
  /** Aliased fields per operation (through fragments): 500 aliases of one expensive field is the cheapest attack. */
  maxAliases: number;
  /** Lexical tokens per document, counted while parsing (so a huge document is not parsed whole). */
  maxTokens: number;
  /** Directives per operation. */
  maxDirectives: number;
  /** Field nesting depth. */
  maxDepth: number;
  /** The cost estimate (see operationCost) above which an operation is refused. */
  maxCost: number;
  /** Size assumed for a list field without `first`, `last`, `limit` or a list argument. */
  assumedListSize: number;
  /** Cost of one resolution of `Type.field` where it is more than the default (1 for objects and lists, 0 for scalars). */
  fieldCosts: Record<string, number>;
}

export const LIMIT_CODES = {
  aliases: 'ALIAS_LIMIT_EXCEEDED',
  tokens: 'TOKEN_LIMIT_EXCEEDED',
  directives: 'DIRECTIVE_LIMIT_EXCEEDED',
  depth: 'DEPTH_LIMIT_EXCEEDED',
  cost: 'COST_LIMIT_EXCEEDED',
} as const;

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxAliases: 30,
  maxTokens: 5000,
  maxDirectives: 50,
  maxDepth: 15,
  maxCost: 20_000,
  assumedListSize: 10,
  // Prices and stock are computed per product from several tables (customer, group, list, promotion, currency; warehouses).
  fieldCosts: {
    'Product.price': 3,
    'Product.priceDetail': 3,
    'Product.stock': 3,
    'Product.related': 2,
    'Product.substitutes': 2,
  },
};

const ENV_NAMES: Record<keyof Omit<OperationLimits, 'fieldCosts'>, string> = {
  maxAliases: 'HUB_LIMIT_ALIASES',
  maxTokens: 'HUB_LIMIT_TOKENS',
  maxDirectives: 'HUB_LIMIT_DIRECTIVES',
  maxDepth: 'HUB_LIMIT_DEPTH',
  maxCost: 'HUB_LIMIT_COST',
  assumedListSize: 'HUB_LIMIT_ASSUMED_LIST_SIZE',
};

/** The defaults, each overridable by a positive integer in its environment variable (HUB_LIMIT_*). */
export function operationLimitsFromEnv(env: NodeJS.ProcessEnv = process.env, base: OperationLimits = DEFAULT_OPERATION_LIMITS): OperationLimits {
  const limits: OperationLimits = { ...base, fieldCosts: { ...base.fieldCosts } };
  for (const [key, name] of Object.entries(ENV_NAMES) as Array<[keyof typeof ENV_NAMES, string]>) {
    limits[key] = positiveIntegerSetting(env, name) ?? limits[key];
  }
  return limits;
}

function limitError(message: string, code: string, limit: number, found: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit, found } });
}

/** Armor's visitors throw a code-less "Syntax Error"; this reports the hub's own error instead, and lets validation go on. */
function armorRule(make: (onReject: (ctx: ValidationContext | null, error: GraphQLError) => void) => ValidationRule, code: string, limit: number, describe: (found: number) => string): ValidationRule {
  return (context) =>
    make((_ctx, error) => {
      const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN);
      context.reportError(limitError(describe(found), code, limit, found));
    })(context);
}

/** The validation rules for aliases, directives and depth (HTTP and WebSocket operations alike). */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  return [
    armorRule((onReject) => maxAliasesRule({ n: limits.maxAliases, onReject: [onReject], propagateOnRejection: false }) as unknown as ValidationRule, LIMIT_CODES.aliases, limits.maxAliases, (found) => `The operation has ${found} aliases; the limit is ${limits.maxAliases}.`),
    armorRule((onReject) => maxDirectivesRule({ n: limits.maxDirectives, onReject: [onReject], propagateOnRejection: false }) as unknown as ValidationRule, LIMIT_CODES.directives, limits.maxDirectives, (found) => `The operation has ${found} directives; the limit is ${limits.maxDirectives}.`),
    armorRule((onReject) => maxDepthRule({ n: limits.maxDepth, onReject: [onReject], propagateOnRejection: false, flattenFragments: true }) as unknown as ValidationRule, LIMIT_CODES.depth, limits.maxDepth, (found) => `The operation is nested ${found} levels deep; the limit is ${limits.maxDepth}.`),
  ];
}

/**
 * Counts the document's tokens with graphql-js's own lexer, stopping at the limit: null when within
 * it, else the refusal. Lexing only (no AST) costs about 0.2 ms for 5,000 tokens, where armor's
 * counting parser built the tree too (6 to 12 ms, measured on the probe's 500-alias document), which
 * let a refused attack still cost the gateway most of a core. A document that is not valid GraphQL
 * passes here and is refused by the parser after.
 */
export function tokenLimitProblem(query: string, limits: OperationLimits): GraphQLError | null {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++count > limits.maxTokens) {
        return limitError(`The document has more than ${limits.maxTokens} tokens; the limit is ${limits.maxTokens}.`, LIMIT_CODES.tokens, limits.maxTokens, limits.maxTokens + 1);
      }
    }
  } catch {
    // A syntax error: the parser proper reports it.
  }
  return null;
}

const SIZE_ARGUMENTS = ['first', 'last', 'limit'];

/**
 * The cost estimate of one operation: every object or list field costs 1 (or its `fieldCosts`
 * entry) for each time it is resolved, scalars 0, and a list multiplies everything below it by its
 * size: `first`/`last`/`limit` (the value given, from a variable, or the argument's default), else
 * the length of its longest list argument (`ids`), else `assumedListSize`. A Relay connection's
 * `edges`/`nodes` take the size of the connection field above them. Fragments are counted where
 * they are spread; on an abstract type the most expensive possible type counts.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined, limits: OperationLimits): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName)) operation ??= definition;
  }
  if (!operation) return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const vars = variables ?? {};

  const numberOf = (node: ValueNode): number | null => {
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      const value = vars[node.name.value];
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    }
    return null;
  };
  const lengthOf = (node: ValueNode): number | null => {
    if (node.kind === Kind.LIST) return node.values.length;
    if (node.kind === Kind.VARIABLE) {
      const value = vars[node.name.value];
      return Array.isArray(value) ? value.length : null;
    }
    return null;
  };

  const listSize = (definition: GraphQLField<unknown, unknown>, node: FieldNode): number => {
    for (const name of SIZE_ARGUMENTS) {
      const argument = definition.args.find((a) => a.name === name);
      if (!argument) continue;
      const given = node.arguments?.find((a) => a.name.value === name);
      const value = given ? numberOf(given.value) : typeof argument.defaultValue === 'number' ? argument.defaultValue : null;
      if (value !== null) return Math.max(0, value);
    }
    let longest: number | null = null;
    for (const given of node.arguments ?? []) {
      const length = lengthOf(given.value);
      if (length !== null) longest = Math.max(longest ?? 0, length);
    }
    return longest ?? limits.assumedListSize;
  };

  const hasSizeArgument = (definition: GraphQLField<unknown, unknown>) => definition.args.some((a) => SIZE_ARGUMENTS.includes(a.name));

  const costOf = (selectionSet: SelectionSetNode | undefined, type: GraphQLNamedType, multiplier: number, seen: ReadonlySet<string>, underConnection: boolean): number => {
    if (!selectionSet) return 0;
    let total = 0;
    // Per possible type, so that `... on A` and `... on B` under an interface are not both counted.
    const byType = new Map<string, number>();
    const add = (typeName: string | null, cost: number) => {
      if (typeName === null) total += cost;
      else byType.set(typeName, (byType.get(typeName) ?? 0) + cost);
    };
    const fieldsOf = (named: GraphQLNamedType) => (isObjectType(named) || isInterfaceType(named) ? named.getFields() : null);
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const fields = fieldsOf(type);
        const definition = fields?.[selection.name.value];
        if (!definition) continue; // __typename, or unknown (validation reports it)
        const returnType = getNullableType(definition.type);
        const named = getNamedType(definition.type);
        const isList = isListType(returnType);
        const relayList = underConnection && isList && (selection.name.value === 'edges' || selection.name.value === 'nodes');
        const base = limits.fieldCosts[`${type.name}.${selection.name.value}`] ?? (isCompositeType(named) || isList ? 1 : 0);
        let childMultiplier = multiplier;
        let connection = false;
        if (hasSizeArgument(definition)) {
          childMultiplier = multiplier * listSize(definition, selection);
          connection = !isList; // a connection object: its edges/nodes are the sized list
        } else if (isList && !relayList) {
          childMultiplier = multiplier * listSize(definition, selection);
        }
        add(null, multiplier * base + costOf(selection.selectionSet, named, childMultiplier, seen, connection));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const target = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) ?? type : type;
        add(target === type ? null : target.name, costOf(selection.selectionSet, target, multiplier, seen, underConnection));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        const target = schema.getType(fragment.typeCondition.name.value) ?? type;
        add(target === type ? null : target.name, costOf(fragment.selectionSet, target, multiplier, new Set([...seen, name]), underConnection));
      }
    }
    let worst = 0;
    for (const cost of byType.values()) worst = Math.max(worst, cost);
    return total + worst;
  };

  return costOf(operation.selectionSet, root, 1, new Set(), false);
}

/** Sets of variables whose cost is kept per document. */
const MAX_KEPT_COSTS = 64;

/**
 * The limits of one HTTP operation as an Apollo Server plugin, run once the operation is parsed and
 * validated and before anything executes. Not as `validationRules`: Apollo replaces every validation
 * error's code with GRAPHQL_VALIDATION_FAILED, and the cost needs the variables, which validation
 * never sees. The rules' verdict is kept per parsed document (Apollo reuses the object for the same text).
 */
export function operationLimitsPlugin<TContext extends object>(limits: OperationLimits): ApolloServerPlugin<TContext> {
  const rules = operationLimitRules(limits);
  const verdicts = new WeakMap<DocumentNode, GraphQLError | null>();
  // The cost depends on the document and its variables (a page's `first`): kept per document for the
  // last few sets of variables, since a client sends the same page again and again.
  const costs = new WeakMap<DocumentNode, Map<string, GraphQLError | null>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          let verdict = verdicts.get(document);
          if (verdict === undefined) {
            verdict = validate(schema, document, rules)[0] ?? null;
            if (verdict) verdict.extensions.http = { status: 400 };
            verdicts.set(document, verdict);
          }
          if (verdict) throw verdict;
          let byVariables = costs.get(document);
          if (!byVariables) costs.set(document, (byVariables = new Map()));
          const key = `${request.operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          let problem = byVariables.get(key);
          if (problem === undefined) {
            problem = costLimitProblem(schema, document, request.operationName, request.variables, limits);
            if (byVariables.size >= MAX_KEPT_COSTS) byVariables.clear();
            byVariables.set(key, problem);
          }
          if (problem) throw problem;
        },
      };
    },
  };
}

export function costLimitProblem(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined, limits: OperationLimits): GraphQLError | null {
  const cost = operationCost(schema, document, operationName, variables, limits);
  if (cost <= limits.maxCost) return null;
  const error = limitError(`The operation's estimated cost is ${cost}; the limit is ${limits.maxCost}. Ask for fewer items (first) or fewer fields per request.`, LIMIT_CODES.cost, limits.maxCost, cost);
  // Refused before execution, like a validation error: the client's request, not the server, is at fault.
  error.extensions.http = { status: 400 };
  return error;
}
