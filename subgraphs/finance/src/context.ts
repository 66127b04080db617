import DataLoader from 'dataloader';
import { DEFAULT_FILE_LINK_TTL_SECONDS } from '@hub/auth';
import { BaseContext, createByIdLoader, createGroupLoader, FileLinks, fileLinkOrigin, fileLinkTtlSeconds, SubgraphRuntime } from '@hub/subgraph-kit';
import { InvoiceEntity } from './invoice/invoice.entity';
import { InvoiceService } from './invoice/invoice.service';
import { DeliveryNoteService } from './delivery-note/delivery-note.service';
import { OpenItemService } from './open-item/open-item.service';
import { InvoiceExportService } from './invoice-export/invoice-export.service';
import { StatementService } from './statement/statement.service';
import { StatementExportService } from './statement/statement-export.service';
import { YearlyTotalsService } from './yearly-totals/yearly-totals.service';

export interface FinanceContext extends BaseContext {
  loaders: {
    invoiceById: DataLoader<string, InvoiceEntity | null>;
    /** Only the invoices the viewer may see (the tenant filter is part of the batch query). */
    invoicesByOrderId: DataLoader<string, InvoiceEntity[]>;
  };
  services: {
    invoices: InvoiceService;
    deliveryNotes: DeliveryNoteService;
    openItems: OpenItemService;
    statements: StatementService;
    yearlyTotals: YearlyTotalsService;
    invoiceExports: InvoiceExportService;
    statementExports: StatementExportService;
  };
}

/** Links to this subgraph's files, made once per runtime (null without one: specs that build a context by hand). */
const linksByRuntime = new WeakMap<SubgraphRuntime, FileLinks>();
function fileLinksOf(runtime: SubgraphRuntime | undefined): FileLinks | null {
  if (!runtime) return null;
  let links = linksByRuntime.get(runtime);
  if (!links) linksByRuntime.set(runtime, (links = new FileLinks('finance', runtime.secrets, fileLinkOrigin(runtime.gatewayUrl), fileLinkTtlSeconds())));
  return links;
}

export function buildFinanceContext(base: BaseContext, runtime?: SubgraphRuntime): FinanceContext {
  const ctx = { ...base } as FinanceContext;
  ctx.loaders = {
    invoiceById: createByIdLoader(base.em, InvoiceEntity),
    invoicesByOrderId: createGroupLoader(
      (orderIds: string[]) => ctx.services.invoices.loadVisibleForOrders(orderIds),
      (invoice) => invoice.orderId as string,
    ),
  };
  const statements = new StatementService(base.em);
  const links = fileLinksOf(runtime);
  const ttl = fileLinkTtlSeconds() ?? DEFAULT_FILE_LINK_TTL_SECONDS;
  ctx.services = {
    invoices: new InvoiceService(ctx),
    deliveryNotes: new DeliveryNoteService(base.em, base.viewer),
    openItems: new OpenItemService(base.em),
    statements,
    yearlyTotals: new YearlyTotalsService(base.em),
    invoiceExports: new InvoiceExportService(base.em, links, ttl),
    statementExports: new StatementExportService(statements, links, ttl),
  };
  return ctx;
}
