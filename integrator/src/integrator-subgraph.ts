import 'reflect-metadata';
import { join } from 'node:path';
import { Pool } from 'pg';
import { customersOutbox } from '@hub/customers';
import { ordersOutbox } from '@hub/orders';
import { OutboxStore } from '@hub/outbox';
import { buildFederatedSchema, createByIdLoader, SubgraphModule } from '@hub/subgraph-kit';
import { IntegratorContext } from './context';
import { SyncOperationEntity } from './staff-api/sync-operation.entity';
import { SyncRunEntity } from './staff-api/sync-run.entity';
import { SyncStaffService } from './staff-api/sync-staff.service';
import { OutboxStaffResolver, SyncStaffResolver } from './staff-api/sync-staff.resolver';
import { SyncSubscriptionResolver } from './staff-api/sync-subscription.resolver';

/** Every outbox the dispatcher serves and staff can see. */
export const OUTBOX_STORES: OutboxStore[] = [ordersOutbox, customersOutbox];

/** One pg pool per process for the staff API's outbox views (the sync and dispatcher have their own). */
let sharedPool: Pool | null = null;
export function integratorApiPool(databaseUrl: string): Pool {
  if (!sharedPool) {
    sharedPool = new Pool({ connectionString: databaseUrl, max: 4 });
    sharedPool.on('error', () => undefined); // an idle connection lost: the pool replaces it
  }
  return sharedPool;
}

/** The integrator's own subgraph: sync status and controls, and the outbox, for staff. */
export const integratorSubgraph: SubgraphModule<IntegratorContext> = {
    name: 'integrator',
    dbSchema: 'integrator',
    entities: [SyncOperationEntity, SyncRunEntity],
    migrationsPath: join(__dirname, 'migrations'),
    buildSchema: () => buildFederatedSchema<IntegratorContext>({ resolvers: [SyncStaffResolver, OutboxStaffResolver, SyncSubscriptionResolver] }),
    buildContext: (base, runtime) => {
      const ctx = { ...base, pool: integratorApiPool(runtime.databaseUrl), outboxStores: OUTBOX_STORES } as IntegratorContext;
      ctx.loaders = { runById: createByIdLoader(base.em, SyncRunEntity) };
      ctx.services = { sync: new SyncStaffService(ctx) };
      return ctx;
    },
    seedDemoData: async () => undefined,
};
