import type { RequestHandler } from 'express';
import { OperationLimits, tokenLimitProblem } from './operation-limits';

/**
 * Refuses a document with more tokens than the limit before Apollo parses it (graphql-js would
 * build the whole AST of a 5,000-field document first). Documents already seen within the limit
 * are remembered, so the hot path (the same few operations) lexes nothing twice.
 */
export function tokenLimit(limits: OperationLimits, remember = 2000): RequestHandler {
  const accepted = new Set<string>();
  return (req, res, next) => {
    const query = (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string' || accepted.has(query)) return next();
    const problem = tokenLimitProblem(query, limits);
    if (problem) return void res.status(400).json({ errors: [problem.toJSON()] });
    if (accepted.size >= remember) accepted.clear();
    accepted.add(query);
    next();
  };
}
