import 'reflect-metadata';
import { join } from 'node:path';
import { Pool } from 'pg';
import { instrumentPool } from '@hub/database';
import { buildFederatedSchema, createByIdLoader, SubgraphModule, SubgraphRuntime } from '@hub/subgraph-kit';
import { IntegratorContext, IntegratorWiring } from './context';
import { collectOutboxes } from './outbox/outbox-registry';
import { OutboxStaffResolver } from './outbox/outbox-staff.resolver';
import { OutboxStaffService } from './outbox/outbox-staff.service';
import { SyncOperationEntity } from './sync/sync-operation.entity';
import { SyncRegistry } from './sync/sync-registry';
import { SyncRunEntity } from './sync/sync-run.entity';
import { SyncStaffResolver } from './sync/sync-staff.resolver';
import { SyncStaffService } from './sync/sync-staff.service';
import { IntegratorStaffDashboardResolver } from './staff-dashboard/staff-dashboard.resolver';
import { StaffDashboardObject } from './staff-dashboard/staff-dashboard.object';
import { resolveStaffDashboardReference } from './staff-dashboard/staff-dashboard.reference';
import { IntegratorDashboardService } from './staff-dashboard/staff-dashboard.service';
import { IntegratorDashboardRepository } from './staff-dashboard/staff-dashboard.repository';
import { SyncSubscriptionResolver } from './sync/sync-subscription.resolver';

/** The event behind `subscription { syncRunUpdated }`; its key is the run id. */
export const SYNC_RUN_UPDATED_TOPIC = 'syncRunUpdated';

/**
 * The staff API's view of the hub around it (sync kinds and outboxes of every module), built once per
 * process: one pg pool for the outbox views (the sync and the dispatcher have their own).
 */
let wiring: IntegratorWiring | null = null;
function wiringOf(runtime: SubgraphRuntime): IntegratorWiring {
  if (!wiring) {
    const registry = new SyncRegistry(runtime.modules);
    const pool = instrumentPool(new Pool({ connectionString: runtime.databaseUrl, max: 4, application_name: 'hub-integrator-staff' }), 'integrator-staff');
    pool.on('error', () => undefined); // an idle connection lost: the pool replaces it
    wiring = { pool, registry, outboxes: collectOutboxes(runtime.modules, registry) };
  }
  return wiring;
}

/** The integrator's own subgraph: sync status and controls, and the outbox, for staff. */
export const integratorSubgraph: SubgraphModule<IntegratorContext> = {
  name: 'integrator',
  dbSchema: 'integrator',
  entities: [SyncOperationEntity, SyncRunEntity],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: () =>
    buildFederatedSchema<IntegratorContext>({
      resolvers: [SyncStaffResolver, OutboxStaffResolver, SyncSubscriptionResolver, IntegratorStaffDashboardResolver],
      // Reached only through `_entities` (orders owns the query).
      orphanedTypes: [StaffDashboardObject],
      referenceResolvers: { StaffDashboard: { __resolveReference: resolveStaffDashboardReference } },
    }),
  buildContext: (base, runtime) => {
    const { pool, registry, outboxes } = wiringOf(runtime);
    return {
      ...base,
      registry,
      loaders: { runById: createByIdLoader(base.em, SyncRunEntity) },
      services: {
        sync: new SyncStaffService(base.em, registry),
        outbox: new OutboxStaffService(pool, outboxes),
        dashboard: new IntegratorDashboardService(new IntegratorDashboardRepository(base.em), pool, outboxes),
      },
    };
  },
  seedDemoData: async () => undefined,
  events: [
    {
      topic: SYNC_RUN_UPDATED_TOPIC,
      description: 'A sync run started, made progress or ended (key: the run id).',
      serves: { syncRunUpdated: { keyArg: null, queryField: 'syncRun', queryArg: 'id' } },
    },
  ],
};
