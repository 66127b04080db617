import DataLoader from 'dataloader';
import { AuthSecrets } from '@hub/auth';
import { BaseContext, createByIdLoader, SubgraphRuntime } from '@hub/subgraph-kit';
import { CompanyEntity } from './company/company.entity';
import { CompanyService } from './company/company.service';
import { AuthService } from './user/auth.service';
import { UserEntity } from './user/user.entity';
import { UserService } from './user/user.service';

export interface CustomersContext extends BaseContext {
  secrets: AuthSecrets;
  loaders: {
    companyById: DataLoader<string, CompanyEntity | null>;
    userById: DataLoader<string, UserEntity | null>;
  };
  services: { companies: CompanyService; users: UserService; auth: AuthService };
}

export function buildCustomersContext(base: BaseContext, runtime: SubgraphRuntime): CustomersContext {
  const ctx = { ...base, secrets: runtime.secrets } as CustomersContext;
  ctx.loaders = {
    companyById: createByIdLoader(base.em, CompanyEntity),
    userById: createByIdLoader(base.em, UserEntity),
  };
  ctx.services = { companies: new CompanyService(ctx), users: new UserService(ctx), auth: new AuthService(ctx) };
  return ctx;
}
