import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConsentChannelValue, ConsentEventEntity, ConsentSource } from './consent-event.entity';

registerEnumType(ConsentChannelValue, { name: 'ConsentChannel' });
registerEnumType(ConsentSource, { name: 'ConsentSource' });

@ObjectType('ContactPreferences', { description: 'Consents to be contacted (hub-owned).' })
export class ContactPreferencesObject {
  @Field()
  email: boolean;

  @Field()
  sms: boolean;

  @Field()
  newsletter: boolean;
}

@ObjectType('ConsentChange', { description: 'One change of a consent.' })
export class ConsentChangeObject {
  @Field(() => ConsentChannelValue)
  channel: ConsentChannelValue;

  @Field()
  granted: boolean;

  @Field(() => ConsentSource)
  source: ConsentSource;

  @Field()
  at: Date;

  static from(e: ConsentEventEntity): ConsentChangeObject {
    return Object.assign(new ConsentChangeObject(), { channel: e.channel, granted: e.granted, source: e.source, at: e.at });
  }
}

@InputType('ContactPreferencesInput', { description: 'Only the channels given change.' })
export class ContactPreferencesInput {
  @Field({ nullable: true })
  email?: boolean;

  @Field({ nullable: true })
  sms?: boolean;

  @Field({ nullable: true })
  newsletter?: boolean;
}
