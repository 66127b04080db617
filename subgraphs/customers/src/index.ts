import 'reflect-metadata';
import { join } from 'node:path';
import { SubgraphModule } from '@hub/subgraph-kit';
import { CompanyEntity } from './company/company.entity';
import { ContactEntity } from './contact/contact.entity';
import { buildCustomersContext, CustomersContext } from './context';
import { seedCustomersDemoData } from './demo/customers-demo.seed';
import { buildCustomersSchema } from './schema';
import { UserEntity } from './user/user.entity';

export const customersSubgraph: SubgraphModule<CustomersContext> = {
  name: 'customers',
  dbSchema: 'customers',
  entities: [CompanyEntity, UserEntity, ContactEntity],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: buildCustomersSchema,
  buildContext: buildCustomersContext,
  seedDemoData: seedCustomersDemoData,
};

export { CompanyEntity, UserEntity };
export * from './ingest/customers.ingest';
