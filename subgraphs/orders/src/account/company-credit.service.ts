import { EntityManager } from '@mikro-orm/postgresql';
import { canSeeCompany, requirePermission, Viewer } from '@hub/auth';
import { notFound } from '@hub/errors';
import { Decimal } from '@hub/money';
import { HoldRuleRepository } from '../hold/hold-rule.repository';
import { effectiveRules, holdReasons } from '../hold/hold-rules.evaluator';
import { HoldRuleKind } from '../hold/hold-rule.entity';
import { OrderingFactsService } from './ordering-facts.repository';

/** The credit rules of the hold rules: what Company.credit reports on. */
const CREDIT_KINDS: readonly HoldRuleKind[] = [HoldRuleKind.ACCOUNT_BLOCKED, HoldRuleKind.CREDIT_LIMIT];

export interface CompanyCredit {
  currency: string;
  limit: Decimal;
  balance: Decimal;
  /** The company's orders not yet invoiced, with tax. */
  openOrders: Decimal;
  /** What the company may still order before the credit limit holds it (never below zero). */
  available: Decimal;
  /** Whether the next order would be held for credit: the account is blocked or the limit is used up. */
  blocked: boolean;
  /** The hold rules' own words, when blocked. */
  reason: string | null;
}

/**
 * A company's credit (F6) as placing an order judges it: the ERP's limit, balance and block from
 * the company's ordering facts, plus the orders not yet invoiced, through the same repository call
 * and the same rule evaluation the order workflow uses; only the order itself is left out.
 */
export class CompanyCreditService {
  constructor(
    private readonly em: EntityManager,
    private readonly facts: OrderingFactsService,
  ) {}

  /** Null until the ERP's customers were synchronised. */
  async creditOf(viewer: Viewer | null, companyId: string): Promise<CompanyCredit | null> {
    const v = requirePermission(viewer, 'invoices.view');
    if (!canSeeCompany(v, companyId)) throw notFound('Company', companyId);
    const facts = await this.facts.of(companyId);
    const account = facts.account;
    if (!account) return null;
    const limit = new Decimal(account.creditLimit);
    const balance = new Decimal(account.balance);
    const openOrders = await new HoldRuleRepository(this.em).openOrdersValue(companyId, account.currency, account.taxRatePercent, null);
    const rules = effectiveRules(facts.rules, companyId).filter((r) => CREDIT_KINDS.includes(r.kind));
    const zero = new Decimal(0);
    // An order of nothing: what holds it is the account itself.
    const reasons = holdReasons(rules, {
      currency: account.currency, net: zero, gross: zero, deliveryAddressCode: null,
      credit: { blocked: account.blocked, creditLimit: limit, balance, currency: account.currency }, openOrders, ordersToday: 0,
    });
    const creditRuleOn = rules.some((r) => r.kind === HoldRuleKind.CREDIT_LIMIT);
    const available = Decimal.max(0, limit.minus(balance).minus(openOrders));
    // The limit used up exactly also holds the next order, however small.
    const exhausted = creditRuleOn && available.isZero() && reasons.every((r) => r.kind !== HoldRuleKind.CREDIT_LIMIT);
    const messages = reasons.map((r) => r.message);
    if (exhausted) messages.push(`The credit limit ${limit.toFixed(2)} ${account.currency} is used up.`);
    return { currency: account.currency, limit, balance, openOrders, available, blocked: messages.length > 0, reason: messages.length ? messages.join(' ') : null };
  }
}
