import { Viewer } from '@hub/auth';

export interface GatewayContext {
  /** The caller's verified token, forwarded to subgraphs as is. */
  bearer?: string;
  viewer: Viewer | null;
}
