import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { FinanceContext } from '../context';
import { CreditNoteObject } from '../credit-note/credit-note.object';
import { DeliveryNoteObject } from '../delivery-note/delivery-note.object';
import { InvoiceObject } from '../invoice/invoice.object';
import { OrderReference } from '../order/order-reference.object';

const LINK = 'A short-lived link (minutes) to the document as the ERP printed it, for you only: GET it with your Authorization header.';
const STAMPED = 'Stamped "DUPLICATE" on every page unless digitally signed, then the signed original byte for byte.';

/** Nullable: without invoices.view the FORBIDDEN error nulls the link only. */
@Resolver(() => InvoiceObject)
export class InvoiceDocumentResolver {
  @FieldResolver(() => String, { nullable: true, description: `${LINK} ${STAMPED} Needs invoices.view.` })
  pdfUrl(@Root() invoice: InvoiceObject, @Ctx() ctx: FinanceContext): Promise<string> {
    return ctx.services.documents.linkTo({ k: 'invoice', id: invoice.id });
  }
}

@Resolver(() => DeliveryNoteObject)
export class DeliveryNoteDocumentResolver {
  @FieldResolver(() => String, { nullable: true, description: `${LINK} Stamped "DUPLICATE" on every page. Needs invoices.view.` })
  pdfUrl(@Root() note: DeliveryNoteObject, @Ctx() ctx: FinanceContext): Promise<string> {
    return ctx.services.documents.linkTo({ k: 'deliveryNote', id: note.id });
  }
}

@Resolver(() => CreditNoteObject)
export class CreditNoteDocumentResolver {
  @FieldResolver(() => String, { nullable: true, description: `${LINK} ${STAMPED} Needs invoices.view.` })
  pdfUrl(@Root() note: CreditNoteObject, @Ctx() ctx: FinanceContext): Promise<string> {
    return ctx.services.documents.linkTo({ k: 'creditNote', n: note.number });
  }
}

/** Finance serves the ERP's documents, order confirmations included; the orders subgraph vouches for the order's ERP number and company. */
@Resolver(() => OrderReference)
export class OrderConfirmationDocumentResolver {
  @Directive('@requires(fields: "erpNumber company { id }")')
  @FieldResolver(() => String, { nullable: true, description: `${LINK} Stamped "DUPLICATE" on every page; null until the ERP has the order. Needs invoices.view.` })
  confirmationPdfUrl(@Root() order: OrderReference, @Ctx() ctx: FinanceContext): Promise<string | null> {
    return ctx.services.documents.confirmationLink({ id: order.id, erpNumber: order.erpNumber ?? null, companyId: order.company?.id ?? null });
  }
}
