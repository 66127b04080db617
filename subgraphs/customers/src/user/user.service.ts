import { canSeeCompany, requireViewer, Viewer } from '@hub/auth';
import { forbidden, unauthenticated, notFound } from '@hub/errors';
import { isUuid } from '@hub/subgraph-kit';
import { CustomersContext } from '../context';
import { UserEntity } from './user.entity';

export class UserService {
  constructor(private readonly ctx: CustomersContext) {}

  /** The signed-in user; a token for a deleted or deactivated user is no longer good. */
  async me(viewer: Viewer | null): Promise<UserEntity> {
    const v = requireViewer(viewer);
    const user = await this.ctx.loaders.userById.load(v.userId);
    if (!user || !user.active) throw unauthenticated('This account is no longer active.');
    if (user.tokenVersion !== (v.tokenVersion ?? 0)) throw unauthenticated('This session has ended; sign in again.');
    return user;
  }

  /** Yourself, coworkers of your company, or anyone for staff. */
  async findVisible(viewer: Viewer | null, id: string): Promise<UserEntity | null> {
    if (!viewer || !isUuid(id)) return null;
    const user = await this.ctx.loaders.userById.load(id);
    if (!user) return null;
    if (viewer.kind === 'STAFF' || user.id === viewer.userId) return user;
    return user.company && viewer.companyId === user.company.id ? user : null;
  }

  async listForCompany(viewer: Viewer, companyId: string): Promise<UserEntity[]> {
    // Another company's id: NOT_FOUND, as for an id of no company.
    if (!canSeeCompany(viewer, companyId)) throw notFound('Company', companyId);
    return this.ctx.em.find(UserEntity, { company: companyId }, { orderBy: { name: 'asc' } });
  }

  /** The staff user acting as `userId`, when the viewer is that user in a "sign in as" session. */
  async impersonator(viewer: Viewer | null, userId: string): Promise<UserEntity | null> {
    if (!viewer?.actorId || viewer.userId !== userId) return null;
    return this.ctx.loaders.userById.load(viewer.actorId);
  }
}
