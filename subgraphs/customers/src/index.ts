import 'reflect-metadata';
import { join } from 'node:path';
import { pushToCollection, SubgraphModule, syncKind } from '@hub/subgraph-kit';
import { USER_ACCESS_CHANGED_TOPIC } from '@hub/auth';
import { CompanyEntity } from './company/company.entity';
import { ContactEntity } from './contact/contact.entity';
import { CompanyBranchEntity } from './company/company-branch.entity';
import { RegistrationEntity } from './registration/registration.entity';
import { ConsentEventEntity } from './consent/consent-event.entity';
import { acknowledgeCustomer, CUSTOMER_REGISTERED_TOPIC, customersOutbox, CustomersOutboxMessageEntity } from './outbox/customers-outbox';
import { ingestContacts, ingestCustomers } from './ingest/customers.ingest';
import { buildCustomersContext, CustomersContext } from './context';
import { seedCustomersDemoData } from './demo/customers-demo.seed';
import { buildCustomersSchema } from './schema';
import { UserEntity } from './user/user.entity';
import { AuditLogEntity } from './audit/audit-log.entity';
import { LoginThrottleEntity } from './access/login-throttle.entity';
import { PasswordResetEntity } from './access/password-reset.entity';
import { MarketingMaterialEntity } from './marketing-material/marketing-material.entity';
import { marketingMaterialFileRoute } from './marketing-material/marketing-material.file-route';
import { readCompanyLanguage, readCompanyUsersWithPermission, readNewsletterAudience, readDebtorDetails, readNotificationRecipients } from './user/user-directory';

export const customersSubgraph: SubgraphModule<CustomersContext> = {
  name: 'customers',
  dbSchema: 'customers',
  entities: [CompanyEntity, UserEntity, ContactEntity, AuditLogEntity, LoginThrottleEntity, PasswordResetEntity, CompanyBranchEntity, RegistrationEntity, CustomersOutboxMessageEntity, ConsentEventEntity, MarketingMaterialEntity],
  // Marketing materials behind signed links.
  fileRoutes: [marketingMaterialFileRoute],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: buildCustomersSchema,
  buildContext: buildCustomersContext,
  seedDemoData: seedCustomersDemoData,
  sync: {
    kinds: [
      syncKind('customers', { ingest: ingestCustomers, defaultIntervalSeconds: 900, description: 'Customer accounts, credit limits, blocks, addresses (customers subgraph)' }),
      syncKind('contacts', { ingest: ingestContacts, defaultIntervalSeconds: 900, description: 'Customer contacts (customers subgraph)', runsAfter: ['customers'] }),
    ],
  },
  outbox: {
    store: customersOutbox,
    topics: [
      pushToCollection(CUSTOMER_REGISTERED_TOPIC, 'customers', {
        acknowledge: acknowledgeCustomer,
        // The new customer's own terms (currency, price group) are visible the moment its user can sign in.
        ingestAfterDelivery: [
          { kind: 'customers', key: (receipt) => String(receipt.customerNumber) },
          { kind: 'contacts', key: (receipt) => String(receipt.contactNumber) },
        ],
      }),
    ],
  },
  events: [{ topic: USER_ACCESS_CHANGED_TOPIC, description: "A user's tokens were revoked (deactivated, password or permissions changed); data: the new access state." }],
  notificationRecipients: readNotificationRecipients,
  companyLanguage: readCompanyLanguage,
  notificationCompanyUsers: readCompanyUsersWithPermission,
  newsletterAudience: readNewsletterAudience,
  debtorDetails: readDebtorDetails,
};

export { CompanyEntity, UserEntity };
export * from './ingest/customers.ingest';
export { CUSTOMER_REGISTERED_TOPIC } from './outbox/customers-outbox';
export { COMPANY_FIELD_OWNERSHIP, CONFIGURABLE_COMPANY_FIELDS, FIELD_OWNERSHIP_ENV, companyFieldOwnership, parseCompanyFieldOwnership } from './company/company-field-ownership';
