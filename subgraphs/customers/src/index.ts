import 'reflect-metadata';
import { join } from 'node:path';
import { SubgraphModule } from '@hub/subgraph-kit';
import { CompanyEntity } from './company/company.entity';
import { ContactEntity } from './contact/contact.entity';
import { CompanyBranchEntity } from './company/company-branch.entity';
import { RegistrationEntity } from './registration/registration.entity';
import { ConsentEventEntity } from './consent/consent-event.entity';
import { CustomersOutboxMessageEntity } from './outbox/customers-outbox';
import { buildCustomersContext, CustomersContext } from './context';
import { seedCustomersDemoData } from './demo/customers-demo.seed';
import { buildCustomersSchema } from './schema';
import { UserEntity } from './user/user.entity';
import { AuditLogEntity } from './audit/audit-log.entity';
import { LoginThrottleEntity } from './access/login-throttle.entity';
import { PasswordResetEntity } from './access/password-reset.entity';

export const customersSubgraph: SubgraphModule<CustomersContext> = {
  name: 'customers',
  dbSchema: 'customers',
  entities: [CompanyEntity, UserEntity, ContactEntity, AuditLogEntity, LoginThrottleEntity, PasswordResetEntity, CompanyBranchEntity, RegistrationEntity, CustomersOutboxMessageEntity, ConsentEventEntity],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: buildCustomersSchema,
  buildContext: buildCustomersContext,
  seedDemoData: seedCustomersDemoData,
};

export { CompanyEntity, UserEntity };
export * from './ingest/customers.ingest';
export { customersOutbox, CUSTOMER_REGISTERED_TOPIC } from './outbox/customers-outbox';
export { COMPANY_FIELD_OWNERSHIP } from './company/company-field-ownership';
