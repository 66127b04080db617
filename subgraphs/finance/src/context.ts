import { fetchExportBranding } from './export/export-branding';
import DataLoader from 'dataloader';
import { DEFAULT_FILE_LINK_TTL_SECONDS } from '@hub/auth';
import { BaseContext, createByIdLoader, createGroupLoader, declarationsPool, FileLinks, fileLinkOrigin, fileLinkTtlSeconds, SubgraphRuntime, ViewerTexts } from '@hub/subgraph-kit';
import { DeliveryNoteEntity } from './delivery-note/delivery-note.entity';
import { DocumentService } from './document/document.service';
import { CreditNoteEntity } from './credit-note/credit-note.entity';
import { CreditNoteService } from './credit-note/credit-note.service';
import { DocumentStoreRepository } from './document/document-store.repository';
import { CachedDocumentStore, DocumentCache } from './document/cached-document-store';
import { InvoiceEntity } from './invoice/invoice.entity';
import { InvoiceService } from './invoice/invoice.service';
import { DeliveryNoteService } from './delivery-note/delivery-note.service';
import { OpenItemService } from './open-item/open-item.service';
import { InvoiceExportService } from './invoice-export/invoice-export.service';
import { INVOICE_STATUS_TEXTS } from './invoice/invoice-status-texts';
import { StatementService } from './statement/statement.service';
import { StatementExportService } from './statement/statement-export.service';
import { YearlyTotalsService } from './yearly-totals/yearly-totals.service';
import { ReturnService } from './return/return.service';
import { DebtCollectionService } from './debt-collection/debt-collection.service';
import { ShipmentService } from './shipment/shipment.service';
import { WarrantyService } from './warranty/warranty.service';
import { PaymentService } from './payment/payment.service';
import { paymentProviderSettings } from './payment/payment-provider';

export interface FinanceContext extends BaseContext {
  loaders: {
    invoiceById: DataLoader<string, InvoiceEntity | null>;
    /** Only the invoices the viewer may see (the tenant filter is part of the batch query). */
    invoicesByOrderId: DataLoader<string, InvoiceEntity[]>;
  };
  services: {
    invoices: InvoiceService;
    deliveryNotes: DeliveryNoteService;
    creditNotes: CreditNoteService;
    documents: DocumentService;
    openItems: OpenItemService;
    statements: StatementService;
    yearlyTotals: YearlyTotalsService;
    invoiceExports: InvoiceExportService;
    statementExports: StatementExportService;
    returns: ReturnService;
    texts: ViewerTexts;
    debtCollection: DebtCollectionService;
    shipments: ShipmentService;
    warranty: WarrantyService;
    payments: PaymentService;
  };
}

/** The documents this process served lately (HUB_DOCUMENT_CACHE_MB, default 64; 0 turns it off). */
const documentCache = new DocumentCache(Number(process.env.HUB_DOCUMENT_CACHE_MB ?? 64) * 1024 * 1024);

/** One link issuer per runtime: links point at the gateway (or HUB_PUBLIC_URL). */
const linkIssuers = new WeakMap<SubgraphRuntime, FileLinks>();
function fileLinks(runtime: SubgraphRuntime): FileLinks {
  let links = linkIssuers.get(runtime);
  if (!links) linkIssuers.set(runtime, (links = new FileLinks('finance', runtime.secrets, fileLinkOrigin(runtime.gatewayUrl), fileLinkTtlSeconds())));
  return links;
}

export function buildFinanceContext(base: BaseContext, runtime: SubgraphRuntime): FinanceContext {
  const ctx = { ...base } as FinanceContext;
  ctx.loaders = {
    invoiceById: createByIdLoader(base.em, InvoiceEntity),
    invoicesByOrderId: createGroupLoader(
      (orderIds: string[]) => ctx.services.invoices.loadVisibleForOrders(orderIds),
      (invoice) => invoice.orderId as string,
    ),
  };
  const records = {
    invoice: (id: string) => ctx.loaders.invoiceById.load(id),
    deliveryNote: (id: string) => base.em.findOne(DeliveryNoteEntity, { id }),
    creditNote: (number: string) => base.em.findOne(CreditNoteEntity, { number }),
  };
  const statements = new StatementService(base.em);
  const links = fileLinks(runtime);
  const ttl = fileLinkTtlSeconds() ?? DEFAULT_FILE_LINK_TTL_SECONDS;
  const branding = () => fetchExportBranding(runtime.gatewayUrl());
  const texts = new ViewerTexts(runtime, base.viewer, base.acceptLanguage);
  ctx.services = {
    invoices: new InvoiceService(ctx),
    deliveryNotes: new DeliveryNoteService(base.em, base.viewer),
    creditNotes: new CreditNoteService(base.em, base.viewer),
    documents: new DocumentService(base.viewer, records, documentCache.maxBytes > 0 ? new CachedDocumentStore(new DocumentStoreRepository(base.em), documentCache) : new DocumentStoreRepository(base.em), () => runtime.erp?.() ?? null, links),
    openItems: new OpenItemService(base.em),
    statements,
    yearlyTotals: new YearlyTotalsService(base.em),
    invoiceExports: new InvoiceExportService(base.em, links, ttl, undefined, branding, () => texts.languages(), () => texts.overrides(INVOICE_STATUS_TEXTS)),
    statementExports: new StatementExportService(statements, links, ttl, undefined, branding, () => texts.languages()),
    texts,
    returns: new ReturnService(base.em, base.viewer, links, texts, () => runtime.erp?.() ?? null, branding),
    debtCollection: new DebtCollectionService(base.em, { pool: () => declarationsPool(runtime.databaseUrl), directory: runtime.modules.find((m) => m.debtorDetails)?.debtorDetails ?? null }, links, ttl),
    shipments: new ShipmentService(base.em, base.viewer),
    warranty: new WarrantyService(base.em, base.viewer, () => runtime.erp?.() ?? null),
    payments: new PaymentService(base.em, base.viewer, runtime.secrets, () => paymentProviderSettings().provider),
  };
  return ctx;
}
