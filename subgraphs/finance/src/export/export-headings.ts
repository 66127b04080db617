import { badUserInput } from '@hub/errors';

/** The languages of the hub's markets (the seeds' own): English, Spanish, Polish, Swedish. */
export const EXPORT_LANGUAGES = ['en', 'es', 'pl', 'sv'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

export interface ExportHeadings {
  title: string;
  number: string;
  issued: string;
  due: string;
  order: string;
  status: string;
  net: string;
  tax: string;
  total: string;
  open: string;
  currency: string;
  statuses: { OPEN: string; PAID: string };
  totals: string;
  page: string;
  generated: string;
  statement: {
    title: string;
    date: string;
    kind: string;
    document: string;
    invoice: string;
    amount: string;
    balance: string;
    opening: string;
    closing: string;
    kinds: { INVOICE: string; CREDIT_NOTE: string; PAYMENT: string };
  };
}

const HEADINGS: Record<ExportLanguage, ExportHeadings> = {
  en: {
    title: 'Invoices', number: 'Number', issued: 'Issued', due: 'Due', order: 'Order', status: 'Status', net: 'Net', tax: 'Tax', total: 'Total', open: 'Open amount',
    currency: 'Currency', statuses: { OPEN: 'Open', PAID: 'Paid' }, totals: 'Total', page: 'Page', generated: 'Generated',
    statement: {
      title: 'Account statement', date: 'Date', kind: 'Type', document: 'Document', invoice: 'Invoice', amount: 'Amount', balance: 'Balance',
      opening: 'Opening balance', closing: 'Closing balance', kinds: { INVOICE: 'Invoice', CREDIT_NOTE: 'Credit note', PAYMENT: 'Payment' },
    },
  },
  es: {
    title: 'Facturas', number: 'Número', issued: 'Fecha', due: 'Vencimiento', order: 'Pedido', status: 'Estado', net: 'Base imponible', tax: 'IVA', total: 'Total',
    open: 'Pendiente', currency: 'Moneda', statuses: { OPEN: 'Pendiente', PAID: 'Pagada' }, totals: 'Total', page: 'Página', generated: 'Generado',
    statement: {
      title: 'Extracto de cuenta', date: 'Fecha', kind: 'Tipo', document: 'Documento', invoice: 'Factura', amount: 'Importe', balance: 'Saldo',
      opening: 'Saldo inicial', closing: 'Saldo final', kinds: { INVOICE: 'Factura', CREDIT_NOTE: 'Abono', PAYMENT: 'Cobro' },
    },
  },
  pl: {
    title: 'Faktury', number: 'Numer', issued: 'Data wystawienia', due: 'Termin płatności', order: 'Zamówienie', status: 'Status', net: 'Netto', tax: 'VAT', total: 'Brutto',
    open: 'Do zapłaty', currency: 'Waluta', statuses: { OPEN: 'Otwarta', PAID: 'Zapłacona' }, totals: 'Razem', page: 'Strona', generated: 'Wygenerowano',
    statement: {
      title: 'Wyciąg z konta', date: 'Data', kind: 'Rodzaj', document: 'Dokument', invoice: 'Faktura', amount: 'Kwota', balance: 'Saldo',
      opening: 'Saldo początkowe', closing: 'Saldo końcowe', kinds: { INVOICE: 'Faktura', CREDIT_NOTE: 'Korekta', PAYMENT: 'Wpłata' },
    },
  },
  sv: {
    title: 'Fakturor', number: 'Nummer', issued: 'Fakturadatum', due: 'Förfallodatum', order: 'Order', status: 'Status', net: 'Netto', tax: 'Moms', total: 'Totalt',
    open: 'Att betala', currency: 'Valuta', statuses: { OPEN: 'Obetald', PAID: 'Betald' }, totals: 'Summa', page: 'Sida', generated: 'Skapad',
    statement: {
      title: 'Kontoutdrag', date: 'Datum', kind: 'Typ', document: 'Dokument', invoice: 'Faktura', amount: 'Belopp', balance: 'Saldo',
      opening: 'Ingående saldo', closing: 'Utgående saldo', kinds: { INVOICE: 'Faktura', CREDIT_NOTE: 'Kreditnota', PAYMENT: 'Betalning' },
    },
  },
};

/** The export's language: one the hub has headings in ("es", "es-ES"), else BAD_USER_INPUT; none given: English. */
export function exportLanguage(value: string | null | undefined): ExportLanguage {
  if (value === null || value === undefined || value === '') return 'en';
  const primary = value.toLowerCase().split(/[-_]/)[0];
  if (!(EXPORT_LANGUAGES as readonly string[]).includes(primary)) throw badUserInput(`language must be one of ${EXPORT_LANGUAGES.join(', ')}.`, 'language');
  return primary as ExportLanguage;
}

/** The language asked for (checked as exportLanguage), else the first of the viewer's languages the hub has headings in, else English. */
export async function exportLanguageFor(value: string | null | undefined, viewerLanguages: () => Promise<readonly string[]>): Promise<ExportLanguage> {
  if (value !== null && value !== undefined && value !== '') return exportLanguage(value);
  const preferred = (await viewerLanguages()).find((l) => (EXPORT_LANGUAGES as readonly string[]).includes(l));
  return (preferred as ExportLanguage | undefined) ?? 'en';
}

export function headingsIn(language: ExportLanguage): ExportHeadings {
  return HEADINGS[language];
}
