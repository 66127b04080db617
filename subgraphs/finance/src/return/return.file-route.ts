import { FileRoute } from '@hub/subgraph-kit';
import { FinanceContext } from '../context';
import { RETURN_FILES_ROUTE } from './return.service';

/** `/files/finance/<token>` for a return's photos, waybills and label: the reference re-checked by the service. */
export const returnFilesRoute: FileRoute<FinanceContext> = {
  name: RETURN_FILES_ROUTE,
  serve: (ref, ctx) => ctx.services.returns.serveFile(ref),
};
