import { EntityManager } from '@mikro-orm/postgresql';
import { requireStaff, Viewer } from '@hub/auth';
import { badUserInput } from '@hub/errors';
import { MessageEntity } from './message.entity';
import { MessageStatus } from './message-status';

export const MAX_LOG_PAGE = 200;

export class MessageLogService {
  constructor(private readonly em: EntityManager) {}

  /** The newest messages first, filtered (staff only). */
  async list(viewer: Viewer | null, filter: { first: number; recipientEmail?: string | null; status?: MessageStatus | null; template?: string | null; ref?: string | null }): Promise<MessageEntity[]> {
    requireStaff(viewer);
    if (!Number.isInteger(filter.first) || filter.first < 1 || filter.first > MAX_LOG_PAGE) throw badUserInput(`first must be 1 to ${MAX_LOG_PAGE}.`, 'first');
    const where: Record<string, unknown> = {};
    if (filter.recipientEmail) where.recipientAddress = filter.recipientEmail.trim().toLowerCase();
    if (filter.status) where.status = filter.status;
    if (filter.template) where.template = filter.template;
    if (filter.ref) where.ref = filter.ref;
    return this.em.find(MessageEntity, where, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: filter.first });
  }
}
