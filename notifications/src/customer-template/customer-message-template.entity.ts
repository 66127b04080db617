import { Entity, Enum, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** Whom a customer template is for: every company of an ERP customer group, or one company. */
export enum CustomerTemplateScope {
  GROUP = 'GROUP',
  COMPANY = 'COMPANY',
}

/**
 * A template text staff wrote for one customer group or company, for one event (template key) and
 * language, e.g. a firmer dunning for the RETAIL group. A company's own text wins over its group's,
 * and either over the deployment's (message_template) and the built-in text.
 */
@Entity({ tableName: 'customer_message_template' })
@Unique({ properties: ['key', 'scope', 'scopeValue', 'language'] })
export class CustomerMessageTemplateEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  key: string;

  @Enum({ items: () => CustomerTemplateScope, type: 'text' })
  scope: CustomerTemplateScope;

  /** The group code (as the ERP has it) or the company's id. */
  @Property({ type: 'text' })
  scopeValue: string;

  @Property({ type: 'text' })
  language: string;

  @Property({ type: 'text' })
  subject: string;

  @Property({ type: 'text' })
  body: string;

  @Property({ type: 'text', nullable: true })
  actionLabel: string | null = null;

  @Property({ type: 'text', nullable: true })
  actionUrl: string | null = null;

  @Property({ type: 'uuid' })
  changedBy: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** How a message records the customer template it was sent with (message.template_variant), e.g. `group:RETAIL`. */
export function templateVariantOf(scope: CustomerTemplateScope, scopeValue: string): string {
  return `${scope === CustomerTemplateScope.GROUP ? 'group' : 'company'}:${scopeValue}`;
}
