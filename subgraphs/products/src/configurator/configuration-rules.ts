import { Decimal } from '@hub/money';
import { ConfigurationOption, ConfigurationRule } from './product-configuration.entity';

/** One option as a customer chose it: its code and value (a choice's code, or a dimension's number). */
export interface ChosenOption {
  code: string;
  value: string;
}

/** What the rules need of a configuration (a ProductConfigurationEntity fits). */
export interface ConfigurationData {
  options: ConfigurationOption[];
  rules: ConfigurationRule[];
  area: { width: string; height: string } | null;
  pricePerSquareMetre: string | null;
}

/**
 * Why a configuration cannot be built: an option the product does not have or given twice, a
 * required one left out, a value it does not offer, a dimension that is no number, outside its
 * range or off its step, or a combination the ERP's rules forbid (REQUIRES, EXCLUDES).
 */
export type BrokenRuleCode = 'UNKNOWN_OPTION' | 'DUPLICATE_OPTION' | 'MISSING_OPTION' | 'UNKNOWN_VALUE' | 'NOT_A_NUMBER' | 'OUT_OF_RANGE' | 'OFF_STEP' | 'REQUIRES' | 'EXCLUDES';

export interface BrokenRule {
  code: BrokenRuleCode;
  /** The option it is about. */
  option: string | null;
  /** The ERP's code of the combination rule (REQUIRES, EXCLUDES); null for an option's own limits. */
  ruleCode: string | null;
  text: string;
}

/** A part of the configured price in the configuration's currency, before rounding. */
export interface PriceComponent {
  label: string;
  amount: Decimal;
}

export interface Evaluation {
  brokenRules: BrokenRule[];
  /** The chosen options in the configuration's order, values normalised ("1200.0" → "1200"). */
  options: ChosenOption[];
  /** "Width 1200 mm, Height 1400 mm, Glazing: Triple glazing, ..." */
  summary: string;
  /** width × height in m², when the configuration prices by area. */
  areaSquareMetres: Decimal | null;
  /** What the options add to the product's own price (empty when broken). */
  components: PriceComponent[];
}

export const MAX_CHOSEN_OPTIONS = 50;

function number(value: string): Decimal | null {
  if (!/^-?\d{1,9}(\.\d{1,6})?$/.test(value.trim())) return null;
  return new Decimal(value.trim());
}

function rangeText(o: ConfigurationOption): string {
  const unit = o.unit ? ` ${o.unit}` : '';
  return `${o.name} must be from ${o.min}${unit} to ${o.max}${unit}${o.step ? ` in steps of ${o.step}${unit}` : ''}.`;
}

/**
 * Checks a configuration against the product's options and combination rules and, when every
 * rule holds, what its options add to the product's price: a fixed price per chosen value, a price
 * per m² of area (width × height in mm) per chosen value, and the configuration's own price per m².
 * Reports every broken rule, in the order of the options and then of the ERP's rules.
 */
export function evaluateConfiguration(config: ConfigurationData, chosen: readonly ChosenOption[]): Evaluation {
  const broken: BrokenRule[] = [];
  const byCode = new Map(config.options.map((o) => [o.code, o]));
  const given = new Map<string, string>();
  for (const c of chosen) {
    const code = c.code.trim().toUpperCase();
    if (!byCode.has(code)) broken.push({ code: 'UNKNOWN_OPTION', option: code, ruleCode: null, text: `There is no option ${code} for this product.` });
    else if (given.has(code)) broken.push({ code: 'DUPLICATE_OPTION', option: code, ruleCode: null, text: `${byCode.get(code)!.name} is given twice.` });
    else given.set(code, c.value.trim());
  }
  const values = new Map<string, string>();
  for (const o of config.options) {
    const value = given.get(o.code);
    if (value === undefined || value === '') {
      if (o.required) broken.push({ code: 'MISSING_OPTION', option: o.code, ruleCode: null, text: `Choose the ${o.name.toLowerCase()}.` });
      continue;
    }
    if (o.kind === 'DIMENSION') {
      const n = number(value);
      if (!n) {
        broken.push({ code: 'NOT_A_NUMBER', option: o.code, ruleCode: null, text: `${o.name} must be a number${o.unit ? ` in ${o.unit}` : ''}.` });
        continue;
      }
      if ((o.min != null && n.lt(o.min)) || (o.max != null && n.gt(o.max))) {
        broken.push({ code: 'OUT_OF_RANGE', option: o.code, ruleCode: null, text: rangeText(o) });
        continue;
      }
      if (o.step != null && !n.minus(o.min ?? 0).mod(o.step).isZero()) {
        broken.push({ code: 'OFF_STEP', option: o.code, ruleCode: null, text: rangeText(o) });
        continue;
      }
      values.set(o.code, n.toFixed());
    } else {
      const v = (o.values ?? []).find((x) => x.code === value.toUpperCase());
      if (!v) {
        broken.push({ code: 'UNKNOWN_VALUE', option: o.code, ruleCode: null, text: `${o.name} is one of ${(o.values ?? []).map((x) => x.code).join(', ')}; ${value} is not offered.` });
        continue;
      }
      values.set(o.code, v.code);
    }
  }
  const matches = (sel: { option: string; value?: string | null }) => values.has(sel.option) && (sel.value == null || values.get(sel.option) === sel.value);
  for (const rule of config.rules) {
    // A rule whose condition is about an option already broken above is not judged again.
    if (!matches(rule.when)) continue;
    const holds = rule.kind === 'REQUIRES' ? matches(rule.then) : !matches(rule.then);
    if (!holds) broken.push({ code: rule.kind, option: rule.then.option, ruleCode: rule.code, text: rule.text });
  }

  const options = config.options.filter((o) => values.has(o.code)).map((o) => ({ code: o.code, value: values.get(o.code)! }));
  const summary = config.options
    .filter((o) => values.has(o.code))
    .map((o) => (o.kind === 'DIMENSION' ? `${o.name} ${values.get(o.code)}${o.unit ? ` ${o.unit}` : ''}` : `${o.name}: ${(o.values ?? []).find((v) => v.code === values.get(o.code))!.name}`))
    .join(', ');
  const width = config.area ? values.get(config.area.width) : undefined;
  const height = config.area ? values.get(config.area.height) : undefined;
  const area = width !== undefined && height !== undefined ? new Decimal(width).mul(height).div(1_000_000) : null;
  if (broken.length > 0) return { brokenRules: broken, options, summary, areaSquareMetres: area, components: [] };

  const components: PriceComponent[] = [];
  const areaText = area ? `${area.toFixed()} m²` : '';
  if (area && config.pricePerSquareMetre && !new Decimal(config.pricePerSquareMetre).isZero()) {
    components.push({ label: `Size ${width} × ${height} mm (${areaText})`, amount: area.mul(config.pricePerSquareMetre) });
  }
  for (const o of config.options) {
    if (o.kind !== 'CHOICE' || !values.has(o.code)) continue;
    const v = (o.values ?? []).find((x) => x.code === values.get(o.code))!;
    let amount = new Decimal(v.price ?? 0);
    if (v.pricePerSquareMetre && area) amount = amount.plus(area.mul(v.pricePerSquareMetre));
    if (!amount.isZero()) components.push({ label: `${o.name}: ${v.name}`, amount });
  }
  return { brokenRules: [], options, summary, areaSquareMetres: area, components };
}

/** A stable text of the chosen options (normalised, in the configuration's order): equal configurations, equal keys. */
export function configurationKey(options: readonly ChosenOption[]): string {
  return options.map((o) => `${o.code}=${o.value}`).join(';');
}
