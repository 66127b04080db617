import { Viewer } from '@hub/auth';
import { UserEntity } from './user.entity';

/** The token claims of a user (and of the staff user acting as them, if any). */
export function viewerOf(user: UserEntity, actor?: UserEntity): Viewer {
  return {
    userId: user.id,
    kind: user.kind,
    companyId: user.company?.id ?? null,
    supplierId: user.supplierId,
    permissions: user.permissions,
    tokenVersion: user.tokenVersion,
    actorId: actor?.id ?? null,
    actorTokenVersion: actor?.tokenVersion ?? 0,
  };
}
