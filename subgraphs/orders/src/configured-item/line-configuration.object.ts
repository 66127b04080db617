import { Field, ObjectType } from 'type-graphql';
import { LineConfiguration } from '../pricing/order-pricing.client';

@ObjectType('LineConfigurationOption')
export class LineConfigurationOptionObject {
  @Field()
  code: string;

  @Field()
  value: string;
}

@ObjectType('LineConfiguration', { description: "A configured product's options (P7), as the products subgraph understood them, and their summary (what the ERP prints)." })
export class LineConfigurationObject {
  @Field(() => [LineConfigurationOptionObject])
  options: LineConfigurationOptionObject[];

  @Field()
  summary: string;

  static of(c: LineConfiguration | null): LineConfigurationObject | null {
    if (!c) return null;
    return Object.assign(new LineConfigurationObject(), { summary: c.summary, options: c.options.map((o) => Object.assign(new LineConfigurationOptionObject(), o)) });
  }
}
