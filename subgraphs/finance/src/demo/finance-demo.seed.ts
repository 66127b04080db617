import { EntityManager } from '@mikro-orm/postgresql';
import { DemoDataset } from '@hub/demo-data';
import { InvoiceEntity } from '../invoice/invoice.entity';
import { InvoiceStatus } from '../invoice/invoice-status';

export async function seedFinanceDemoData(em: EntityManager, data: DemoDataset): Promise<void> {
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
