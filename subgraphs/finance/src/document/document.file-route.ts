import { FileRoute } from '@hub/subgraph-kit';
import { FinanceContext } from '../context';
import { DOCUMENTS_ROUTE } from './document.service';

/** `/files/finance/<token>` for documents: the link's reference, re-checked by the service. */
export const documentsFileRoute: FileRoute<FinanceContext> = {
  name: DOCUMENTS_ROUTE,
  serve: (ref, ctx) => ctx.services.documents.serve(ref),
};
