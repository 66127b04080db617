import { EntityManager } from '@mikro-orm/postgresql';
import { requireStaffPermission, Viewer } from '@hub/auth';
import { badUserInput } from '@hub/errors';
import { checkPageSize, isUuid } from '@hub/subgraph-kit';
import { CustomersContext } from '../context';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditFacts {
  targetUserId?: string | null;
  companyId?: string | null;
  details?: Record<string, unknown>;
}

/** Records an action inside the caller's transaction (pass the transactional em). */
export function recordAudit(em: EntityManager, viewer: Viewer | null, action: string, facts: AuditFacts = {}): AuditLogEntity {
  return em.create(AuditLogEntity, {
    action,
    actorId: viewer ? viewer.actorId ?? viewer.userId : null,
    onBehalfOfId: viewer?.actorId ? viewer.userId : null,
    targetUserId: facts.targetUserId ?? null,
    companyId: facts.companyId ?? null,
    details: facts.details ?? null,
  });
}

export class AuditService {
  constructor(private readonly ctx: CustomersContext) {}

  /** The newest entries first; staff with staff.users (or staff.admin) only. */
  async list(viewer: Viewer | null, first: number, userId?: string | null): Promise<AuditLogEntity[]> {
    requireStaffPermission(viewer, 'staff.users');
    const limit = checkPageSize(first, { max: 500 });
    if (userId && !isUuid(userId)) throw badUserInput('userId must be a UUID.', 'userId');
    const where = userId ? { $or: [{ actorId: userId }, { onBehalfOfId: userId }, { targetUserId: userId }] } : {};
    return this.ctx.em.find(AuditLogEntity, where, { orderBy: { at: 'desc', id: 'asc' }, limit });
  }
}
