import { EntityManager } from '@mikro-orm/postgresql';
import { requireStaffPermission, Viewer } from '@hub/auth';
import { badUserInput, notFound } from '@hub/errors';
import { Decimal, isCurrencyCode } from '@hub/money';
import { isUuid } from '@hub/subgraph-kit';
import { CompanyAccountEntity } from '../account/company-account.entity';
import { HoldRuleEntity, HoldRuleKind } from './hold-rule.entity';
import { HoldRuleInput } from './hold-rule.inputs';
import { HoldRuleRepository } from './hold-rule.repository';

/** The staff's hold rules (O4, F6): listed, set per kind and scope, removed; staff.orders only. */
export class HoldRuleService {
  constructor(
    private readonly rules: HoldRuleRepository,
    private readonly em: EntityManager,
  ) {}

  list(viewer: Viewer | null): Promise<HoldRuleEntity[]> {
    requireStaffPermission(viewer, 'staff.orders');
    return this.rules.all();
  }

  /** Creates or replaces the rule of this kind for every company or for one; BAD_USER_INPUT when it lacks what its kind needs. */
  async set(viewer: Viewer | null, input: HoldRuleInput): Promise<HoldRuleEntity> {
    const v = requireStaffPermission(viewer, 'staff.orders');
    const companyId = input.companyId ?? null;
    if (companyId !== null) {
      if (!isUuid(companyId)) throw badUserInput('companyId must be a UUID.', 'companyId');
      if (!(await this.em.findOne(CompanyAccountEntity, { companyId }))) throw notFound('Company', companyId);
    }
    const fields = { limitAmount: null as string | null, currency: null as string | null, maxOrdersPerDay: null as number | null, deliveryAddressCodes: null as string[] | null };
    switch (input.kind) {
      case HoldRuleKind.ORDER_VALUE: {
        if (!input.limit) {
          if (input.enabled) throw badUserInput('An ORDER_VALUE rule needs a limit.', 'limit');
          break;
        }
        const amount = new Decimal(input.limit.amount);
        if (amount.lte(0)) throw badUserInput('The limit must be above zero.', 'limit.amount');
        if (!isCurrencyCode(input.limit.currency)) throw badUserInput('currency must be an ISO 4217 code.', 'limit.currency');
        fields.limitAmount = amount.toFixed(2);
        fields.currency = input.limit.currency;
        break;
      }
      case HoldRuleKind.DAILY_ORDER_COUNT:
        if (input.maxOrdersPerDay === null || input.maxOrdersPerDay === undefined) {
          if (input.enabled) throw badUserInput('A DAILY_ORDER_COUNT rule needs maxOrdersPerDay.', 'maxOrdersPerDay');
          break;
        }
        if (!Number.isInteger(input.maxOrdersPerDay) || input.maxOrdersPerDay < 1 || input.maxOrdersPerDay > 10_000) throw badUserInput('maxOrdersPerDay must be 1 to 10,000.', 'maxOrdersPerDay');
        fields.maxOrdersPerDay = input.maxOrdersPerDay;
        break;
      case HoldRuleKind.DELIVERY_ADDRESS: {
        const codes = [...new Set((input.deliveryAddressCodes ?? []).map((c) => c.trim()).filter((c) => c.length > 0))];
        if (input.enabled && companyId === null) throw badUserInput("A DELIVERY_ADDRESS rule lists one company's address codes: give companyId.", 'companyId');
        if (input.enabled && codes.length === 0) throw badUserInput('A DELIVERY_ADDRESS rule needs deliveryAddressCodes.', 'deliveryAddressCodes');
        if (codes.length > 100 || codes.some((c) => c.length > 40)) throw badUserInput('At most 100 codes of at most 40 characters.', 'deliveryAddressCodes');
        fields.deliveryAddressCodes = codes.length > 0 ? codes : null;
        break;
      }
    }
    return this.em.transactional(async (em) => {
      const existing = await em.findOne(HoldRuleEntity, { kind: input.kind, companyId });
      const rule = existing ?? em.create(HoldRuleEntity, { kind: input.kind, companyId, enabled: input.enabled });
      Object.assign(rule, { enabled: input.enabled, ...fields, updatedByUserId: v.userId, updatedAt: new Date() });
      return rule;
    });
  }

  async remove(viewer: Viewer | null, id: string): Promise<boolean> {
    requireStaffPermission(viewer, 'staff.orders');
    if (!isUuid(id)) throw badUserInput('Rule id must be a UUID.', 'id');
    if ((await this.em.nativeDelete(HoldRuleEntity, { id })) === 0) throw notFound('Hold rule', id);
    return true;
  }
}
