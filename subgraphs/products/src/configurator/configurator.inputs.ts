import { Field, InputType } from 'type-graphql';

@InputType('ConfigurationOptionInput', { description: 'One chosen option: its code and value (a choice\'s code, or a dimension\'s number in its unit, e.g. "1200").' })
export class ConfigurationOptionInput {
  @Field()
  code: string;

  @Field()
  value: string;
}
