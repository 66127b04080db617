import 'reflect-metadata';
import { join } from 'node:path';
import { alsoIngests, pushToCollection, SubgraphModule, syncKind } from '@hub/subgraph-kit';
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
import { acknowledgeReturn, financeOutbox, FinanceOutboxMessageEntity, RETURN_DISPOSED_TOPIC, returnDeadLettered } from './outbox/finance-outbox';
import { ReturnEntity } from './return/return.entity';
import { ReturnLineEntity } from './return/return-line.entity';
import { ReturnFileEntity } from './return/return-file.entity';
import { ReturnStatusEventEntity } from './return/return-status-event.entity';
import { ReturnReasonEntity } from './return/return-reason.entity';
import { ReturnPolicyEntity } from './return/return-policy.entity';
import { returnFilesRoute } from './return/return.file-route';
import { RETURN_STATUS_CHANGED_TOPIC } from './return/return-events';
import { RETURN_NOTIFICATIONS } from './return/return-notifications';
import { returnReasonTexts, returnStatusTexts } from './return/return-texts';
import { invoiceStatusTexts } from './invoice/invoice-status-texts';
import { DunningStepEntity } from './debt-collection/dunning-step.entity';
import { DebtCollectionCaseEntity } from './debt-collection/debt-collection-case.entity';
import { DebtCollectionExportEntity } from './debt-collection/debt-collection-export.entity';
import { debtCollectionExportRoute } from './debt-collection/debt-collection.service';
import { ShipmentEntity, ShipmentTrackingEventEntity } from './shipment/shipment.entity';
import { SHIPMENT_CARRIER_FEED } from './shipment/shipment-carrier.ingest';
import { SHIPMENT_STATUS_CHANGED_TOPIC } from './shipment/shipment-events';
import { SHIPMENT_NOTIFICATIONS } from './shipment/shipment-notifications';
import { ReturnStoreEntity } from './return/return-store.entity';
import { ingestReturnStores } from './return/return-store.ingest';
import { RegisteredProductEntity } from './warranty/registered-product.entity';
import { ServiceRequestEntity } from './warranty/service-request.entity';
import { ingestServiceOrders } from './warranty/service-order.ingest';
import { acknowledgeServiceRequest, SERVICE_REQUESTED_TOPIC, serviceRequestDeadLettered } from './warranty/service-request-outbox';
import { SERVICE_REQUEST_CHANGED_TOPIC } from './warranty/service-request-events';
import { CardPaymentEntity, PaymentWebhookEventEntity } from './payment/card-payment.entity';
import { acknowledgePayment, PAYMENT_RECEIVED_TOPIC, paymentDeadLettered } from './payment/payment-outbox';
import { paymentWebhookRoute } from './payment/payment-webhook';
import { startPaymentCaptures } from './payment/payment-capture';

export const financeSubgraph: SubgraphModule<FinanceContext> = {
  name: 'finance',
  dbSchema: 'finance',
  entities: [
    InvoiceEntity, DeliveryNoteEntity, OpenItemEntity, CreditNoteEntity, PaymentEntity, StoredDocumentEntity,
    ReturnEntity, ReturnLineEntity, ReturnFileEntity, ReturnStatusEventEntity, ReturnReasonEntity, ReturnPolicyEntity, FinanceOutboxMessageEntity, ReturnStoreEntity,
    DunningStepEntity, DebtCollectionCaseEntity, DebtCollectionExportEntity,
    ShipmentEntity, ShipmentTrackingEventEntity,
    RegisteredProductEntity, ServiceRequestEntity,
    CardPaymentEntity, PaymentWebhookEventEntity,
  ],
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
      // Repairs move by the hour: their status and history come back more often than documents.
      syncKind('serviceOrders', { ingest: ingestServiceOrders, defaultIntervalSeconds: 120, description: "The ERP workshop's service orders: status and repair history of service requests (finance subgraph)" }),
    ],
    // Which ERP warehouses are stores that take returns in.
    alsoIngests: [alsoIngests('warehouses', ingestReturnStores)],
  },
  // Parcels of the delivery notes the hub's carrier takes: registered, tracked and their cash on delivery read back.
  carrier: SHIPMENT_CARRIER_FEED,
  outbox: {
    store: financeOutbox,
    // A return's disposition, keyed by the return's id; the ERP's credit note is read back at once.
    topics: [
      pushToCollection(RETURN_DISPOSED_TOPIC, 'returns', {
        acknowledge: acknowledgeReturn,
        deadLettered: returnDeadLettered,
        ingestAfterDelivery: [{ kind: 'creditNotes', key: (receipt) => (typeof receipt.creditNoteNumber === 'string' ? receipt.creditNoteNumber : '') }],
      }),
      // A service request for the ERP's workshop, keyed by the request's id; its service order is read back at once.
      pushToCollection(SERVICE_REQUESTED_TOPIC, 'serviceOrders', {
        acknowledge: acknowledgeServiceRequest,
        deadLettered: serviceRequestDeadLettered,
        ingestAfterDelivery: [{ kind: 'serviceOrders', key: (receipt) => (typeof receipt.serviceOrderNumber === 'string' ? receipt.serviceOrderNumber : '') }],
      }),
      // An open invoice paid online by card, keyed by the payment's id; the ERP's payment and the invoice's open item are read back at once.
      pushToCollection(PAYMENT_RECEIVED_TOPIC, 'payments', {
        acknowledge: acknowledgePayment,
        deadLettered: paymentDeadLettered,
        ingestAfterDelivery: [
          { kind: 'payments', key: (receipt) => (typeof receipt.paymentNumber === 'string' ? receipt.paymentNumber : '') },
          { kind: 'invoices', key: (receipt) => (typeof receipt.invoiceNumber === 'string' ? receipt.invoiceNumber : '') },
          { kind: 'openItems', key: (receipt) => (typeof receipt.invoiceNumber === 'string' ? receipt.invoiceNumber : '') },
        ],
      }),
    ],
  },
  // Documents as printed, the invoice list's and statement's exports, returns' files and debt-collection cases, behind signed links.
  fileRoutes: [documentsFileRoute, invoiceExportRoute, statementExportRoute, returnFilesRoute, debtCollectionExportRoute],
  // Payment reminders, dunning and thanks, on the notifications worker's calendar.
  notificationSchedules: PAYMENT_MONITORING_SCHEDULES,
  // The payment provider's signed webhooks (card payments move with them), at POST /webhooks/payments.
  webhooks: [paymentWebhookRoute],
  // Cards of delivered orders are captured beside each finance server (asked for by the delivery notes' ingest).
  whileServing: (runtime) => startPaymentCaptures(runtime.databaseUrl),
  // E-mails at each step of a return, to its filer and the company's administrators; a parcel shipped and delivered.
  notifications: [...RETURN_NOTIFICATIONS, ...SHIPMENT_NOTIFICATIONS],
  hubTextKinds: [invoiceStatusTexts, returnStatusTexts, returnReasonTexts],
  events: [
    {
      topic: ORDER_DOCUMENTS_CHANGED_TOPIC,
      description: "An order's invoices or delivery notes arrived or changed (key: the order id).",
      serves: {
        orderStatusChanged: { keyArg: 'orderId', queryField: 'order', queryArg: 'id', batchQueryField: 'ordersByIds', batchQueryArg: 'ids' },
        myOrdersChanged: { keyArg: null, queryField: 'order', queryArg: 'id', batchQueryField: 'ordersByIds', batchQueryArg: 'ids' },
      },
    },
    {
      topic: RETURN_STATUS_CHANGED_TOPIC,
      // The data (ids, company, filer, status, RMA and waybill numbers, credit note) is what Messages needs for its e-mails.
      description: "A return's status or data changed (key: the return id; data: ReturnStatusChangedData).",
      serves: {
        returnStatusChanged: { keyArg: 'returnId', queryField: 'returnRequest', queryArg: 'id', batchQueryField: 'returnRequestsByIds', batchQueryArg: 'ids' },
      },
    },
    {
      topic: SHIPMENT_STATUS_CHANGED_TOPIC,
      // Its orders hear of it through ORDER_DOCUMENTS_CHANGED_TOPIC, published beside it (order.shipments).
      description: "A shipment's status, parcel, tracking events or cash collection changed (key: the shipment id).",
      serves: {
        shipmentStatusChanged: { keyArg: 'shipmentId', queryField: 'shipment', queryArg: 'id', batchQueryField: 'shipmentsByIds', batchQueryArg: 'ids' },
      },
    },
    {
      topic: SERVICE_REQUEST_CHANGED_TOPIC,
      description: "A service request was opened or closed, reached the ERP, or its status, repair history or dates changed (key: the request id).",
      serves: {
        serviceRequestChanged: { keyArg: 'serviceRequestId', queryField: 'serviceRequest', queryArg: 'id', batchQueryField: 'serviceRequestsByIds', batchQueryArg: 'ids' },
      },
    },
  ],
};

export { InvoiceEntity };
export { InvoiceStatus } from './invoice/invoice-status';
export * from './ingest/finance.ingest';
export { RETURN_STATUS_CHANGED_TOPIC, ReturnStatusChangedData } from './return/return-events';
export { RETURN_DISPOSED_TOPIC } from './outbox/finance-outbox';
export { SHIPMENT_STATUS_CHANGED_TOPIC } from './shipment/shipment-events';
