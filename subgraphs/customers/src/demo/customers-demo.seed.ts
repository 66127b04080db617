import { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '@hub/auth';
import { DemoDataset } from '@hub/demo-data';
import { CompanyEntity } from '../company/company.entity';
import { UserEntity } from '../user/user.entity';
import { UserKind } from '../user/user-kind';

export async function seedCustomersDemoData(em: EntityManager, data: DemoDataset): Promise<void> {
  if ((await em.count(CompanyEntity)) > 0) return;
  // All demo users share one password, so hash it once rather than once per user.
  const hashes = new Map<string, string>();
  for (const password of new Set(data.users.map((u) => u.password))) hashes.set(password, await hashPassword(password));
  await em.transactional(async (tx) => {
    const companies = new Map<string, CompanyEntity>();
    for (const c of data.companies) {
      const company = tx.create(CompanyEntity, { id: c.id, erpNumber: c.erpNumber, name: c.name, currency: c.currency, country: c.country });
      companies.set(c.id, company);
    }
    for (const u of data.users) {
      tx.create(UserEntity, {
        id: u.id,
        email: u.email,
        name: u.name,
        passwordHash: hashes.get(u.password)!,
        kind: u.kind as UserKind,
        company: u.companyId ? companies.get(u.companyId)! : null,
        supplierId: u.supplierId,
        permissions: u.permissions,
      });
    }
  });
}
