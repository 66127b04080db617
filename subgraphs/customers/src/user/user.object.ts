import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { UserEntity } from './user.entity';
import { UserKind } from './user-kind';

@Directive('@key(fields: "id")')
@ObjectType('User', { description: 'A person who signs in to the hub.' })
export class UserObject {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => UserKind)
  kind: UserKind;

  @Field(() => [String], { description: 'Named permissions this user holds.' })
  permissions: string[];

  @Field()
  active: boolean;

  companyId: string | null;
  supplierId: string | null;

  static from(entity: UserEntity): UserObject {
    return Object.assign(new UserObject(), {
      id: entity.id,
      email: entity.email,
      name: entity.name,
      kind: entity.kind,
      permissions: entity.permissions,
      active: entity.active,
      companyId: entity.company?.id ?? null,
      supplierId: entity.supplierId,
    });
  }
}
