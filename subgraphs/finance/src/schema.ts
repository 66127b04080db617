import { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@hub/subgraph-kit';
import { CompanyInvoicesResolver } from './company/company-invoices.resolver';
import { resolveCompanyReference } from './company/company.reference';
import { FinanceContext } from './context';
import { InvoiceResolver } from './invoice/invoice.resolver';
import { resolveInvoiceReference } from './invoice/invoice.reference';
import { OrderInvoicesResolver } from './order/order-invoices.resolver';
import { resolveOrderReference } from './order/order.reference';

export function buildFinanceSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<FinanceContext>({
    resolvers: [InvoiceResolver, CompanyInvoicesResolver, OrderInvoicesResolver],
    referenceResolvers: {
      Invoice: { __resolveReference: resolveInvoiceReference },
      Company: { __resolveReference: resolveCompanyReference },
      Order: { __resolveReference: resolveOrderReference },
    },
  });
}
