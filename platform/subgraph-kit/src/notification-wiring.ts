import { PoolClient } from 'pg';

/**
 * Messages (e-mail, SMS) the hub sends when something happens, declared by the subgraph that owns
 * the event, next to its `events:`. The notifications worker (notifications/) listens to each
 * declared topic, asks the declaration who should hear of the event and what to tell them, and
 * sends through its one log (at most once per notice, recipient and channel). Adding a
 * notification for a new event is one more entry in the owner's `notifications:` plus a template
 * (notifications/src/template/builtin-templates.ts); see notifications/README.md.
 */
export interface NotificationDeclaration {
  /** The event topic it answers (one the module publishes). */
  topic: string;
  /**
   * Reads the owner's own tables on `client` and says what to send for this event: none, one or
   * several notices. Events carry keys only, so this is where the facts come from.
   */
  notices(client: PoolClient, event: { topic: string; key: string; data?: unknown }): Promise<NotificationNotice[]>;
}

/** One thing to tell some users, e.g. "order W-123 was confirmed". */
export interface NotificationNotice {
  /**
   * What this notice is about, stable across repeats of the same event (e.g. `order:<id>:CONFIRMED`):
   * with recipient and channel it is the idempotency key, so the same fact is never sent twice.
   */
  ref: string;
  /** The template key (e.g. `order.confirmed`), also the preference category users switch on and off. */
  template: string;
  /** The users (customers subgraph ids) it goes to. */
  recipientUserIds: readonly string[];
  /** Also every active user of this company holding this permission (found by the users' module). */
  recipientCompany?: { companyId: string; permission: string };
  /** Values for the template's placeholders ({{orderNumber}} ...). Strings only: templates format nothing. */
  values: Readonly<Record<string, string>>;
  /** 'TRANSACTIONAL' (order, payment: sent unless the user switched the category off) or 'MARKETING' (only with consent). */
  kind?: 'TRANSACTIONAL' | 'MARKETING';
  /** Files the e-mail carries (an offer's PDF); kept with each message, so a retry sends the same bytes. Never texted. */
  attachments?: readonly NotificationAttachment[];
}

/** A file attached to a notice's e-mail. */
export interface NotificationAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** The largest total of a notice's attachments: mail relays commonly refuse messages above 10 MB once encoded. */
export const MAX_NOTICE_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** Who a user is, for sending: given by the module that owns users (customers). */
export interface NotificationRecipient {
  userId: string;
  email: string;
  name: string;
  /** CUSTOMER, STAFF or SUPPLIER (given by the users' module; absent from older directories). */
  kind?: 'CUSTOMER' | 'STAFF' | 'SUPPLIER';
  active: boolean;
  companyId: string | null;
  /** The user's language (ISO 639-1), or null: the company's default, then the hub's. */
  language: string | null;
  /** Latest consent per channel (EMAIL, SMS, NEWSLETTER); absent: never given. */
  consents: Readonly<Record<string, boolean>>;
  phone: string | null;
  /** The company's customer group as the ERP has it (e.g. RETAIL): payment messages may have a text of their own for it. */
  customerGroup?: string | null;
}

/** Reads recipients by user id on `client` (from the owner's own tables). */
export type NotificationRecipientDirectory = (client: PoolClient, userIds: readonly string[]) => Promise<NotificationRecipient[]>;

/** The active users of a company holding a permission (user ids), from the users' module. */
export type NotificationCompanyUsers = (client: PoolClient, companyId: string, permission: string) => Promise<string[]>;

/** The payment monitoring schedule staff configure (notifications subgraph). */
export interface PaymentReminderSchedule {
  /** A reminder this many days before the due date (0: none). */
  reminderDaysBefore: number;
  /** Dunning levels: days after the due date, ascending (e.g. 7, 14, 30). */
  dunningDays: readonly number[];
}

/**
 * Notices that come from the calendar rather than from an event (payment reminders, dunning):
 * the worker runs `notices` on its schedule with the day it is (a simulated clock in tests), and
 * the refs keep each step to one message however often it runs.
 */
export interface NotificationScheduleDeclaration {
  name: string;
  notices(client: PoolClient, today: string, schedule: PaymentReminderSchedule): Promise<NotificationNotice[]>;
}

/** Who a debtor is, for a debt-collection agency: from the module that owns companies. */
export interface DebtorDetails {
  companyId: string;
  erpCustomerNumber: string;
  name: string;
  country: string;
  customerGroup: string | null;
  invoiceAddress: { name?: string; street: string; postalCode: string; city: string; country: string } | null;
  contacts: Array<{ name: string; email: string; phone: string | null }>;
}

/** Reads a company's debtor details (null: no such company). */
export type DebtorDirectory = (client: PoolClient, companyId: string) => Promise<DebtorDetails | null>;

/** The active users whose latest NEWSLETTER consent is granted (user ids), from the users' module. */
export type NewsletterAudience = (client: PoolClient) => Promise<string[]>;

/** A catalogue item a newsletter shows, read by id from the products module's own tables. */
export interface NewsletterProduct {
  id: string;
  sku: string;
  name: string;
  listPrice: string;
  currency: string;
  active: boolean;
}

/** Reads catalogue items by id (unknown ids are simply absent), from the products module. */
export type NewsletterProducts = (client: PoolClient, productIds: readonly string[]) => Promise<NewsletterProduct[]>;
