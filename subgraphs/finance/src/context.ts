import DataLoader from 'dataloader';
import { BaseContext, createByIdLoader, createGroupLoader } from '@hub/subgraph-kit';
import { InvoiceEntity } from './invoice/invoice.entity';
import { InvoiceService } from './invoice/invoice.service';
import { DeliveryNoteService } from './delivery-note/delivery-note.service';
import { OpenItemService } from './open-item/open-item.service';
import { StatementService } from './statement/statement.service';
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
  };
}

export function buildFinanceContext(base: BaseContext): FinanceContext {
  const ctx = { ...base } as FinanceContext;
  ctx.loaders = {
    invoiceById: createByIdLoader(base.em, InvoiceEntity),
    invoicesByOrderId: createGroupLoader(
      (orderIds: string[]) => ctx.services.invoices.loadVisibleForOrders(orderIds),
      (invoice) => invoice.orderId as string,
    ),
  };
  ctx.services = {
    invoices: new InvoiceService(ctx),
    deliveryNotes: new DeliveryNoteService(base.em, base.viewer),
    openItems: new OpenItemService(base.em),
    statements: new StatementService(base.em),
    yearlyTotals: new YearlyTotalsService(base.em),
  };
  return ctx;
}
