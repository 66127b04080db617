import { PoolClient } from 'pg';
import { DebtorDetails, NotificationRecipient } from '@hub/subgraph-kit';

/** A company's default language, from its (ERP-owned) country; the hub's default otherwise. */
const LANGUAGE_OF_COUNTRY: Readonly<Record<string, string>> = { SE: 'sv', ES: 'es', PL: 'pl', DE: 'de', GB: 'en', US: 'en' };

/**
 * The customers subgraph's answer to "who is this user, for sending": address, name, company,
 * language (the company's default, from its country) and the latest consent per channel. Declared
 * as the module's `notificationRecipients`, so the notifications worker never reads these tables itself.
 */
export async function readNotificationRecipients(client: PoolClient, userIds: readonly string[]): Promise<NotificationRecipient[]> {
  if (userIds.length === 0) return [];
  const { rows } = await client.query<{
    id: string; email: string; name: string; kind: string; active: boolean; company_id: string | null; country: string | null; phone: string | null; customer_group: string | null; consents: Record<string, boolean> | null;
  }>(
    `select u.id, u.email, u.name, u.kind, u.active, u.company_id, c.country, c.customer_group, ct.phone,
            (select jsonb_object_agg(l.channel, l.granted) from (
               select distinct on (e.channel) e.channel, e.granted from customers.consent_event e
                where e.user_id = u.id order by e.channel, e.at desc, e.id) l) as consents
       from customers.user_account u
       left join customers.company c on c.id = u.company_id
       left join customers.contact ct on ct.id = u.contact_id
      where u.id = any($1::uuid[])`,
    [userIds],
  );
  return rows.map((r) => ({
    userId: r.id,
    email: r.email,
    name: r.name,
    kind: r.kind as NotificationRecipient['kind'],
    active: r.active,
    companyId: r.company_id,
    language: r.country ? LANGUAGE_OF_COUNTRY[r.country.toUpperCase()] ?? null : null,
    consents: r.consents ?? {},
    phone: r.phone,
    customerGroup: r.customer_group,
  }));
}

/** The default language of the user's company (from its country); null for staff, suppliers and countries without one here. */
export async function readCompanyLanguage(client: PoolClient, userId: string): Promise<string | null> {
  const { rows } = await client.query<{ country: string | null }>(
    `select c.country from customers.user_account u join customers.company c on c.id = u.company_id where u.id = $1`,
    [userId],
  );
  const country = rows[0]?.country;
  return country ? LANGUAGE_OF_COUNTRY[country.toUpperCase()] ?? null : null;
}

/** A company's active users holding `permission` (customer users' permissions are stored per user). */
export async function readCompanyUsersWithPermission(client: PoolClient, companyId: string, permission: string): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `select id from customers.user_account where company_id = $1 and active and $2 = any(permissions) order by created_at, id`,
    [companyId, permission],
  );
  return rows.map((r) => r.id);
}

/** Active users whose latest NEWSLETTER consent is a grant: a newsletter's audience (nobody else gets one). */
export async function readNewsletterAudience(client: PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ user_id: string }>(
    `select l.user_id from (
       select distinct on (e.user_id) e.user_id, e.granted from customers.consent_event e
        where e.channel = 'NEWSLETTER' order by e.user_id, e.at desc, e.id) l
       join customers.user_account u on u.id = l.user_id and u.active
      where l.granted order by l.user_id`,
  );
  return rows.map((r) => r.user_id);
}

/** A company as a debt-collection agency needs it: ERP number, name, invoice address, contacts (the ERP's). */
export async function readDebtorDetails(client: PoolClient, companyId: string): Promise<DebtorDetails | null> {
  const { rows } = await client.query<{ id: string; erp_number: string; name: string; country: string; customer_group: string | null; invoice_address: DebtorDetails['invoiceAddress'] }>(
    `select id, erp_number, name, country, customer_group, invoice_address from customers.company where id = $1`,
    [companyId],
  );
  if (!rows[0]) return null;
  const contacts = await client.query<{ name: string; email: string; phone: string | null }>(
    `select name, email, phone from customers.contact where company_id = $1 order by contact_number`,
    [companyId],
  );
  const c = rows[0];
  return { companyId: c.id, erpCustomerNumber: c.erp_number, name: c.name, country: c.country, customerGroup: c.customer_group, invoiceAddress: c.invoice_address, contacts: contacts.rows };
}
