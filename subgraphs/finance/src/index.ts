import 'reflect-metadata';
import { join } from 'node:path';
import { SubgraphModule } from '@hub/subgraph-kit';
import { buildFinanceContext, FinanceContext } from './context';
import { seedFinanceDemoData } from './demo/finance-demo.seed';
import { InvoiceEntity } from './invoice/invoice.entity';
import { buildFinanceSchema } from './schema';

export const financeSubgraph: SubgraphModule<FinanceContext> = {
  name: 'finance',
  dbSchema: 'finance',
  entities: [InvoiceEntity],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: buildFinanceSchema,
  buildContext: buildFinanceContext,
  seedDemoData: seedFinanceDemoData,
};

export { InvoiceEntity };
export { InvoiceStatus } from './invoice/invoice-status';
