import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ProductEntity } from './product.entity';
import { ProductObject } from './product.object';
import { OrderableStatus } from './product.service';
import { ConfigurationOptionInput } from '../configurator/configurator.inputs';
import { ConfigurationBrokenRuleObject, ConfiguredProductObject } from '../configurator/configurator.object';
import { ConfiguredOrderable } from '../configurator/configurator.service';

const STATUSES: Record<OrderableStatus, OrderableStatus> = { AVAILABLE: 'AVAILABLE', NOT_SOLD_TO_YOU: 'NOT_SOLD_TO_YOU', DISCONTINUED: 'DISCONTINUED', UNKNOWN: 'UNKNOWN', INVALID_CONFIGURATION: 'INVALID_CONFIGURATION' };
registerEnumType(STATUSES, {
  name: 'OrderableStatus',
  description: 'AVAILABLE: you can order it; NOT_SOLD_TO_YOU: outside your web assortment; DISCONTINUED: no longer sold; UNKNOWN: no such product; INVALID_CONFIGURATION: a configurable product whose options break a rule (see brokenRules), or options for a product that takes none.',
});

@InputType('OrderableLineInput', { description: 'A product by sku or productId, at a quantity.' })
export class OrderableLineInput {
  @Field(() => String, { nullable: true })
  sku?: string | null;

  @Field(() => ID, { nullable: true })
  productId?: string | null;

  @Field(() => Int, { defaultValue: 1 })
  quantity: number;

  @Field(() => [ConfigurationOptionInput], { nullable: true, description: 'The chosen options of a configurable product (see configureProduct); none for other products.' })
  options?: ConfigurationOptionInput[] | null;
}

@ObjectType('OrderableProduct', { description: 'Whether you can order a line\'s product, and at what price at the quantity asked (lines answer in the order asked).' })
export class OrderableProductObject {
  @Field(() => Int)
  quantity: number;

  @Field(() => STATUSES)
  status: OrderableStatus;

  @Field(() => ProductObject, { nullable: true, description: 'The product, when AVAILABLE.' })
  product: ProductObject | null;

  @Field(() => [ConfigurationBrokenRuleObject], { description: 'INVALID_CONFIGURATION: every rule the options break.' })
  brokenRules: ConfigurationBrokenRuleObject[];

  @Field(() => ConfiguredProductObject, { nullable: true, description: 'A configurable product\'s configuration as judged and priced; null for other products.' })
  configuration: ConfiguredProductObject | null;

  /** For the price resolver. */
  entity: ProductEntity | null;
  configured: ConfiguredOrderable['configured'];

  static from(o: ConfiguredOrderable): OrderableProductObject {
    return Object.assign(new OrderableProductObject(), {
      quantity: o.quantity, status: o.status, product: o.product ? ProductObject.from(o.product) : null, entity: o.product,
      brokenRules: o.brokenRules.map(ConfigurationBrokenRuleObject.from), configuration: o.configured ? ConfiguredProductObject.from(o.configured) : null, configured: o.configured,
    });
  }
}
