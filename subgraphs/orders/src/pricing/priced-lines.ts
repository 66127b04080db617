import { badUserInput, forbidden, HubError } from '@hub/errors';
import { Decimal } from '@hub/money';
import { BrokenConfigurationRule, PricedLine, PricingResult } from './order-pricing.client';

/** A line that can be ordered as asked: available to the viewer, at least its minimum, with the viewer's price. */
export interface OrderableLine extends PricedLine {
  unitPrice: Decimal;
  currency: string;
}

/**
 * The priced lines of an order or quote, all of which must be orderable: a product the viewer
 * cannot buy (unknown, not in its assortment, discontinued) or a quantity below its minimum is a
 * BAD_USER_INPUT on that line's field; no price (no prices.view) is FORBIDDEN; all in one currency.
 */
export function requireOrderable(result: PricingResult, field: (index: number, part: 'product' | 'quantity') => string, label: (index: number) => string): OrderableLine[] {
  const lines = result.lines.map((line, i): OrderableLine => {
    if (!line && result.statuses[i] === 'INVALID_CONFIGURATION') throw invalidConfiguration(result.skus?.[i] ?? label(i), result.brokenRules?.[i] ?? [], field(i, 'product'));
    if (!line) throw badUserInput(`${label(i)} cannot be ordered: it does not exist, is not sold to your company or is no longer sold.`, field(i, 'product'));
    if (new Decimal(line.quantity).lt(line.minOrderQuantity)) {
      throw badUserInput(`${line.sku} is sold in quantities of at least ${line.minOrderQuantity.toFixed()} (${line.unit}).`, field(i, 'quantity'));
    }
    if (!line.unitPrice || !line.currency) throw forbidden('You need the "prices.view" permission to order.');
    return line as OrderableLine;
  });
  if (lines.some((l) => l.currency !== lines[0].currency)) throw badUserInput('All lines of an order must be in one currency.', 'lines');
  return lines;
}

/**
 * A configured product whose options break the ERP's rules: BAD_USER_INPUT naming the first broken
 * rule in the message and carrying every one (code, option, ruleCode, text) in `extensions.brokenRules`.
 */
export function invalidConfiguration(label: string, rules: readonly BrokenConfigurationRule[], field: string): HubError {
  const first = rules[0]?.text ?? 'the configuration breaks a rule.';
  return new HubError('BAD_USER_INPUT', `${label} cannot be built as configured: ${first}`, { field, brokenRules: rules.map((r) => ({ code: r.code, option: r.option, ruleCode: r.ruleCode, text: r.text })) });
}
