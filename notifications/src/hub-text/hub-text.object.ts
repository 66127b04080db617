import { Field, ObjectType } from 'type-graphql';

@ObjectType('HubText', { description: 'A hub-owned text (status label, reason, category name) in one language: a staff translation or the built-in one.' })
export class HubTextObject {
  @Field({ description: 'e.g. ORDER_STATUS, RETURN_STATUS, RETURN_REASON, CATEGORY (see hubTextKinds).' }) kind: string;
  @Field({ description: 'The status, reason code or category code.' }) key: string;
  @Field() language: string;
  @Field({ description: "What a reader of this language sees: staff's text, else the built-in one, else the deployment language's, else the fallback." }) text: string;
  @Field({ description: 'The text without staff: built in for this language, else the fallback (e.g. the ERP name).' }) builtInText: string;
  @Field({ description: 'True when staff set this text for this language.' }) overridden: boolean;
}

@ObjectType('HubTextKind', { description: 'A kind of hub-owned text, declared by the part of the hub that owns its keys.' })
export class HubTextKindObject {
  @Field() kind: string;
  @Field() description: string;
}
