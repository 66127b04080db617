import { FieldOwnershipResolver } from './company/company-field-ownership.resolver';
import { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@hub/subgraph-kit';
import { CompanyResolver } from './company/company.resolver';
import { resolveCompanyReference } from './company/company.reference';
import { CustomersContext } from './context';
import { UserResolver } from './user/user.resolver';
import { UserAdminResolver } from './user/user-admin.resolver';
import { RegistrationResolver } from './registration/registration.resolver';
import { ConsentResolver } from './consent/consent.resolver';
import { MarketingMaterialResolver } from './marketing-material/marketing-material.resolver';
import { resolveUserReference } from './user/user.reference';

export function buildCustomersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<CustomersContext>({
    resolvers: [UserResolver, UserAdminResolver, CompanyResolver, FieldOwnershipResolver, RegistrationResolver, ConsentResolver, MarketingMaterialResolver],
    referenceResolvers: {
      Company: { __resolveReference: resolveCompanyReference },
      User: { __resolveReference: resolveUserReference },
    },
  });
}
