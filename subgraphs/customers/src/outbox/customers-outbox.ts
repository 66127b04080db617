import { Entity } from '@mikro-orm/core';
import { PoolClient } from 'pg';
import { CUSTOMER_ROLES } from '@hub/auth';
import { erpEntityId } from '@hub/erp-ids';
import { ErpCustomerSubmission } from '@hub/erp-contract';
import { OutboxMessage, OutboxMessageBase, OutboxStore } from '@hub/outbox';

/** The payload of a `customer.registered` message is the ERP contract's customer submission. */
export type CustomerRegisteredPayload = ErpCustomerSubmission;

/** New customers approved on the web, waiting to be (or already) created in the ERP. */
@Entity({ tableName: 'outbox_message' })
export class CustomersOutboxMessageEntity extends OutboxMessageBase {}

export const CUSTOMER_REGISTERED_TOPIC = 'customer.registered';

/**
 * When the ERP has created the customer: the registration takes the ERP's customer and contact
 * numbers, and the registrant's user account is created as the company's admin. The company and
 * contact rows are inserted with the ids the sync will derive from the same ERP numbers, so the
 * next sync fills in the ERP's other fields instead of creating a second company.
 */
export async function acknowledgeCustomer(client: PoolClient, message: OutboxMessage, result: Record<string, unknown>): Promise<void> {
  const registrationId = String(message.payload.hubRegistrationId);
  const customerNumber = String(result.customerNumber);
  const contactNumber = String(result.contactNumber);
  const companyId = erpEntityId('customer', customerNumber);
  const contactId = erpEntityId('contact', contactNumber);
  const { rows } = await client.query(`select * from customers.registration where id = $1 for update`, [registrationId]);
  const r = rows[0];
  if (!r || r.erp_status === 'CREATED') return;
  const address = { code: 'INV', name: r.company_name, ...r.invoice_address };
  await client.query(
    `insert into customers.company (id, erp_number, name, currency, country, invoice_address, delivery_addresses, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, now(), now()) on conflict do nothing`,
    [companyId, customerNumber, r.company_name, r.currency, r.country, JSON.stringify(address), JSON.stringify([{ ...address, code: 'D1' }])],
  );
  await client.query(
    `insert into customers.contact (id, contact_number, company_id, name, email, phone) values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
    [contactId, contactNumber, companyId, r.contact_name, r.email, r.phone],
  );
  const user = await client.query<{ id: string }>(
    `insert into customers.user_account (id, email, password_hash, name, kind, company_id, contact_id, permissions, active, token_version, created_at)
     values (gen_random_uuid(), $1, $2, $3, 'CUSTOMER', $4, $5, $6, true, 0, now()) on conflict do nothing returning id`,
    [r.email, r.password_hash, r.contact_name, companyId, contactId, [...CUSTOMER_ROLES.ADMIN]],
  );
  await client.query(
    `update customers.registration set erp_status = 'CREATED', password_hash = '', erp_customer_number = $2, erp_contact_number = $3, company_id = $4, contact_id = $5, user_id = $6 where id = $1`,
    [registrationId, customerNumber, contactNumber, companyId, contactId, user.rows[0]?.id ?? null],
  );
}

/** The customers subgraph's outbox, as the integrator's dispatcher sees it. */
export const customersOutbox = new OutboxStore('customers');
