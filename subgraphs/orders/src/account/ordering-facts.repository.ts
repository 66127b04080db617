import { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared } from '@hub/database';
import { HoldRuleKind } from '../hold/hold-rule.entity';

/** The company's ERP account as the orders subgraph keeps it (see CompanyAccountEntity). */
export interface AccountFacts {
  customerNumber: string;
  currency: string;
  creditLimit: string;
  balance: string;
  blocked: boolean;
  taxRatePercent: string | null;
  deliveryAddressCodes: string[];
}

export interface SettingsFacts {
  requiresApproval: boolean;
  approvalLimit: string | null;
  approvalLimitCurrency: string | null;
}

/** A stored hold rule, as the rules judge it (see HoldRuleEntity). */
export interface HoldRuleFacts {
  id: string;
  kind: HoldRuleKind;
  companyId: string | null;
  enabled: boolean;
  limitAmount: string | null;
  currency: string | null;
  maxOrdersPerDay: number | null;
  deliveryAddressCodes: string[] | null;
}

/** What placing an order of a company needs to know besides its lines: its ERP account, ordering settings and the hold rules for it. */
export interface OrderingFacts {
  /** Null until the ERP's customers were synchronised. */
  account: AccountFacts | null;
  /** Null: the defaults. */
  settings: SettingsFacts | null;
  /** The rules for every company and the company's own. */
  rules: HoldRuleFacts[];
}

/**
 * The facts of the company named by three parameters (its id, three times), as three columns
 * (account, settings, rules): for statements that read them together with what else a request needs.
 */
export const FACTS_COLUMNS = `
  (select json_build_object('customerNumber', a.customer_number, 'currency', a.currency, 'creditLimit', a.credit_limit::text, 'balance', a.balance::text,
          'blocked', a.blocked, 'taxRatePercent', a.tax_rate_percent::text, 'deliveryAddressCodes', a.delivery_address_codes)
     from orders.company_account a where a.company_id = ?) as account,
  (select json_build_object('requiresApproval', s.requires_approval, 'approvalLimit', s.approval_limit::text, 'approvalLimitCurrency', s.approval_limit_currency)
     from orders.ordering_settings s where s.company_id = ?) as settings,
  (select coalesce(json_agg(json_build_object('id', r.id, 'kind', r.kind, 'companyId', r.company_id, 'enabled', r.enabled, 'limitAmount', r.limit_amount::text,
          'currency', r.currency, 'maxOrdersPerDay', r.max_orders_per_day, 'deliveryAddressCodes', r.delivery_address_codes)), '[]'::json)
     from orders.hold_rule r where r.company_id is null or r.company_id = ?) as rules`;

export type FactsRow = { account: AccountFacts | null; settings: SettingsFacts | null; rules: HoldRuleFacts[] };

export function factsFromRow(row: FactsRow): OrderingFacts {
  return { account: row.account, settings: row.settings, rules: row.rules };
}

/** The ordering facts of a company in one statement (a prepared one outside transactions). */
export class OrderingFactsRepository {
  constructor(private readonly em: EntityManager) {}

  async factsOf(companyId: string): Promise<OrderingFacts> {
    const [row] = await executePrepared<FactsRow>(this.em, `select ${FACTS_COLUMNS}`, [companyId, companyId, companyId]);
    return factsFromRow(row);
  }
}

/** The facts of the viewer's company, read at most once per request. */
export class OrderingFactsService {
  private readonly byCompany = new Map<string, Promise<OrderingFacts>>();

  constructor(private readonly facts: OrderingFactsRepository) {}

  /** Facts this request read together with something else. */
  prime(companyId: string, facts: OrderingFacts): void {
    this.byCompany.set(companyId, Promise.resolve(facts));
  }

  of(companyId: string): Promise<OrderingFacts> {
    let facts = this.byCompany.get(companyId);
    if (!facts) this.byCompany.set(companyId, (facts = this.facts.factsOf(companyId)));
    return facts;
  }

  async taxRateOf(companyId: string): Promise<string | null> {
    return (await this.of(companyId)).account?.taxRatePercent ?? null;
  }
}
