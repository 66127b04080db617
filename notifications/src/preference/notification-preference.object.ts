import { Field, ObjectType } from 'type-graphql';

@ObjectType('NotificationPreference', { description: "One category of notifications and whether the user gets it by e-mail and SMS." })
export class NotificationPreferenceObject {
  @Field({ description: 'e.g. order.confirmed' }) category: string;
  @Field(() => [String], { description: 'The templates it covers.' }) templates: string[];
  @Field() email: boolean;
  @Field({ description: 'Also needs the SMS consent and a phone number.' }) sms: boolean;
  @Field({ description: 'Whether any of its templates has a text message (only those can be chosen for SMS).' }) smsAvailable: boolean;
}
