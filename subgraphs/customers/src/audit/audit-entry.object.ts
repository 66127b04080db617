import { Field, ID, ObjectType } from 'type-graphql';
import { AuditLogEntity } from './audit-log.entity';

@ObjectType('AuditEntry', { description: 'One recorded action on accounts (staff only).' })
export class AuditEntryObject {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field({ description: 'E.g. impersonation.start, user.create, user.deactivate, user.permissions, password.change, password.reset.' })
  action: string;

  @Field(() => ID, { nullable: true, description: 'Who really acted (the staff user while signed in as someone else).' })
  actorId: string | null;

  @Field(() => ID, { nullable: true, description: 'The user the actor was signed in as, when impersonating.' })
  onBehalfOfId: string | null;

  @Field(() => ID, { nullable: true })
  targetUserId: string | null;

  @Field(() => ID, { nullable: true })
  companyId: string | null;

  @Field(() => String, { nullable: true, description: 'Facts about the action, as a JSON object.' })
  details: string | null;

  static from(e: AuditLogEntity): AuditEntryObject {
    return Object.assign(new AuditEntryObject(), {
      id: e.id, at: e.at, action: e.action, actorId: e.actorId, onBehalfOfId: e.onBehalfOfId, targetUserId: e.targetUserId, companyId: e.companyId, details: e.details ? JSON.stringify(e.details) : null,
    });
  }
}
