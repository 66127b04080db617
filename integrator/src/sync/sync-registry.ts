import { PoolClient } from 'pg';
import { IngestPage, MergeResult } from '@hub/ingest';
import { CarrierFeedDeclaration, IngestFunction, SubgraphModule, SyncKindDeclaration } from '@hub/subgraph-kit';

interface ScheduledOperation {
  name: string;
  /** The subgraph that owns the kind (its ingest's counts and changed keys are the run's). */
  owner: string;
  defaultIntervalSeconds: number;
  description: string;
  runsAfter: readonly string[];
}

/** One synchronised ERP kind: where its pages go and how often by default. */
export interface ErpSyncOperation extends ScheduledOperation {
  source: 'erp';
  /** Subgraphs whose ingest functions receive every page, owner first; the only way ERP data enters a subgraph. */
  ingestedBy: string[];
  /** Runs every ingest on the page, in order, on the caller's client (so in one transaction). */
  ingest(client: PoolClient, page: IngestPage<unknown>): Promise<MergeResult>;
}

/** A module's parcel carrier feed (registrations, tracking events, cash on delivery), polled like a kind. */
export interface CarrierPollOperation extends ScheduledOperation {
  source: 'carrier';
  feed: CarrierFeedDeclaration;
}

/** What staff see, schedule and run as one operation: an ERP kind or a carrier poll. */
export type SyncOperationDefinition = ErpSyncOperation | CarrierPollOperation;

/**
 * The sync operations of a hub, one per ERP kind and one per carrier feed, gathered from its modules' declarations: each kind
 * has exactly one owner, other modules may keep a part of it, and `all` is in dependency order
 * (a kind after those it `runsAfter`, otherwise in module order), the order a first full sync runs in.
 */
export class SyncRegistry {
  readonly all: readonly SyncOperationDefinition[];
  private readonly byName: ReadonlyMap<string, SyncOperationDefinition>;

  constructor(modules: readonly SubgraphModule<any>[]) {
    const kinds = new Map<string, { owner: string; declaration: SyncKindDeclaration; ingests: Array<{ module: string; ingest: IngestFunction<unknown> }> }>();
    for (const module of modules) {
      for (const declaration of module.sync?.kinds ?? []) {
        const existing = kinds.get(declaration.kind);
        if (existing) throw new Error(`Sync kind ${declaration.kind} is owned by both ${existing.owner} and ${module.name}.`);
        kinds.set(declaration.kind, { owner: module.name, declaration, ingests: [{ module: module.name, ingest: declaration.ingest }] });
      }
    }
    for (const module of modules) {
      for (const declaration of module.sync?.alsoIngests ?? []) {
        const kind = kinds.get(declaration.kind);
        if (!kind) throw new Error(`${module.name} ingests sync kind ${declaration.kind}, which no module owns.`);
        kind.ingests.push({ module: module.name, ingest: declaration.ingest });
      }
    }
    const operations: SyncOperationDefinition[] = [...kinds.values()].map(({ owner, declaration, ingests }): ErpSyncOperation => ({
      source: 'erp',
      name: declaration.kind,
      owner,
      ingestedBy: [...new Set(ingests.map((i) => i.module))],
      defaultIntervalSeconds: declaration.defaultIntervalSeconds,
      description: declaration.description,
      runsAfter: declaration.runsAfter ?? [],
      ingest: async (client, page) => {
        const [first, ...others] = ingests;
        const result = await first.ingest(client, page);
        for (const other of others) await other.ingest(client, page);
        return result;
      },
    }));
    for (const module of modules) {
      const feed = module.carrier;
      if (!feed) continue;
      if (kinds.has(feed.operation) || operations.some((op) => op.name === feed.operation)) throw new Error(`Sync operation ${feed.operation} (${module.name}'s carrier feed) is declared twice.`);
      operations.push({ source: 'carrier', name: feed.operation, owner: module.name, feed, defaultIntervalSeconds: feed.defaultIntervalSeconds, description: feed.description, runsAfter: feed.runsAfter ?? [] });
    }
    this.all = dependencyOrder(operations);
    this.byName = new Map(this.all.map((op) => [op.name, op]));
  }

  find(name: string): SyncOperationDefinition | undefined {
    return this.byName.get(name);
  }

  /** An ERP kind (not a carrier poll), e.g. for records an outbox topic reads back. */
  findErpKind(name: string): ErpSyncOperation | undefined {
    const operation = this.byName.get(name);
    return operation?.source === 'erp' ? operation : undefined;
  }

  /** The ERP kinds alone, in dependency order. */
  get erpKinds(): ErpSyncOperation[] {
    return this.all.filter((op): op is ErpSyncOperation => op.source === 'erp');
  }

  get names(): string[] {
    return this.all.map((op) => op.name);
  }
}

/** Stable topological order: declaration order, except that a kind waits for the kinds it runs after. */
function dependencyOrder(operations: SyncOperationDefinition[]): SyncOperationDefinition[] {
  const byName = new Map(operations.map((op) => [op.name, op]));
  const ordered: SyncOperationDefinition[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (op: SyncOperationDefinition, path: string[]) => {
    if (state.get(op.name) === 'done') return;
    if (state.get(op.name) === 'visiting') throw new Error(`Sync kinds run after each other in a circle: ${[...path, op.name].join(' → ')}.`);
    state.set(op.name, 'visiting');
    for (const before of op.runsAfter) {
      const dependency = byName.get(before);
      if (!dependency) throw new Error(`Sync kind ${op.name} runs after ${before}, which no module owns.`);
      visit(dependency, [...path, op.name]);
    }
    state.set(op.name, 'done');
    ordered.push(op);
  };
  for (const op of operations) visit(op, []);
  return ordered;
}
