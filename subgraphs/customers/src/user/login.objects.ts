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
}
