import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  checkPasswordPolicy, CUSTOMER_ROLES, hashPassword, isCustomerRole, requireStaffPermission, Viewer,
} from '@hub/auth';
import { badUserInput, conflict, notFound } from '@hub/errors';
import { checkPageSize, isUuid } from '@hub/subgraph-kit';
import { LoginThrottleService } from '../access/login-throttle.service';
import { recordAudit } from '../audit/audit.service';
import { CompanyEntity } from '../company/company.entity';
import { ContactEntity } from '../contact/contact.entity';
import { CUSTOMER_REGISTERED_TOPIC, CustomerRegisteredPayload, CustomersOutboxMessageEntity } from '../outbox/customers-outbox';
import { UserEntity } from '../user/user.entity';
import { UserKind } from '../user/user-kind';
import { countryCode, currencyCode } from './iso-codes';
import { normalizeAddress, normalizeCompanyName } from './normalize-text';
import { ApproveRegistrationInput, RegistrationInput } from './registration.inputs';
import { RegistrationEntity, RegistrationErpStatus, RegistrationStatus } from './registration.entity';
import { DuplicateCandidate, RegistrationRepository } from './registration.repository';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Similarities from which an existing company is shown to staff as a likely duplicate. */
const DUPLICATE_THRESHOLDS = { name: 0.45, address: 0.6 };

function required(value: string | undefined | null, field: string, max = 200): string {
  const v = (value ?? '').trim();
  if (v.length === 0 || v.length > max) throw badUserInput(`${field} must be 1 to ${max} characters.`, field);
  return v;
}

/** Self-registration (C5) with a duplicate check (C6); staff approve or reject. */
export class RegistrationService {
  constructor(
    private readonly em: EntityManager,
    private readonly registrations: RegistrationRepository,
    /** With the registration limits (registrationLimitsFromEnv). */
    private readonly throttle: LoginThrottleService,
    private readonly clientAddress: string | null,
  ) {}

  /** Public: records a pending registration. Answers the same whether or not the e-mail has an account. */
  async register(input: RegistrationInput): Promise<RegistrationEntity> {
    const email = required(input.email, 'email', 254).toLowerCase();
    if (!EMAIL_PATTERN.test(email)) throw badUserInput('Enter a valid e-mail address.', 'email');
    const companyName = required(input.companyName, 'companyName');
    const contactName = required(input.contactName, 'contactName');
    // Assigned codes only: the ERP creates the customer with them on approval.
    const country = countryCode(input.country, 'country');
    const currency = currencyCode(input.currency, 'currency');
    const a = input.invoiceAddress;
    const addressCountry = countryCode(a?.country, 'invoiceAddress.country');
    const invoiceAddress = {
      street: required(a?.street, 'invoiceAddress.street'), postalCode: required(a?.postalCode, 'invoiceAddress.postalCode', 20),
      city: required(a?.city, 'invoiceAddress.city'), country: addressCountry,
    };
    const vatNumber = input.vatNumber?.trim() || null;
    if (vatNumber && vatNumber.length > 40) throw badUserInput('vatNumber is too long.', 'vatNumber');
    const phone = input.phone?.trim() || null;
    if (phone && phone.length > 40) throw badUserInput('phone is too long.', 'phone');
    checkPasswordPolicy(input.password, email, 'password');
    // Registration is public: a client address may register a few companies an hour, not flood staff's queue.
    if (this.clientAddress) {
      const key = `register:${this.clientAddress}`;
      await this.throttle.check([key], 'registrations from this address');
      await this.throttle.recordFailure(key, this.throttle.limits.perAddress);
    }
    const passwordHash = await hashPassword(input.password);
    return this.em.transactional(async (tx) => {
      const registration = tx.create(RegistrationEntity, {
        companyName, vatNumber, country, currency, contactName, email, phone, invoiceAddress, passwordHash,
        normalizedName: normalizeCompanyName(companyName), normalizedAddress: normalizeAddress(invoiceAddress),
      });
      recordAudit(tx, null, 'registration.create', { details: { registrationId: registration.id, companyName, email } });
      return registration;
    });
  }

  async list(viewer: Viewer | null, status: RegistrationStatus | null, first: number): Promise<RegistrationEntity[]> {
    requireStaffPermission(viewer, 'staff.users');
    const limit = checkPageSize(first, { max: 500 });
    return this.em.find(RegistrationEntity, status ? { status } : {}, { orderBy: { createdAt: 'desc', id: 'asc' }, limit });
  }

  async get(viewer: Viewer | null, id: string): Promise<RegistrationEntity> {
    requireStaffPermission(viewer, 'staff.users');
    if (!isUuid(id)) throw badUserInput('Registration id must be a UUID.', 'id');
    const registration = await this.em.findOne(RegistrationEntity, { id });
    if (!registration) throw notFound('Registration', id);
    return registration;
  }

  /** Existing customers that look like this registration (see RegistrationRepository.duplicateCandidates). */
  async duplicates(viewer: Viewer | null, registration: RegistrationEntity): Promise<DuplicateCandidate[]> {
    requireStaffPermission(viewer, 'staff.users');
    return this.registrations.duplicateCandidates(registration, DUPLICATE_THRESHOLDS);
  }

  /** Bind to an existing customer (the user is created now), or create a new customer in the ERP through the outbox. */
  async approve(viewerInput: Viewer | null, input: ApproveRegistrationInput): Promise<RegistrationEntity> {
    const viewer = requireStaffPermission(viewerInput, 'staff.users');
    if (!isUuid(input.registrationId)) throw badUserInput('Registration id must be a UUID.', 'registrationId');
    if (input.companyId && !isUuid(input.companyId)) throw badUserInput('companyId must be a UUID.', 'companyId');
    if (input.contactId && !isUuid(input.contactId)) throw badUserInput('contactId must be a UUID.', 'contactId');
    if (input.contactId && !input.companyId) throw badUserInput('A contact needs the company it belongs to.', 'contactId');
    const roles = input.roles ?? ['READ_ONLY'];
    for (const role of roles) if (!isCustomerRole(role)) throw badUserInput(`Unknown role "${role}".`, 'roles');
    const permissions = [...new Set(roles.flatMap((role) => [...CUSTOMER_ROLES[role as keyof typeof CUSTOMER_ROLES]]))].sort();

    return this.em.transactional(async (tx) => {
      const registration = await tx.findOne(RegistrationEntity, { id: input.registrationId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!registration) throw notFound('Registration', input.registrationId);
      if (registration.status !== RegistrationStatus.PENDING) throw conflict(`This registration is already ${registration.status.toLowerCase()}.`);
      if (await tx.count(UserEntity, { email: registration.email })) throw conflict('A user with this e-mail address already exists.');
      registration.status = RegistrationStatus.APPROVED;
      registration.decidedAt = new Date();
      registration.decidedById = viewer.actorId ?? viewer.userId;

      if (input.companyId) {
        const company = await tx.findOne(CompanyEntity, { id: input.companyId });
        if (!company || !company.active) throw notFound('Company', input.companyId);
        if (input.contactId) {
          const contact = await tx.findOne(ContactEntity, { id: input.contactId });
          if (!contact || contact.companyId !== company.id) throw notFound('Contact', input.contactId);
        }
        const user = tx.create(UserEntity, {
          email: registration.email, passwordHash: registration.passwordHash, name: registration.contactName, kind: UserKind.CUSTOMER,
          company, supplierId: null, contactId: input.contactId ?? null, permissions,
        });
        // The hash now lives with the user; the registration keeps none.
        Object.assign(registration, { companyId: company.id, contactId: input.contactId ?? null, userId: user.id, passwordHash: '' });
        recordAudit(tx, viewer, 'registration.approve', { targetUserId: user.id, companyId: company.id, details: { registrationId: registration.id, bound: true } });
      } else {
        const payload: CustomerRegisteredPayload = {
          hubRegistrationId: registration.id, name: registration.companyName, country: registration.country, currency: registration.currency,
          email: registration.email, vatNumber: registration.vatNumber, phone: registration.phone,
          invoiceAddress: {
            street: registration.invoiceAddress.street, postalCode: registration.invoiceAddress.postalCode,
            city: registration.invoiceAddress.city, country: registration.invoiceAddress.country,
          },
        };
        // The registration id is the ERP's idempotency key: one customer per registration, however often it is sent.
        tx.create(CustomersOutboxMessageEntity, { topic: CUSTOMER_REGISTERED_TOPIC, key: `registration:${registration.id}`, payload: { ...payload } });
        registration.erpStatus = RegistrationErpStatus.SUBMITTED;
        recordAudit(tx, viewer, 'registration.approve', { details: { registrationId: registration.id, bound: false } });
      }
      return registration;
    });
  }

  async reject(viewerInput: Viewer | null, id: string, reason: string): Promise<RegistrationEntity> {
    const viewer = requireStaffPermission(viewerInput, 'staff.users');
    if (!isUuid(id)) throw badUserInput('Registration id must be a UUID.', 'id');
    const why = required(reason, 'reason', 1000);
    return this.em.transactional(async (tx) => {
      const registration = await tx.findOne(RegistrationEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!registration) throw notFound('Registration', id);
      if (registration.status !== RegistrationStatus.PENDING) throw conflict(`This registration is already ${registration.status.toLowerCase()}.`);
      Object.assign(registration, { status: RegistrationStatus.REJECTED, decidedAt: new Date(), decidedById: viewer.actorId ?? viewer.userId, rejectReason: why, passwordHash: '' });
      recordAudit(tx, viewer, 'registration.reject', { details: { registrationId: id, reason: why } });
      return registration;
    });
  }
}
