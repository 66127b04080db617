import type { OperationDefinitionNode } from 'graphql';
import type { Viewer } from '@hub/auth';
import type { SubgraphModule } from './subgraph-module';

/** What the gateway knows of an operation when it asks whether an owner keeps its whole answer. */
export interface EdgeAnswerRequest {
  viewer: Viewer | null;
  acceptLanguage: string | null;
  operation: OperationDefinitionNode;
  operationName: string | null;
  /** The operation's text as the client sent it. */
  source: string;
  variables: Readonly<Record<string, unknown>>;
}

/** Keeps a whole answer the gateway computed, given what the owner's one fetch reported with it (its extensions); false when not kept. */
export type EdgeAnswerKeeper = (result: unknown, extensions: Readonly<Record<string, unknown>> | undefined) => Promise<boolean>;

/** An answer kept before, or how to keep the one about to be computed; null: this operation is none of the owner's. */
export type EdgeAnswerLookup = { kept: unknown } | { keep: EdgeAnswerKeeper } | null;

/**
 * Whole answers the gateway may keep and give again without asking any subgraph, under rules the
 * owning subgraph sets (the products subgraph's catalogue: catalogue-edge-answers.ts). The gateway
 * keeps an answer only when that subgraph alone made it, in one fetch, and reported what it was
 * made of (asked by `traceHeader`).
 */
export interface EdgeAnswerStore {
  subgraph: string;
  traceHeader: string;
  lookup(request: EdgeAnswerRequest): Promise<EdgeAnswerLookup>;
  /** Closes what it reads with (the gateway stops it with itself). */
  stop(): Promise<void>;
}

/** The edge answer stores the hub's modules declare (see SubgraphModule.edgeAnswers). */
export function collectEdgeAnswerStores(runtime: EdgeAnswerRuntime): EdgeAnswerStore[] {
  const { modules } = runtime;
  return modules.flatMap((m) => {
    const store = m.edgeAnswers?.(runtime);
    return store ? [store] : [];
  });
}

/** What an edge answer store reads with: the hub's database, and the modules (hub texts, users' languages). */
export interface EdgeAnswerRuntime {
  databaseUrl: string;
  modules: readonly SubgraphModule<any>[];
}
