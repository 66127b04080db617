import { Viewer } from '@hub/auth';
import { badUserInput } from '@hub/errors';
import { EntityManager } from '@mikro-orm/postgresql';
import { requireFinanceCompany } from '../company/company-scope';
import { parsePeriod } from '../period/day.inputs';
import { statementAccounts, StatementAccount } from './statement.ledger';
import { StatementRepository } from './statement.repository';

/** A statement covers at most this many days (ten years): longer ones are a mistake, or an export job. */
export const MAX_STATEMENT_DAYS = 3660;

export interface Statement {
  companyId: string;
  from: string;
  to: string;
  accounts: StatementAccount[];
}

export class StatementService {
  constructor(private readonly em: EntityManager) {}

  /** The period and company of a statement, or the BAD_USER_INPUT / NOT_FOUND it gets (no query runs). */
  check(viewer: Viewer, from: string, to: string, companyId: string | null | undefined): { start: Date; end: Date; company: string } {
    if (!from) throw badUserInput('from is required (YYYY-MM-DD).', 'from');
    if (!to) throw badUserInput('to is required (YYYY-MM-DD).', 'to');
    const { start, end } = parsePeriod(from, to, { from: 'from', to: 'to' });
    if ((end!.getTime() - start!.getTime()) / 86_400_000 > MAX_STATEMENT_DAYS) throw badUserInput(`A statement covers at most ${MAX_STATEMENT_DAYS} days.`, 'to');
    return { start: start!, end: end!, company: requireFinanceCompany(viewer, companyId) };
  }

  /** The company's account from `from` to `to` (days, both included): opening balance, movements with running balance, closing balance. */
  async statement(viewer: Viewer, from: string, to: string, companyId: string | null | undefined): Promise<Statement> {
    const { start, end, company } = this.check(viewer, from, to, companyId);
    const repository = new StatementRepository(this.em);
    const [openings, movements] = await Promise.all([repository.openingBalances(company, start), repository.movements(company, start, end)]);
    return { companyId: company, from, to, accounts: statementAccounts(openings, movements) };
  }
}
