import { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@hub/subgraph-kit';
import { CompanyResolver } from './company/company.resolver';
import { resolveCompanyReference } from './company/company.reference';
import { CustomersContext } from './context';
import { UserResolver } from './user/user.resolver';
import { resolveUserReference } from './user/user.reference';

export function buildCustomersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<CustomersContext>({
    resolvers: [UserResolver, CompanyResolver],
    referenceResolvers: {
      Company: { __resolveReference: resolveCompanyReference },
      User: { __resolveReference: resolveUserReference },
    },
  });
}
