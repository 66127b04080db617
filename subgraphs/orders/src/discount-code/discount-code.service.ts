import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { requireStaffPermission, Viewer } from '@hub/auth';
import { badUserInput, conflict, HubError, notFound } from '@hub/errors';
import { Decimal, isCurrencyCode, MoneyObject } from '@hub/money';
import { isUuid } from '@hub/subgraph-kit';
import { CompanyAccountEntity } from '../account/company-account.entity';
import { requireOrderer } from '../order/order-access';
import { BasketDiscountCodeEntity, DiscountCodeEntity, DiscountCodeUseEntity, DiscountKind } from './discount-code.entity';
import { DiscountCodeFilterInput, GenerateDiscountCodesInput } from './discount-code.inputs';
import { BasketDiscountObject } from './discount-code.object';
import { DiscountCodeRepository } from './discount-code.repository';
import { discountOf, normalizeDiscountCode, randomDiscountCode } from './discount-code.rules';

export const MAX_CODES_PER_BATCH = 1000;
const MAX_LIST = 1000;

/** A discount the order will carry, and how to register it in the order's transaction. */
export interface PreparedCodeDiscount {
  code: DiscountCodeEntity;
  amount: Decimal;
}

/**
 * Discount codes (C8): staff generate them in batches (random, unique), assigned to one company or
 * public, and read the usage register; customers apply one to the basket or give it to placeOrder.
 * A use is registered in the order's own transaction and only while uses remain (claimUse).
 */
export class DiscountCodeService {
  constructor(
    private readonly em: EntityManager,
    private readonly codes: DiscountCodeRepository,
  ) {}

  async generate(viewer: Viewer | null, input: GenerateDiscountCodesInput): Promise<DiscountCodeEntity[]> {
    const v = requireStaffPermission(viewer, 'staff.orders');
    const label = input.label.trim();
    if (label.length === 0 || label.length > 100) throw badUserInput('label must be 1 to 100 characters.', 'label');
    if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_CODES_PER_BATCH) throw badUserInput(`count must be 1 to ${MAX_CODES_PER_BATCH}.`, 'count');
    if (!Number.isInteger(input.maxUses) || input.maxUses < 1 || input.maxUses > 100_000) throw badUserInput('maxUses must be 1 to 100,000.', 'maxUses');
    const prefix = input.prefix?.trim().toUpperCase() || null;
    if (prefix !== null && !/^[A-Z0-9]{1,12}$/.test(prefix)) throw badUserInput('prefix is 1 to 12 letters or digits.', 'prefix');
    const companyId = input.companyId ?? null;
    if (companyId !== null) {
      if (!isUuid(companyId)) throw badUserInput('companyId must be a UUID.', 'companyId');
      if (!(await this.em.findOne(CompanyAccountEntity, { companyId }))) throw notFound('Company', companyId);
    }
    let percent: string | null = null;
    let amount: string | null = null;
    let currency: string | null = null;
    if (input.kind === DiscountKind.PERCENT) {
      if (!input.percent || input.amount) throw badUserInput('A PERCENT code needs percent (and no amount).', 'percent');
      const p = new Decimal(input.percent);
      if (p.lte(0) || p.gt(100) || p.decimalPlaces() > 2) throw badUserInput('percent must be above 0 and at most 100 (two decimals).', 'percent');
      percent = p.toFixed(2);
    } else {
      if (!input.amount || input.percent) throw badUserInput('An AMOUNT code needs amount (and no percent).', 'amount');
      const a = new Decimal(input.amount.amount);
      if (a.lte(0) || a.decimalPlaces() > 2) throw badUserInput('amount must be above 0 (two decimals).', 'amount.amount');
      if (!isCurrencyCode(input.amount.currency)) throw badUserInput('currency must be an ISO 4217 code.', 'amount.currency');
      amount = a.toFixed(2);
      currency = input.amount.currency;
    }
    let minOrderValue: string | null = null;
    if (input.minOrderValue) {
      const m = new Decimal(input.minOrderValue.amount);
      if (m.lte(0)) throw badUserInput('minOrderValue must be above 0.', 'minOrderValue.amount');
      if (!isCurrencyCode(input.minOrderValue.currency)) throw badUserInput('currency must be an ISO 4217 code.', 'minOrderValue.currency');
      if (currency !== null && currency !== input.minOrderValue.currency) throw badUserInput('minOrderValue must be in the currency of amount.', 'minOrderValue.currency');
      minOrderValue = m.toFixed(2);
      currency = input.minOrderValue.currency;
    }
    if (input.validFrom && input.validTo && input.validTo <= input.validFrom) throw badUserInput('validTo must be after validFrom.', 'validTo');

    const batchId = randomUUID();
    const made: DiscountCodeEntity[] = [];
    // Collisions are all but impossible; a code drawn twice (or already taken) is drawn again.
    for (let round = 0; made.length < input.count && round < 5; round++) {
      const wanted = new Set<string>();
      while (wanted.size < input.count - made.length) wanted.add(randomDiscountCode(prefix));
      const draft = [...wanted].map((code) => Object.assign(new DiscountCodeEntity(), {
        code, batchId, label, companyId, kind: input.kind, percent, amount, currency, minOrderValue, maxUses: input.maxUses,
        validFrom: input.validFrom ?? null, validTo: input.validTo ?? null, createdByUserId: v.userId,
      }));
      const inserted = await this.codes.insertNew(draft);
      made.push(...draft.filter((c) => inserted.has(c.code)));
    }
    return made.sort((a, b) => a.code.localeCompare(b.code));
  }

  list(viewer: Viewer | null, filter: DiscountCodeFilterInput | null | undefined, first: number): Promise<DiscountCodeEntity[]> {
    requireStaffPermission(viewer, 'staff.orders');
    if (filter?.batchId && !isUuid(filter.batchId)) throw badUserInput('batchId must be a UUID.', 'filter.batchId');
    if (filter?.companyId && !isUuid(filter.companyId)) throw badUserInput('companyId must be a UUID.', 'filter.companyId');
    if (!Number.isInteger(first) || first < 1 || first > MAX_LIST) throw badUserInput(`first must be 1 to ${MAX_LIST}.`, 'first');
    return this.codes.list({ batchId: filter?.batchId ?? null, companyId: filter?.companyId ?? null }, first);
  }

  uses(viewer: Viewer | null, codeIds: readonly string[]): Promise<DiscountCodeUseEntity[]> {
    requireStaffPermission(viewer, 'staff.orders');
    return this.codes.usesOf(codeIds);
  }

  /** The code as the customer's company may use it: unknown and another company's are both NOT_FOUND. */
  private async usable(companyId: string, text: string): Promise<DiscountCodeEntity> {
    const code = await this.codes.byCode(normalizeDiscountCode(text));
    if (!code || (code.companyId !== null && code.companyId !== companyId)) throw notFound('Discount code', text.trim().toUpperCase());
    return code;
  }

  /** Applies a code to the viewer's basket (replacing one applied before); it must exist for the company (its terms are checked against the basket as it is when shown and ordered). */
  async applyToBasket(viewer: Viewer | null, text: string): Promise<void> {
    const v = requireOrderer(viewer);
    const code = await this.usable(v.companyId, text);
    // What depends on the basket (its value, its currency) is shown on Basket.discount; a code that cannot apply at all is refused now.
    const now = new Date();
    if (code.validTo && now > code.validTo) throw badUserInput(`Discount code ${code.code} expired on ${code.validTo.toISOString().slice(0, 10)}.`, 'code');
    if (code.usedCount >= code.maxUses) throw conflict(`Discount code ${code.code} has been used up.`);
    await this.em.upsert(BasketDiscountCodeEntity, { userId: v.userId, codeId: code.id, appliedAt: new Date() });
  }

  async removeFromBasket(viewer: Viewer | null): Promise<void> {
    const v = requireOrderer(viewer);
    await this.em.nativeDelete(BasketDiscountCodeEntity, { userId: v.userId });
  }

  /** The basket's code and what it takes off the basket's value now. */
  async basketDiscount(viewer: Viewer | null, userId: string, companyId: string, net: Decimal | null, currency: string | null): Promise<BasketDiscountObject | null> {
    requireOrderer(viewer);
    const applied = await this.codes.basketCode(userId);
    if (!applied) return null;
    const code = await this.em.findOne(DiscountCodeEntity, { id: applied.codeId });
    if (!code) return null;
    const out = Object.assign(new BasketDiscountObject(), { code: code.code, amount: null, netAfterDiscount: null, problem: null });
    if (net === null || currency === null) return out;
    try {
      const amount = discountOf(code, { companyId, net, currency, at: new Date() });
      return Object.assign(out, { amount: MoneyObject.of(amount, currency), netAfterDiscount: MoneyObject.of(net.minus(amount), currency) });
    } catch (e) {
      if (e instanceof HubError) return Object.assign(out, { problem: e.message });
      throw e;
    }
  }

  /**
   * The code an order uses, checked against its value: the one given to placeOrder, else (for the
   * basket) the one applied to the basket (`basketCodeId`, read with the order's other facts; null
   * when the order is not placed from the basket). Null when there is none.
   */
  async prepare(companyId: string, given: string | null | undefined, basketCodeId: string | null, net: Decimal, currency: string): Promise<PreparedCodeDiscount | null> {
    let code: DiscountCodeEntity | null;
    if (given !== null && given !== undefined) code = await this.usable(companyId, given);
    else if (basketCodeId !== null) code = await this.em.findOne(DiscountCodeEntity, { id: basketCodeId });
    else code = null;
    if (!code) return null;
    return { code, amount: discountOf(code, { companyId, net, currency, at: new Date() }) };
  }

  /** Registers the use in the order's transaction; CONFLICT when the last use went to another order meanwhile (the order is then not placed). */
  static async claim(em: EntityManager, prepared: PreparedCodeDiscount, use: { orderId: string; companyId: string; userId: string; currency: string }): Promise<void> {
    const ok = await new DiscountCodeRepository(em).claimUse({ codeId: prepared.code.id, amount: prepared.amount.toFixed(2), ...use });
    if (!ok) throw conflict(`Discount code ${prepared.code.code} has been used up.`);
    await em.nativeDelete(BasketDiscountCodeEntity, { userId: use.userId, codeId: prepared.code.id });
  }
}
