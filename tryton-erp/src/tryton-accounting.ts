/** A JSON-RPC session with trytond (the integrator's TrytonJsonRpc fits; structural, so this package needs no integrator). */
export interface TrytonCaller {
  call<T = any>(method: string, params: unknown[], writes?: boolean): Promise<T>;
}

/** The seeded company (id 1): company-dependent values are read and written for it. */
const COMPANY = { company: 1, companies: [1] };

const decimal = (value: string) => ({ __class__: 'Decimal', decimal: value });
const date = (iso: string) => ({ __class__: 'date', year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) });

/**
 * What Tryton's accountant does in its client's Pay wizard (account.invoice.pay): the customer
 * paid all that is open on the invoice by bank transfer today; Tryton books the payment move and
 * reconciles it with the invoice, which becomes paid.
 */
export async function payTrytonInvoice(tryton: TrytonCaller, invoiceNumber: string, paidOn = new Date().toISOString().slice(0, 10)): Promise<void> {
  const [invoice] = await tryton.call('model.account.invoice.search_read', [[['number', '=', invoiceNumber]], 0, 1, null, ['amount_to_pay', 'currency', 'state'], COMPANY]);
  if (!invoice) throw new Error(`Tryton has no invoice ${invoiceNumber}`);
  if (invoice.state !== 'posted') throw new Error(`Tryton invoice ${invoiceNumber} is ${invoice.state}, not posted`);
  const [method] = await tryton.call('model.account.invoice.payment.method.search_read', [[['name', '=', 'Bank transfer']], 0, 1, null, ['id'], COMPANY]);
  const context = { ...COMPANY, active_model: 'account.invoice', active_id: invoice.id, active_ids: [invoice.id] };
  const [session] = await tryton.call<[number, string, string]>('wizard.account.invoice.pay.create', [context], true);
  try {
    const start = {
      amount: decimal(String(invoice.amount_to_pay)), currency: invoice.currency, description: `Bank transfer ${invoiceNumber}`,
      payment_method: method.id, date: date(paidOn),
    };
    // OK on the start form: a payment of all that is open goes straight to booking and reconciling.
    await tryton.call('wizard.account.invoice.pay.execute', [session, { start }, 'choice', context], true);
  } finally {
    await tryton.call('wizard.account.invoice.pay.delete', [session, context], true);
  }
}

/**
 * Invoices a sale in Tryton as its accountant would: a customer invoice for the sale's lines (each
 * pointing at its sale line, so Tryton links invoice and sale), dated `issuedOn`, posted. Gives
 * the invoice's number.
 */
export async function postTrytonInvoiceForSale(tryton: TrytonCaller, saleNumber: string, issuedOn = new Date().toISOString().slice(0, 10)): Promise<string> {
  const [sale] = await tryton.call('model.sale.sale.search_read', [[['number', '=', saleNumber]], 0, 1, null, ['party', 'invoice_address', 'currency', 'description'], COMPANY]);
  if (!sale) throw new Error(`Tryton has no sale ${saleNumber}`);
  const lines = await tryton.call('model.sale.line.search_read', [[['sale', '=', sale.id], ['type', '=', 'line']], 0, null, null, ['product', 'description', 'quantity', 'unit', 'unit_price', 'product.account_category'], COMPANY]);
  const [category] = await tryton.call('model.product.category.read', [[lines[0]['product.'].account_category], ['account_revenue', 'customer_taxes'], COMPANY]);
  const [journal] = await tryton.call('model.account.journal.search_read', [[['code', '=', 'REV']], 0, 1, null, ['id'], COMPANY]);
  const [receivable] = await tryton.call('model.account.account.search_read', [[['type.receivable', '=', true]], 0, 1, null, ['id'], COMPANY]);
  const [term] = await tryton.call('model.account.invoice.payment_term.search_read', [[], 0, 1, null, ['id'], COMPANY]);
  const values = {
    company: 1, type: 'out', party: sale.party, invoice_address: sale.invoice_address, currency: sale.currency, journal: journal.id,
    account: receivable.id, payment_term: term.id, invoice_date: date(issuedOn), description: sale.description,
    lines: [['create', lines.map((l: any) => ({
      type: 'line', product: l.product, description: l.description, quantity: l.quantity, unit: l.unit, unit_price: decimal(String(l.unit_price)),
      account: category.account_revenue, taxes: [['add', category.customer_taxes]], origin: `sale.line,${l.id}`,
    }))]],
  };
  const [id] = await tryton.call<number[]>('model.account.invoice.create', [[values], COMPANY], true);
  await tryton.call('model.account.invoice.post', [[id], COMPANY], true);
  const [posted] = await tryton.call('model.account.invoice.read', [[id], ['number', 'state'], COMPANY]);
  if (posted.state !== 'posted') throw new Error(`Tryton invoice ${id} is ${posted.state} after posting`);
  return posted.number as string;
}
