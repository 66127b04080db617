import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** The deployment's look and sender (G5): one row, `id = 'deployment'`; every e-mail uses it. */
@Entity({ tableName: 'branding' })
export class BrandingEntity {
  @PrimaryKey({ type: 'text' })
  id: string & Opt = 'deployment';

  @Property({ type: 'text' })
  name: string & Opt = 'ERP hub';

  /** An https (or http) URL of the logo image; null: the name in text. */
  @Property({ type: 'text', nullable: true })
  logoUrl: (string & Opt) | null = null;

  /** #rrggbb */
  @Property({ type: 'text' })
  primaryColor: string & Opt = '#1f4e79';

  @Property({ type: 'text' })
  accentColor: string & Opt = '#f2a900';

  /** `Name <address>` or an address: the From of every message. */
  @Property({ type: 'text' })
  senderAddress: string & Opt = 'ERP hub <no-reply@hub.example>';

  @Property({ type: 'text' })
  legalFooter: string & Opt = 'ERP hub · Example Street 1 · 000 00 Example City';

  /** Where links in messages point (the web shop). */
  @Property({ type: 'text' })
  webUrl: string & Opt = 'http://localhost:3000';

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
