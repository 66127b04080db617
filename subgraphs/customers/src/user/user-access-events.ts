import { USER_ACCESS_CHANGED_TOPIC } from '@hub/auth';
import { EventExecutor, publishEvent } from '@hub/events';
import { UserEntity } from './user.entity';

/**
 * Tells the gateway (its revocation list) that a user's tokens changed standing. Publish in the
 * transaction that changes the user: PostgreSQL delivers it only after the commit.
 */
export function publishUserAccessChanged(executor: EventExecutor, user: UserEntity): Promise<void> {
  return publishEvent(executor, USER_ACCESS_CHANGED_TOPIC, { key: user.id, data: { active: user.active, tokenVersion: user.tokenVersion } });
}
