import { Field, InputType } from 'type-graphql';

@InputType('RegisterProductInput', { description: 'A unit to register: its serial number as on the delivery note.' })
export class RegisterProductInput {
  @Field({ description: 'The serial number printed on the unit and on the delivery note.' })
  serialNumber: string;

  @Field(() => String, { nullable: true, description: 'The delivery note it came with; left out: the latest of your delivery notes that delivered it.' })
  deliveryNoteNumber?: string | null;
}
