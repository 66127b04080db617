import { EntityManager } from '@mikro-orm/postgresql';
import { CompanyCreditEntity } from './company-credit.entity';

/** The company's ERP credit state and tax rate (the orders subgraph's copy), read at most once per request. */
export class CompanyCreditService {
  private readonly byCompany = new Map<string, Promise<CompanyCreditEntity | null>>();

  constructor(private readonly em: EntityManager) {}

  of(companyId: string): Promise<CompanyCreditEntity | null> {
    let credit = this.byCompany.get(companyId);
    if (!credit) this.byCompany.set(companyId, (credit = this.em.findOne(CompanyCreditEntity, { companyId })));
    return credit;
  }

  /** The tax rate the ERP charges the company, in percent; null when it gives none. */
  async taxRateOf(companyId: string): Promise<string | null> {
    return (await this.of(companyId))?.taxRatePercent ?? null;
  }
}
