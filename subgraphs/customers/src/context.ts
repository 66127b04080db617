import DataLoader from 'dataloader';
import { AuthSecrets } from '@hub/auth';
import { BaseContext, createByIdLoader, createGroupLoader, FileLinks, fileLinkOrigin, fileLinkTtlSeconds, SubgraphRuntime } from '@hub/subgraph-kit';
import { MarketingMaterialService } from './marketing-material/marketing-material.service';
import { CompanyBranchEntity } from './company/company-branch.entity';
import { CompanyStructureService } from './company/company-structure.service';
import { RegistrationService } from './registration/registration.service';
import { ConsentService } from './consent/consent.service';
import { CompanyEntity } from './company/company.entity';
import { CompanyService } from './company/company.service';
import { AuthService } from './user/auth.service';
import { UserEntity } from './user/user.entity';
import { UserService } from './user/user.service';
import { UserAdminService } from './user/user-admin.service';
import { AuditService } from './audit/audit.service';
import { PasswordResetService } from './access/password-reset.service';
import { LoginThrottleRepository } from './access/login-throttle.repository';
import { LoginThrottleService, registrationLimitsFromEnv, throttleLimitsFromEnv } from './access/login-throttle.service';
import { ConsentRepository } from './consent/consent.repository';
import { RegistrationRepository } from './registration/registration.repository';
import { processMailer } from '@hub/notifications/mail';

export interface CustomersContext extends BaseContext {
  secrets: AuthSecrets;
  loaders: {
    companyById: DataLoader<string, CompanyEntity | null>;
    userById: DataLoader<string, UserEntity | null>;
    branchesByCompany: DataLoader<string, CompanyBranchEntity[]>;
  };
  services: {
    companies: CompanyService;
    users: UserService;
    auth: AuthService;
    userAdmin: UserAdminService;
    audit: AuditService;
    passwordReset: PasswordResetService;
    companyStructure: CompanyStructureService;
    registrations: RegistrationService;
    consents: ConsentService;
    materials: MarketingMaterialService;
  };
}

/** One link issuer per runtime: links point at the gateway (or HUB_PUBLIC_URL). */
const linkIssuers = new WeakMap<SubgraphRuntime, FileLinks>();
function fileLinks(runtime: SubgraphRuntime): FileLinks {
  let links = linkIssuers.get(runtime);
  if (!links) linkIssuers.set(runtime, (links = new FileLinks('customers', runtime.secrets, fileLinkOrigin(runtime.gatewayUrl), fileLinkTtlSeconds())));
  return links;
}

export function buildCustomersContext(base: BaseContext, runtime: SubgraphRuntime): CustomersContext {
  const { em } = base;
  const clientAddress = base.clientAddress ?? null;
  const ctx = { ...base, secrets: runtime.secrets } as CustomersContext;
  ctx.loaders = {
    companyById: createByIdLoader(em, CompanyEntity),
    userById: createByIdLoader(em, UserEntity),
    branchesByCompany: createGroupLoader(
      (companyIds: string[]) => em.find(CompanyBranchEntity, { companyId: { $in: companyIds } }, { orderBy: { name: 'asc', id: 'asc' } }),
      (b) => b.companyId,
    ),
  };
  const throttles = new LoginThrottleRepository(em);
  // Sign-in and reset mails share the sign-in limits; self-registration has its own.
  const loginThrottle = new LoginThrottleService(throttles, throttleLimitsFromEnv());
  ctx.services = {
    companies: new CompanyService(ctx),
    users: new UserService(ctx),
    auth: new AuthService(em, loginThrottle, runtime.secrets, clientAddress),
    userAdmin: new UserAdminService(ctx),
    audit: new AuditService(ctx),
    passwordReset: new PasswordResetService(em, loginThrottle, processMailer()),
    companyStructure: new CompanyStructureService(ctx),
    registrations: new RegistrationService(em, new RegistrationRepository(em), new LoginThrottleService(throttles, registrationLimitsFromEnv()), clientAddress),
    consents: new ConsentService(em, new ConsentRepository(em), runtime.secrets),
    materials: new MarketingMaterialService(em, base.viewer, fileLinks(runtime)),
  };
  return ctx;
}
