import { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@hub/subgraph-kit';
import { CompanyInvoicesResolver } from './company/company-invoices.resolver';
import { resolveCompanyReference } from './company/company.reference';
import { FinanceContext } from './context';
import { InvoiceConnectionResolver, InvoiceResolver } from './invoice/invoice.resolver';
import { DeliveryNoteResolver, InvoiceDeliveryNotesResolver, OrderDeliveryNotesResolver } from './delivery-note/delivery-note.resolver';
import { resolveDeliveryNoteReference } from './delivery-note/delivery-note.reference';
import { resolveInvoiceReference } from './invoice/invoice.reference';
import { OrderInvoicesResolver } from './order/order-invoices.resolver';
import { CreditNoteDocumentResolver, DeliveryNoteDocumentResolver, InvoiceDocumentResolver, OrderConfirmationDocumentResolver } from './document/document.resolver';
import { CreditNoteResolver } from './credit-note/credit-note.resolver';
import { OpenItemInvoiceResolver, OpenItemsResolver } from './open-item/open-item.resolver';
import { StatementResolver } from './statement/statement.resolver';
import { YearlyTotalsResolver } from './yearly-totals/yearly-totals.resolver';
import { InvoiceExportResolver } from './invoice-export/invoice-export.resolver';
import { resolveOrderReference } from './order/order.reference';
import { ReturnFileResolver, ReturnResolver, ReturnStatusChangeResolver } from './return/return.resolver';
import { DebtCollectionResolver } from './debt-collection/debt-collection.resolver';
import { OrderShipmentsResolver, ShipmentResolver } from './shipment/shipment.resolver';
import { resolveShipmentReference } from './shipment/shipment.reference';
import { resolveReturnRequestReference } from './return/return.reference';
import { FinanceStaffDashboardResolver } from './staff-dashboard/staff-dashboard.resolver';
import { StaffDashboardObject } from './staff-dashboard/staff-dashboard.object';
import { resolveStaffDashboardReference } from './staff-dashboard/staff-dashboard.reference';
import { RegisteredProductResolver, ServiceRequestResolver } from './warranty/warranty.resolver';
import { CardPaymentResolver, OrderPaymentResolver } from './payment/payment.resolver';

export function buildFinanceSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<FinanceContext>({
    resolvers: [
      InvoiceResolver, InvoiceConnectionResolver, CompanyInvoicesResolver, OrderInvoicesResolver, DeliveryNoteResolver, OrderDeliveryNotesResolver,
      InvoiceDeliveryNotesResolver, InvoiceDocumentResolver, DeliveryNoteDocumentResolver, OrderConfirmationDocumentResolver,
      CreditNoteResolver, CreditNoteDocumentResolver, OpenItemsResolver, OpenItemInvoiceResolver, StatementResolver, YearlyTotalsResolver, InvoiceExportResolver,
      ReturnResolver, ReturnStatusChangeResolver, ReturnFileResolver, DebtCollectionResolver, ShipmentResolver, OrderShipmentsResolver, RegisteredProductResolver, ServiceRequestResolver,
      FinanceStaffDashboardResolver,
      CardPaymentResolver, OrderPaymentResolver,
    ],
    // Reached only through `_entities` (orders owns the query).
    orphanedTypes: [StaffDashboardObject],
    referenceResolvers: {
      Invoice: { __resolveReference: resolveInvoiceReference },
      DeliveryNote: { __resolveReference: resolveDeliveryNoteReference },
      Company: { __resolveReference: resolveCompanyReference },
      Order: { __resolveReference: resolveOrderReference },
      Shipment: { __resolveReference: resolveShipmentReference },
      ReturnRequest: { __resolveReference: resolveReturnRequestReference },
      StaffDashboard: { __resolveReference: resolveStaffDashboardReference },
    },
  });
}
