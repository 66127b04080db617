import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Decimal, DecimalScalar, MoneyObject } from '@hub/money';
import { ProductObject } from '../product/product.object';
import { BrokenRule, BrokenRuleCode, ChosenOption } from './configuration-rules';
import { ConfiguredProduct } from './configurator.service';
import { ConfigurationOption, ConfigurationRule, ProductConfigurationEntity } from './product-configuration.entity';

const BROKEN_RULE_CODES: Record<BrokenRuleCode, BrokenRuleCode> = {
  UNKNOWN_OPTION: 'UNKNOWN_OPTION', DUPLICATE_OPTION: 'DUPLICATE_OPTION', MISSING_OPTION: 'MISSING_OPTION', UNKNOWN_VALUE: 'UNKNOWN_VALUE',
  NOT_A_NUMBER: 'NOT_A_NUMBER', OUT_OF_RANGE: 'OUT_OF_RANGE', OFF_STEP: 'OFF_STEP', REQUIRES: 'REQUIRES', EXCLUDES: 'EXCLUDES',
};
registerEnumType(BROKEN_RULE_CODES, {
  name: 'ConfigurationRuleCode',
  description:
    'UNKNOWN_OPTION: the product has no such option (or takes none); DUPLICATE_OPTION: given twice; MISSING_OPTION: a required option left out; UNKNOWN_VALUE: a value the option does not offer; ' +
    'NOT_A_NUMBER, OUT_OF_RANGE, OFF_STEP: a dimension that is no number, outside its range or off its step; REQUIRES, EXCLUDES: a combination the ERP\'s rules forbid.',
});
const OPTION_KINDS = { DIMENSION: 'DIMENSION', CHOICE: 'CHOICE' } as const;
registerEnumType(OPTION_KINDS, { name: 'ConfigurationOptionKind', description: 'DIMENSION: a number from min to max in steps; CHOICE: one of the values.' });
const RULE_KINDS = { REQUIRES: 'REQUIRES', EXCLUDES: 'EXCLUDES' } as const;
registerEnumType(RULE_KINDS, { name: 'ConfigurationCombinationKind' });

@ObjectType('ConfigurationBrokenRule', { description: 'A rule a configuration breaks: its code, the option it is about, the ERP rule (for combinations) and its text.' })
export class ConfigurationBrokenRuleObject {
  @Field(() => BROKEN_RULE_CODES)
  code: BrokenRuleCode;

  @Field(() => String, { nullable: true })
  option: string | null;

  @Field(() => String, { nullable: true, description: "The ERP's code of a combination rule (REQUIRES, EXCLUDES); null for an option's own limits." })
  ruleCode: string | null;

  @Field()
  text: string;

  static from(r: BrokenRule): ConfigurationBrokenRuleObject {
    return Object.assign(new ConfigurationBrokenRuleObject(), r);
  }
}

@ObjectType('ConfigurationChoice', { description: 'One chosen option, its value normalised ("1200.0" → "1200").' })
export class ConfigurationChoiceObject {
  @Field()
  code: string;

  @Field()
  value: string;

  static from(o: ChosenOption): ConfigurationChoiceObject {
    return Object.assign(new ConfigurationChoiceObject(), o);
  }
}

@ObjectType('ConfigurationOptionValue')
export class ConfigurationOptionValueObject {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => DecimalScalar, { nullable: true, description: "Added to the unit price, in the configurator's currency." })
  price: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: "Added per m² of the configured area, in the configurator's currency." })
  pricePerSquareMetre: string | null;
}

@ObjectType('ConfigurationOption', { description: 'An option of a configurable product, as the ERP defines it.' })
export class ConfigurationOptionObject {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => OPTION_KINDS)
  kind: string;

  @Field()
  required: boolean;

  @Field(() => String, { nullable: true })
  unit: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  min: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  max: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Allowed values are min + n × step.' })
  step: string | null;

  @Field(() => [ConfigurationOptionValueObject], { description: 'For a CHOICE; empty for a DIMENSION.' })
  values: ConfigurationOptionValueObject[];

  static from(o: ConfigurationOption): ConfigurationOptionObject {
    return Object.assign(new ConfigurationOptionObject(), {
      code: o.code, name: o.name, kind: o.kind, required: o.required, unit: o.unit ?? null, min: o.min ?? null, max: o.max ?? null, step: o.step ?? null,
      values: (o.values ?? []).map((v) => Object.assign(new ConfigurationOptionValueObject(), { code: v.code, name: v.name, price: v.price ?? null, pricePerSquareMetre: v.pricePerSquareMetre ?? null })),
    });
  }
}

@ObjectType('ConfigurationCombinationRule', { description: 'Choosing `whenOption` (with `whenValue`, or any value) needs, or excludes, `thenOption` (with `thenValue`, or any value).' })
export class ConfigurationCombinationRuleObject {
  @Field()
  code: string;

  @Field(() => RULE_KINDS)
  kind: string;

  @Field()
  whenOption: string;

  @Field(() => String, { nullable: true })
  whenValue: string | null;

  @Field()
  thenOption: string;

  @Field(() => String, { nullable: true })
  thenValue: string | null;

  @Field()
  text: string;

  static from(r: ConfigurationRule): ConfigurationCombinationRuleObject {
    return Object.assign(new ConfigurationCombinationRuleObject(), {
      code: r.code, kind: r.kind, whenOption: r.when.option, whenValue: r.when.value ?? null, thenOption: r.then.option, thenValue: r.then.value ?? null, text: r.text,
    });
  }
}

@ObjectType('ProductConfigurator', { description: "A configurable product's options and allowed combinations, from the ERP." })
export class ProductConfiguratorObject {
  @Field({ description: 'The currency option prices are in (configured prices are in yours).' })
  currency: string;

  @Field(() => [ConfigurationOptionObject])
  options: ConfigurationOptionObject[];

  @Field(() => [ConfigurationCombinationRuleObject])
  rules: ConfigurationCombinationRuleObject[];

  @Field(() => DecimalScalar, { nullable: true, description: 'Added per m² of width × height, whatever the options.' })
  pricePerSquareMetre: string | null;

  static from(c: ProductConfigurationEntity): ProductConfiguratorObject {
    return Object.assign(new ProductConfiguratorObject(), {
      currency: c.currency, options: c.options.map(ConfigurationOptionObject.from), rules: c.rules.map(ConfigurationCombinationRuleObject.from),
      pricePerSquareMetre: c.pricePerSquareMetre === null ? null : new Decimal(c.pricePerSquareMetre).toFixed(),
    });
  }
}

@ObjectType('ConfiguredPricePart')
export class ConfiguredPricePartObject {
  @Field()
  label: string;

  @Field(() => MoneyObject)
  amount: MoneyObject;
}

@ObjectType('ConfiguredProduct', { description: 'A configuration judged against the ERP\'s rules and priced for your company.' })
export class ConfiguredProductObject {
  @Field(() => ProductObject)
  product: ProductObject;

  @Field({ description: 'True when no rule is broken.' })
  valid: boolean;

  @Field(() => [ConfigurationBrokenRuleObject], { description: 'Every rule the configuration breaks (empty when valid).' })
  brokenRules: ConfigurationBrokenRuleObject[];

  @Field(() => [ConfigurationChoiceObject], { description: 'The options as understood, in the configurator\'s order.' })
  options: ConfigurationChoiceObject[];

  @Field({ description: 'A readable summary, as the order and the ERP carry it.' })
  summary: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Width × height in m², where the product is priced by area.' })
  areaSquareMetres: string | null;

  @Field(() => MoneyObject, { nullable: true, description: 'Your price of the product itself; null when invalid or without prices.view.' })
  basePrice: MoneyObject | null;

  @Field(() => [ConfiguredPricePartObject], { description: 'What the options add, each rounded in your currency.' })
  priceParts: ConfiguredPricePartObject[];

  @Field(() => MoneyObject, { nullable: true, description: 'The unit price: base price plus the parts; null when invalid or without prices.view.' })
  unitPrice: MoneyObject | null;

  static from(c: ConfiguredProduct): ConfiguredProductObject {
    const money = (d: Decimal | null) => (d && c.currency ? MoneyObject.of(d, c.currency) : null);
    return Object.assign(new ConfiguredProductObject(), {
      product: ProductObject.from(c.product),
      valid: c.evaluation.brokenRules.length === 0,
      brokenRules: c.evaluation.brokenRules.map(ConfigurationBrokenRuleObject.from),
      options: c.evaluation.options.map(ConfigurationChoiceObject.from),
      summary: c.evaluation.summary,
      areaSquareMetres: c.evaluation.areaSquareMetres?.toFixed() ?? null,
      basePrice: money(c.basePrice),
      priceParts: c.currency ? c.components.map((p) => Object.assign(new ConfiguredPricePartObject(), { label: p.label, amount: MoneyObject.of(p.amount, c.currency!) })) : [],
      unitPrice: money(c.unitPrice),
    });
  }
}
