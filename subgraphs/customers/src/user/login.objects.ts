import { Field, ObjectType } from 'type-graphql';
import { UserObject } from './user.object';

@ObjectType('LoginResult')
export class LoginResult {
  @Field({ description: 'Send as "Authorization: Bearer <token>".' })
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => UserObject)
  user: UserObject;

  static from(result: { token: string; expiresAt: Date; user: import('./user.entity').UserEntity }): LoginResult {
    return Object.assign(new LoginResult(), { token: result.token, expiresAt: result.expiresAt, user: UserObject.from(result.user) });
  }
}
