import DataLoader from 'dataloader';
import { AuthSecrets } from '@hub/auth';
import { BaseContext, createByIdLoader, createGroupLoader, SubgraphRuntime } from '@hub/subgraph-kit';
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
import { processMailer } from './mail/mailer';

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
  };
}

export function buildCustomersContext(base: BaseContext, runtime: SubgraphRuntime): CustomersContext {
  const ctx = { ...base, secrets: runtime.secrets } as CustomersContext;
  ctx.loaders = {
    companyById: createByIdLoader(base.em, CompanyEntity),
    userById: createByIdLoader(base.em, UserEntity),
    branchesByCompany: createGroupLoader(
      (companyIds: string[]) => base.em.find(CompanyBranchEntity, { companyId: { $in: companyIds } }, { orderBy: { name: 'asc', id: 'asc' } }),
      (b) => b.companyId,
    ),
  };
  ctx.services = {
    companies: new CompanyService(ctx),
    users: new UserService(ctx),
    auth: new AuthService(ctx),
    userAdmin: new UserAdminService(ctx),
    audit: new AuditService(ctx),
    passwordReset: new PasswordResetService(ctx, processMailer()),
    companyStructure: new CompanyStructureService(ctx),
    registrations: new RegistrationService(ctx),
    consents: new ConsentService(ctx),
  };
  return ctx;
}
