import { EntityManager } from '@mikro-orm/postgresql';
import { companyScope, requirePermission, requireStaffPermission, requireViewer, Viewer } from '@hub/auth';
import { badUserInput } from '@hub/errors';
import { Decimal, isCurrencyCode } from '@hub/money';
import { isUuid } from '@hub/subgraph-kit';
import { OrderingSettingsEntity } from './ordering-settings.entity';
import { OrderingSettingsInput } from './ordering-settings.inputs';

/** A company's ordering settings: seen by its users (staff: any company's), set by its customer admin (users.manage) or staff (staff.orders). */
export class OrderingSettingsService {
  constructor(private readonly em: EntityManager) {}

  private company(viewer: Viewer, companyId: string | null | undefined): string {
    if (companyId !== null && companyId !== undefined && !isUuid(companyId)) throw badUserInput('companyId must be a UUID.', 'companyId');
    const id = companyScope(viewer, companyId ?? null);
    if (!id) throw badUserInput('Staff must name the company.', 'companyId');
    return id;
  }

  async get(viewer: Viewer | null, companyId?: string | null): Promise<{ companyId: string; settings: OrderingSettingsEntity | null }> {
    const id = this.company(requireViewer(viewer), companyId);
    return { companyId: id, settings: await this.em.findOne(OrderingSettingsEntity, { companyId: id }) };
  }

  async set(viewer: Viewer | null, input: OrderingSettingsInput): Promise<{ companyId: string; settings: OrderingSettingsEntity }> {
    const v = requireViewer(viewer);
    if (v.kind === 'STAFF') requireStaffPermission(v, 'staff.orders');
    else requirePermission(v, 'users.manage');
    const companyId = this.company(v, input.companyId);
    let limit: { amount: string; currency: string } | null = null;
    if (input.approvalLimit) {
      const amount = new Decimal(input.approvalLimit.amount);
      if (amount.lte(0)) throw badUserInput('The approval limit must be above zero.', 'approvalLimit.amount');
      if (!isCurrencyCode(input.approvalLimit.currency)) throw badUserInput('currency must be an ISO 4217 code.', 'approvalLimit.currency');
      limit = { amount: amount.toFixed(2), currency: input.approvalLimit.currency };
    }
    const settings = await this.em.transactional(async (em) => {
      const row = (await em.findOne(OrderingSettingsEntity, { companyId })) ?? em.create(OrderingSettingsEntity, { companyId });
      Object.assign(row, { requiresApproval: input.requiresApproval, approvalLimit: limit?.amount ?? null, approvalLimitCurrency: limit?.currency ?? null, updatedByUserId: v.userId, updatedAt: new Date() });
      return row;
    });
    return { companyId, settings };
  }
}
