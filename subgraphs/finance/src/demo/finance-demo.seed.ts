import { EntityManager } from '@mikro-orm/postgresql';
import { DemoDataset } from '@hub/demo-data';
import { InvoiceEntity } from '../invoice/invoice.entity';
import { InvoiceStatus } from '../invoice/invoice-status';
import { ReturnReasonEntity } from '../return/return-reason.entity';

/** The demo distributor's return reasons, in the languages of its markets. */
const DEMO_RETURN_REASONS: ReadonlyArray<{ code: string; labels: Readonly<Record<string, string>> }> = [
  { code: 'DEFECTIVE', labels: { en: 'Defective or not working', sv: 'Defekt eller fungerar inte', pl: 'Wadliwy lub niedziałający', es: 'Defectuoso o no funciona', et: 'Defektne või ei tööta' } },
  { code: 'DAMAGED_IN_TRANSIT', labels: { en: 'Damaged in transit', sv: 'Skadad under transport', pl: 'Uszkodzony w transporcie', es: 'Dañado en el transporte', et: 'Transpordil kahjustatud' } },
  { code: 'WRONG_ITEM', labels: { en: 'Wrong item delivered', sv: 'Fel vara levererad', pl: 'Dostarczono niewłaściwy towar', es: 'Artículo equivocado', et: 'Vale toode tarnitud' } },
  { code: 'NOT_NEEDED', labels: { en: 'No longer needed', sv: 'Behövs inte längre', pl: 'Już niepotrzebny', es: 'Ya no se necesita', et: 'Pole enam vaja' } },
  { code: 'OVERDELIVERY', labels: { en: 'More delivered than ordered', sv: 'Mer levererat än beställt', pl: 'Dostarczono więcej niż zamówiono', es: 'Entregado más de lo pedido', et: 'Tarniti rohkem kui telliti' } },
];

export async function seedFinanceDemoData(em: EntityManager, data: DemoDataset): Promise<void> {
  if ((await em.count(ReturnReasonEntity)) === 0) {
    await em.transactional(async (tx) => {
      for (const r of DEMO_RETURN_REASONS) for (const [language, label] of Object.entries(r.labels)) tx.create(ReturnReasonEntity, { code: r.code, language, label });
    });
  }
  if ((await em.count(InvoiceEntity)) > 0) return;
  await em.transactional(async (tx) => {
    for (const i of data.invoices) {
      tx.create(InvoiceEntity, {
        id: i.id,
        number: i.number,
        companyId: i.companyId,
        orderId: i.orderId,
        issuedAt: i.issuedAt,
        dueAt: i.dueAt,
        currency: i.currency,
        total: i.total,
        status: i.status as InvoiceStatus,
        digitallySigned: i.digitallySigned,
      });
    }
  });
}
