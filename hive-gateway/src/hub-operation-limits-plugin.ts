import { DocumentNode, GraphQLError, validate } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { costLimitProblem, OperationLimits, operationLimitRules, tokenLimitProblem } from '@hub/gateway';

/**
 * The hub gateway's operation limits on Hive Gateway, the same rules and the same refusals
 * (`@hub/gateway`'s operation-limits.ts): tokens counted before the document is parsed; aliases,
 * directives and depth checked once per parsed document; the cost estimate with the variables,
 * before anything executes. Each refusal has its own code and HTTP 400, and no `data`.
 */
export function hubOperationLimitsPlugin(limits: OperationLimits): GatewayPlugin {
  const rules = operationLimitRules(limits);
  const verdicts = new WeakMap<DocumentNode, GraphQLError | null>();
  const refused = (error: GraphQLError): GraphQLError => {
    error.extensions.http = { status: 400 };
    return error;
  };
  return {
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      const problem = tokenLimitProblem(source, limits);
      if (problem) throw refused(problem);
    },
    onExecute({ args, setResultAndStopExecution }) {
      let verdict = verdicts.get(args.document);
      if (verdict === undefined) {
        verdict = validate(args.schema, args.document, rules)[0] ?? null;
        verdicts.set(args.document, verdict);
      }
      const problem = verdict ?? costLimitProblem(args.schema, args.document, args.operationName, args.variableValues as Record<string, unknown> | undefined, limits);
      if (problem) setResultAndStopExecution({ errors: [refused(problem)] });
    },
  };
}
