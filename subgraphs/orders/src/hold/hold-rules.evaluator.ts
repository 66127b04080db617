import { Decimal } from '@hub/money';
import { HoldReason } from '../order/order.entity';
import { HoldRuleFacts } from '../account/ordering-facts.repository';
import { HoldRuleKind } from './hold-rule.entity';

/** The rules that apply when none is stored for a kind: blocked accounts and credit limits are enforced (F6), the rest are off. */
export const DEFAULT_ENABLED_KINDS: readonly HoldRuleKind[] = [HoldRuleKind.ACCOUNT_BLOCKED, HoldRuleKind.CREDIT_LIMIT];

/** A rule as it applies to one company: stored (for the company or for every company), or a default. */
export interface EffectiveRule {
  kind: HoldRuleKind;
  ruleId: string | null;
  limitAmount: string | null;
  currency: string | null;
  maxOrdersPerDay: number | null;
  deliveryAddressCodes: string[] | null;
}

/**
 * The enabled rules for a company, one per kind: the company's own rule of a kind replaces the one
 * for every company (a disabled one switches the kind off for it); kinds without any stored rule take
 * the default.
 */
export function effectiveRules(rules: readonly HoldRuleFacts[], companyId: string): EffectiveRule[] {
  const out: EffectiveRule[] = [];
  for (const kind of Object.values(HoldRuleKind)) {
    const rule = rules.find((r) => r.kind === kind && r.companyId === companyId) ?? rules.find((r) => r.kind === kind && r.companyId === null);
    if (rule ? !rule.enabled : !DEFAULT_ENABLED_KINDS.includes(kind)) continue;
    out.push({
      kind,
      ruleId: rule?.id ?? null,
      limitAmount: rule?.limitAmount ?? null,
      currency: rule?.currency ?? null,
      maxOrdersPerDay: rule?.maxOrdersPerDay ?? null,
      deliveryAddressCodes: rule?.deliveryAddressCodes ?? null,
    });
  }
  return out;
}

/** What the rules look at for one order. */
export interface HoldFacts {
  currency: string;
  /** Before tax. */
  net: Decimal;
  /** With tax (the net value when the ERP gives no tax rate). */
  gross: Decimal;
  deliveryAddressCode: string | null;
  /** The ERP's credit state of the company; null when the ERP has not sent it yet (the credit rules cannot judge then). */
  credit: { blocked: boolean; creditLimit: Decimal; balance: Decimal; currency: string } | null;
  /** What the company's other orders not yet invoiced are worth, with tax, in the credit currency. */
  openOrders: Decimal;
  /** The company's other orders placed today. */
  ordersToday: number;
}

const money = (amount: Decimal, currency: string) => `${amount.toFixed(2)} ${currency}`;

/** Why the rules hold this order, one reason per rule that holds it; none: it may go to the ERP. */
export function holdReasons(rules: readonly EffectiveRule[], facts: HoldFacts): HoldReason[] {
  const reasons: HoldReason[] = [];
  const hold = (rule: EffectiveRule, message: string) => reasons.push({ kind: rule.kind, message, ruleId: rule.ruleId });
  for (const rule of rules) {
    switch (rule.kind) {
      case HoldRuleKind.ACCOUNT_BLOCKED:
        if (facts.credit?.blocked) hold(rule, 'The account is blocked in the ERP.');
        break;
      case HoldRuleKind.CREDIT_LIMIT: {
        const credit = facts.credit;
        if (!credit || credit.currency !== facts.currency) break;
        const exposure = credit.balance.plus(facts.openOrders).plus(facts.gross);
        if (exposure.gt(credit.creditLimit)) {
          hold(
            rule,
            `Credit limit ${money(credit.creditLimit, credit.currency)} exceeded: balance ${money(credit.balance, credit.currency)} + orders not yet invoiced ` +
              `${money(facts.openOrders, credit.currency)} + this order ${money(facts.gross, credit.currency)} = ${money(exposure, credit.currency)}.`,
          );
        }
        break;
      }
      case HoldRuleKind.ORDER_VALUE:
        if (rule.limitAmount !== null && rule.currency === facts.currency && facts.net.gt(rule.limitAmount)) {
          hold(rule, `The order value ${money(facts.net, facts.currency)} is above the limit of ${money(new Decimal(rule.limitAmount), facts.currency)}.`);
        }
        break;
      case HoldRuleKind.DELIVERY_ADDRESS:
        if (facts.deliveryAddressCode && (rule.deliveryAddressCodes ?? []).includes(facts.deliveryAddressCode)) {
          hold(rule, `Orders to delivery address ${facts.deliveryAddressCode} are reviewed before they go to the ERP.`);
        }
        break;
      case HoldRuleKind.DAILY_ORDER_COUNT:
        if (rule.maxOrdersPerDay !== null && facts.ordersToday + 1 > rule.maxOrdersPerDay) {
          hold(rule, `This is order ${facts.ordersToday + 1} of the company today; more than ${rule.maxOrdersPerDay} a day are reviewed.`);
        }
        break;
    }
  }
  return reasons;
}

/** Whether the rules need the company's open orders (credit) or today's order count, which cost a query each. */
export function needsFacts(rules: readonly EffectiveRule[]): { openOrders: boolean; ordersToday: boolean } {
  return { openOrders: rules.some((r) => r.kind === HoldRuleKind.CREDIT_LIMIT), ordersToday: rules.some((r) => r.kind === HoldRuleKind.DAILY_ORDER_COUNT) };
}
