import { FileRoute } from '@hub/subgraph-kit';
import { CustomersContext } from '../context';
import { MATERIALS_ROUTE } from './marketing-material.service';

/** `/files/customers/<token>` for marketing materials: visibility checked again by the service. */
export const marketingMaterialFileRoute: FileRoute<CustomersContext> = {
  name: MATERIALS_ROUTE,
  serve: (ref, ctx) => ctx.services.materials.serve(ref),
};
