import DataLoader from 'dataloader';
import { Pool } from 'pg';
import { BaseContext } from '@hub/subgraph-kit';
import { OutboxStaffService } from './outbox/outbox-staff.service';
import { RegisteredOutbox } from './outbox/outbox-registry';
import { SyncRegistry } from './sync/sync-registry';
import { SyncRunEntity } from './sync/sync-run.entity';
import { SyncStaffService } from './sync/sync-staff.service';
import { IntegratorDashboardService } from './staff-dashboard/staff-dashboard.service';

export interface IntegratorContext extends BaseContext {
  registry: SyncRegistry;
  loaders: { runById: DataLoader<string, SyncRunEntity | null> };
  services: { sync: SyncStaffService; outbox: OutboxStaffService; dashboard: IntegratorDashboardService };
}

/** What the staff API needs from the hub around it, built once per process. */
export interface IntegratorWiring {
  pool: Pool;
  registry: SyncRegistry;
  outboxes: readonly RegisteredOutbox[];
}
