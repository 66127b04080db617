import { Viewer } from '@hub/auth';

export interface GatewayContext {
  /** The caller's verified token, forwarded to subgraphs as is. */
  bearer?: string;
  viewer: Viewer | null;
  /** The client's network address, forwarded to subgraphs (login throttling). */
  clientAddress?: string | null;
  /** The client's Accept-Language header, forwarded as is: subgraphs pick texts for callers who have no language of their own. */
  acceptLanguage?: string | null;
  /** Set while the gateway may keep this request's whole answer (edge-answers.ts): the fetches made for it, with what each subgraph reported. */
  edgeAnswer?: { subgraph: string; traceHeader: string; fetches: Array<{ subgraph: string; extensions?: Record<string, unknown> }> };
}
