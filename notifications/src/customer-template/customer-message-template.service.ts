import { EntityManager } from '@mikro-orm/postgresql';
import { requireStaffPermission, Viewer } from '@hub/auth';
import { badUserInput, notFound } from '@hub/errors';
import { isUuid } from '@hub/subgraph-kit';
import { allowedPlaceholders, BUILTIN_TEMPLATES, LANGUAGES } from '../template/builtin-templates';
import { checkTemplateTexts } from '../template/template-text';
import { CustomerMessageTemplateEntity, CustomerTemplateScope, templateVariantOf } from './customer-message-template.entity';
import { CustomerMessageTemplateInput, CustomerMessageTemplateObject } from './customer-message-template.object';

/** ERP customer group codes: letters, digits, _ and -, up to 40. */
const GROUP_CODE = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * Staff give a customer group (as the ERP assigns it, e.g. RETAIL) or one company its own text of
 * a payment message (reminder, dunning, thanks); checked when saved like any template.
 */
export class CustomerMessageTemplateService {
  constructor(private readonly em: EntityManager) {}

  async list(viewer: Viewer | null, key?: string | null): Promise<CustomerMessageTemplateObject[]> {
    requireStaffPermission(viewer, 'staff.users');
    const rows = await this.em.find(CustomerMessageTemplateEntity, key ? { key } : {}, { orderBy: { key: 'asc', scope: 'asc', scopeValue: 'asc', language: 'asc' } });
    return rows.map((r) => CustomerMessageTemplateObject.from(r, templateVariantOf(r.scope, r.scopeValue)));
  }

  async save(viewer: Viewer | null, input: CustomerMessageTemplateInput): Promise<CustomerMessageTemplateObject> {
    const v = requireStaffPermission(viewer, 'staff.users');
    if (!BUILTIN_TEMPLATES[input.key]?.perCustomer) {
      const keys = Object.entries(BUILTIN_TEMPLATES).filter(([, t]) => t.perCustomer).map(([k]) => k);
      throw badUserInput(`"${input.key}" has no texts per customer (those that have: ${keys.join(', ')}).`, 'key');
    }
    const group = input.customerGroup?.trim() || null;
    const company = input.companyId?.trim() || null;
    if ((group === null) === (company === null)) throw badUserInput('Give either customerGroup or companyId.', group ? 'companyId' : 'customerGroup');
    if (group !== null && !GROUP_CODE.test(group)) throw badUserInput('customerGroup is an ERP group code: letters, digits, _ and -, up to 40.', 'customerGroup');
    if (company !== null && !isUuid(company)) throw badUserInput('companyId is not a company id.', 'companyId');
    if (!(LANGUAGES as readonly string[]).includes(input.language)) throw badUserInput(`Language must be one of ${LANGUAGES.join(', ')}.`, 'language');
    checkTemplateTexts(input, allowedPlaceholders(input.key));
    const scope = group !== null ? CustomerTemplateScope.GROUP : CustomerTemplateScope.COMPANY;
    const scopeValue = (group ?? company)!;
    const existing = await this.em.findOne(CustomerMessageTemplateEntity, { key: input.key, scope, scopeValue, language: input.language });
    const row = existing ?? this.em.create(CustomerMessageTemplateEntity, { key: input.key, scope, scopeValue, language: input.language, subject: input.subject, body: input.body, changedBy: v.userId });
    Object.assign(row, { subject: input.subject, body: input.body, actionLabel: input.actionLabel ?? null, actionUrl: input.actionUrl ?? null, changedBy: v.userId });
    await this.em.persist(row).flush();
    return CustomerMessageTemplateObject.from(row, templateVariantOf(scope, scopeValue));
  }

  /** Back to the deployment's text for that customer, event and language. */
  async delete(viewer: Viewer | null, id: string): Promise<boolean> {
    requireStaffPermission(viewer, 'staff.users');
    const row = isUuid(id) ? await this.em.findOne(CustomerMessageTemplateEntity, { id }) : null;
    if (!row) throw notFound('CustomerMessageTemplate', id);
    await this.em.remove(row).flush();
    return true;
  }
}
