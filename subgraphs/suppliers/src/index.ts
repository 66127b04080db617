import 'reflect-metadata';
import { join } from 'node:path';
import { SubgraphModule } from '@hub/subgraph-kit';
import { buildSuppliersContext, SuppliersContext } from './context';
import { seedSuppliersDemoData } from './demo/suppliers-demo.seed';
import { buildSuppliersSchema } from './schema';
import { SupplierEntity } from './supplier/supplier.entity';
import { SupplierProductEntity } from './supplier/supplier-product.entity';

export const suppliersSubgraph: SubgraphModule<SuppliersContext> = {
  name: 'suppliers',
  dbSchema: 'suppliers',
  entities: [SupplierEntity, SupplierProductEntity],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: buildSuppliersSchema,
  buildContext: buildSuppliersContext,
  seedDemoData: seedSuppliersDemoData,
};

export { SupplierEntity, SupplierProductEntity };
