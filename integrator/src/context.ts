import DataLoader from 'dataloader';
import { Pool } from 'pg';
import { OutboxStore } from '@hub/outbox';
import { BaseContext, createByIdLoader } from '@hub/subgraph-kit';
import { SyncRunEntity } from './staff-api/sync-run.entity';
import { SyncStaffService } from './staff-api/sync-staff.service';

export interface IntegratorContext extends BaseContext {
  pool: Pool;
  outboxStores: OutboxStore[];
  loaders: { runById: DataLoader<string, SyncRunEntity | null> };
  services: { sync: SyncStaffService };
}
