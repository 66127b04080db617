import { Field, ID, InputType } from 'type-graphql';

@InputType('CreateCoworkerInput')
export class CreateCoworkerInput {
  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => [String], { defaultValue: [], description: 'Named permissions (see `permissionCatalogue`).' })
  permissions: string[];

  @Field(() => [String], { defaultValue: [], description: 'Roles (ADMIN, BUYER, READ_ONLY): shorthands for their permissions.' })
  roles: string[];

  @Field({ nullable: true, description: 'An initial password; without one the coworker sets it through "forgot password".' })
  password?: string;

  @Field(() => ID, { nullable: true, description: 'Staff only: the company to add the user to (customer admins always add to their own).' })
  companyId?: string;
}
