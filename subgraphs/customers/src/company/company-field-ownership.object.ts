import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum FieldOwnerValue {
  ERP = 'ERP',
  HUB = 'HUB',
}
registerEnumType(FieldOwnerValue, { name: 'FieldOwner', description: 'The master of a synchronised field: the ERP (the sync writes it) or the hub (its mutations write it).' });

@ObjectType('FieldOwnership', { description: "Who is the master of one synchronised field in this deployment (feature I5; HUB_FIELD_OWNERSHIP changes the configurable ones)." })
export class FieldOwnershipObject {
  @Field({ description: 'The entity the field belongs to, e.g. "Company".' })
  entity: string;

  @Field({ description: 'The GraphQL field name, e.g. "name".' })
  field: string;

  @Field(() => FieldOwnerValue)
  owner: FieldOwnerValue;

  @Field({ description: 'Whether this deployment may give the field to the other side.' })
  configurable: boolean;
}
