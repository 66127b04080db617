import 'reflect-metadata';
import { join } from 'node:path';
import { SubgraphModule, syncKind } from '@hub/subgraph-kit';
import { ingestCreditNotes, ingestDeliveryNotes, ingestInvoices, ingestOpenItems, ingestPayments } from './ingest/finance.ingest';
import { ORDER_DOCUMENTS_CHANGED_TOPIC } from './order/order-documents-events';
import { buildFinanceContext, FinanceContext } from './context';
import { seedFinanceDemoData } from './demo/finance-demo.seed';
import { DeliveryNoteEntity } from './delivery-note/delivery-note.entity';
import { InvoiceEntity } from './invoice/invoice.entity';
import { OpenItemEntity } from './open-item/open-item.entity';
import { CreditNoteEntity } from './credit-note/credit-note.entity';
import { PaymentEntity } from './payment/payment.entity';
import { StoredDocumentEntity } from './document/stored-document.entity';
import { documentsFileRoute } from './document/document.file-route';
import { buildFinanceSchema } from './schema';
import { PAYMENT_MONITORING_SCHEDULES } from './payment-monitoring/payment-reminder-notices';
import { invoiceExportRoute } from './invoice-export/invoice-export.service';
import { statementExportRoute } from './statement/statement-export.service';

export const financeSubgraph: SubgraphModule<FinanceContext> = {
  name: 'finance',
  dbSchema: 'finance',
  entities: [InvoiceEntity, DeliveryNoteEntity, OpenItemEntity, CreditNoteEntity, PaymentEntity, StoredDocumentEntity],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: buildFinanceSchema,
  buildContext: buildFinanceContext,
  seedDemoData: seedFinanceDemoData,
  sync: {
    kinds: [
      syncKind('invoices', { ingest: ingestInvoices, defaultIntervalSeconds: 300, description: 'Invoices (finance subgraph)' }),
      syncKind('deliveryNotes', { ingest: ingestDeliveryNotes, defaultIntervalSeconds: 300, description: 'Delivery notes (finance subgraph)' }),
      syncKind('openItems', { ingest: ingestOpenItems, defaultIntervalSeconds: 300, description: 'Open items (finance subgraph)' }),
      syncKind('creditNotes', { ingest: ingestCreditNotes, defaultIntervalSeconds: 300, description: 'Credit notes (finance subgraph)' }),
      syncKind('payments', { ingest: ingestPayments, defaultIntervalSeconds: 300, description: 'Payments received (finance subgraph)' }),
    ],
  },
  // Documents as printed, and the invoice list's and statement's exports, behind signed links.
  fileRoutes: [documentsFileRoute, invoiceExportRoute, statementExportRoute],
  // Payment reminders, dunning and thanks, on the notifications worker's calendar.
  notificationSchedules: PAYMENT_MONITORING_SCHEDULES,
  events: [
    {
      topic: ORDER_DOCUMENTS_CHANGED_TOPIC,
      description: "An order's invoices or delivery notes arrived or changed (key: the order id).",
      serves: {
        orderStatusChanged: { keyArg: 'orderId', queryField: 'order', queryArg: 'id', batchQueryField: 'ordersByIds', batchQueryArg: 'ids' },
        myOrdersChanged: { keyArg: null, queryField: 'order', queryArg: 'id', batchQueryField: 'ordersByIds', batchQueryArg: 'ids' },
      },
    },
  ],
};

export { InvoiceEntity };
export { InvoiceStatus } from './invoice/invoice-status';
export * from './ingest/finance.ingest';
