import { isAbsolute, resolve } from 'node:path';
import { customersSubgraph } from '@hub/customers';
import { financeSubgraph } from '@hub/finance';
import { ordersSubgraph } from '@hub/orders';
import { productsSubgraph } from '@hub/products';
import { suppliersSubgraph } from '@hub/suppliers';
import { integratorSubgraph } from '@hub/integrator';
import { notificationsSubgraph } from '@hub/notifications';
import { SubgraphModule } from '@hub/subgraph-kit';

/** The subgraphs every hub has, in a fixed order: the five domains and the integrator's staff API. */
export const SUBGRAPH_MODULES: readonly SubgraphModule<any>[] = [customersSubgraph, productsSubgraph, ordersSubgraph, financeSubgraph, suppliersSubgraph, integratorSubgraph, notificationsSubgraph];

/** The URL each subgraph has in the checked-in supergraph; the gateway overrides them at run time. */
export function defaultSubgraphUrl(index: number): string {
  return `http://127.0.0.1:${4001 + index}/graphql`;
}

function isSubgraphModule(value: unknown): value is SubgraphModule<any> {
  const m = value as Partial<SubgraphModule<any>> | null;
  return !!m && typeof m.name === 'string' && typeof m.dbSchema === 'string' && typeof m.buildSchema === 'function' && typeof m.buildContext === 'function';
}

/**
 * The hub's modules: the built-in ones plus a deployment's own, named in HUB_MODULES (a comma-separated
 * list of packages or paths, each exporting `subgraphModule` or a default export). A module brings its
 * schema, tables, sync kinds, outbox topics and event topics; nothing else needs to change to add one.
 */
export function hubModules(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): readonly SubgraphModule<any>[] {
  const extra = (env.HUB_MODULES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((specifier) => {
      const path = specifier.startsWith('.') || isAbsolute(specifier) ? resolve(cwd, specifier) : specifier;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const loaded = require(path);
      const module = loaded.subgraphModule ?? loaded.default;
      if (!isSubgraphModule(module)) throw new Error(`HUB_MODULES: ${specifier} exports no subgraph module (export it as \`subgraphModule\`).`);
      return module;
    });
  const modules = [...SUBGRAPH_MODULES, ...extra];
  const names = new Set<string>();
  const schemas = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`Two subgraph modules are named ${m.name}.`);
    if (schemas.has(m.dbSchema)) throw new Error(`Two subgraph modules own the database schema ${m.dbSchema}.`);
    names.add(m.name);
    schemas.add(m.dbSchema);
  }
  return modules;
}
