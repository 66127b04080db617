import 'reflect-metadata';
import { join } from 'node:path';
import { alsoIngests, pushToCollection, SubgraphModule, syncKind } from '@hub/subgraph-kit';
import { ingestProductGroups, ingestProductSkus } from './catalogue/catalogue.ingest';
import { ProductGroupEntity } from './catalogue/product-group.entity';
import { ProductSkuEntity } from './catalogue/product-sku.entity';
import { buildSuppliersContext, SuppliersContext } from './context';
import { seedSuppliersDemoData } from './demo/suppliers-demo.seed';
import { acknowledgeAssignment, acknowledgeDropShipment, assignmentDeadLettered, DROP_SHIP_ASSIGNED_TOPIC, DROP_SHIP_SHIPPED_TOPIC, dropShipmentDeadLettered } from './drop-ship/drop-ship-outbox';
import { ingestDropShipOrders } from './drop-ship/drop-ship-order.ingest';
import { DropShipAssignmentEntity, DropShipOrderEntity } from './drop-ship/drop-ship.entity';
import { suppliersOutbox, SuppliersOutboxMessageEntity } from './outbox/suppliers-outbox';
import { PurchaseOrderEntity, PurchaseOrderEventEntity, PurchaseOrderLineEntity } from './purchase-order/purchase-order.entity';
import { ingestPurchaseOrders } from './purchase-order/purchase-order.ingest';
import {
  acknowledgeConfirmation, acknowledgePurchaseOrder, PURCHASE_ORDER_CONFIRMED_TOPIC, PURCHASE_ORDER_PLACED_TOPIC, purchaseOrderDeadLettered,
} from './purchase-order/purchase-order-outbox';
import { PURCHASE_ORDER_CHANGED_TOPIC } from './purchase-order/purchase-order-events';
import { RfqAnswerEntity, RfqEntity, RfqInvitationEntity, RfqLineEntity } from './rfq/rfq.entity';
import { buildSuppliersSchema } from './schema';
import { SupplierEntity } from './supplier/supplier.entity';
import { SupplierProductEntity } from './supplier/supplier-product.entity';

/** The ERP's record of a purchase order, read back right after a push (its number is the receipt's). */
const readBackPurchaseOrder = [{ kind: 'purchaseOrders', key: (receipt: Record<string, unknown>) => (typeof receipt.purchaseOrderNumber === 'string' ? receipt.purchaseOrderNumber : '') }];

export const suppliersSubgraph: SubgraphModule<SuppliersContext> = {
  name: 'suppliers',
  dbSchema: 'suppliers',
  entities: [
    SupplierEntity, SupplierProductEntity, ProductSkuEntity, ProductGroupEntity, RfqEntity, RfqLineEntity, RfqInvitationEntity, RfqAnswerEntity,
    PurchaseOrderEntity, PurchaseOrderLineEntity, PurchaseOrderEventEntity, DropShipAssignmentEntity, DropShipOrderEntity, SuppliersOutboxMessageEntity,
  ],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: buildSuppliersSchema,
  buildContext: buildSuppliersContext,
  seedDemoData: seedSuppliersDemoData,
  sync: {
    kinds: [
      // The ERP is master of a purchase order once it has it: its status, lines and goods receipts come back.
      syncKind('purchaseOrders', { ingest: ingestPurchaseOrders, defaultIntervalSeconds: 300, description: "The ERP's purchase orders: number, status, agreed lines and goods received (suppliers subgraph)" }),
      syncKind('dropShipOrders', { ingest: ingestDropShipOrders, defaultIntervalSeconds: 120, description: 'Order lines the ERP routed to the supplier that drop-ships them, with the delivery address only (suppliers subgraph)' }),
    ],
    // Product SKUs and names, to name items to the ERP; the product groups drop-shipping is assigned by.
    alsoIngests: [alsoIngests('products', ingestProductSkus), alsoIngests('categories', ingestProductGroups)],
  },
  outbox: {
    store: suppliersOutbox,
    topics: [
      pushToCollection(PURCHASE_ORDER_PLACED_TOPIC, 'purchaseOrders', { acknowledge: acknowledgePurchaseOrder, deadLettered: purchaseOrderDeadLettered, ingestAfterDelivery: readBackPurchaseOrder }),
      pushToCollection(PURCHASE_ORDER_CONFIRMED_TOPIC, 'purchaseOrderConfirmations', { acknowledge: acknowledgeConfirmation, deadLettered: purchaseOrderDeadLettered, ingestAfterDelivery: readBackPurchaseOrder }),
      pushToCollection(DROP_SHIP_ASSIGNED_TOPIC, 'dropShipAssignments', { acknowledge: acknowledgeAssignment, deadLettered: assignmentDeadLettered }),
      // The customer's delivery note for the parcel is read back at once (into finance, its owner).
      pushToCollection(DROP_SHIP_SHIPPED_TOPIC, 'dropShipments', {
        acknowledge: acknowledgeDropShipment,
        deadLettered: dropShipmentDeadLettered,
        ingestAfterDelivery: [{ kind: 'deliveryNotes', key: (receipt) => (typeof receipt.deliveryNumber === 'string' ? receipt.deliveryNumber : '') }],
      }),
    ],
  },
  events: [
    {
      topic: PURCHASE_ORDER_CHANGED_TOPIC,
      description: 'A purchase order was placed, reached the ERP, or a line, its status or its timeline changed (key: the purchase order id).',
      serves: {
        purchaseOrderChanged: { keyArg: 'purchaseOrderId', queryField: 'purchaseOrder', queryArg: 'id', batchQueryField: 'purchaseOrdersByIds', batchQueryArg: 'ids' },
      },
    },
  ],
};

export { SupplierEntity, SupplierProductEntity };
