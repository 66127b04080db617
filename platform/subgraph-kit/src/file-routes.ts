import type { Express, Request, Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  AuthSecrets, bearerToken, CLIENT_ADDRESS_HEADER, FileLinkRef, fileRequestLine, GATEWAY_ASSERTION_HEADER, signFileLink, verifyAccessToken, verifyFileLink, verifyGatewayAssertion, Viewer,
} from '@hub/auth';
import { HTTP_STATUS_OF_CODE, HubError, HubErrorCode, refusalBody, unauthenticated } from '@hub/errors';
import { logger, setScopeViewer } from '@hub/observability';
import { BaseContext } from './subgraph-context';

/** A file as a route serves it. */
export interface ServedFile {
  body: Buffer | Readable;
  contentType: string;
  /** The name the browser saves it as (any characters; encoded for the header here). */
  fileName: string;
  /** inline (default: the browser shows a PDF) or attachment (it saves it). */
  disposition?: 'inline' | 'attachment';
}

/**
 * A download a subgraph serves behind signed links (`/files/<subgraph>/<token>` on the gateway).
 * `serve` runs with a request context like a resolver's (the viewer, a fresh EntityManager) and
 * must check the permission and tenant itself again: the link only proves who it was issued to.
 */
export interface FileRoute<TContext extends BaseContext = BaseContext> {
  name: string;
  serve(ref: FileLinkRef, context: TContext): Promise<ServedFile>;
}

/** Issues the links of one subgraph's file routes, as URLs on the gateway. */
export class FileLinks {
  constructor(
    private readonly subgraph: string,
    private readonly secrets: AuthSecrets,
    /** The gateway's public origin (http://host:port), looked up when a link is made. */
    private readonly publicOrigin: () => string,
    private readonly ttlSeconds?: number,
  ) {}

  async url(viewer: Viewer, route: string, ref: FileLinkRef): Promise<string> {
    const token = await signFileLink(viewer.userId, { subgraph: this.subgraph, route, ref }, this.secrets, { ttlSeconds: this.ttlSeconds });
    return `${this.publicOrigin()}/files/${encodeURIComponent(this.subgraph)}/${token}`;
  }
}

/** The link lifetime from HUB_FILE_LINK_TTL_SECONDS (default five minutes). */
export function fileLinkTtlSeconds(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env.HUB_FILE_LINK_TTL_SECONDS;
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 86_400) throw new Error(`HUB_FILE_LINK_TTL_SECONDS must be 1 to 86400, got "${value}".`);
  return n;
}

/** Links point at HUB_PUBLIC_URL when set (a proxy in front), else at the gateway itself. */
export function fileLinkOrigin(gatewayUrl: () => string, env: NodeJS.ProcessEnv = process.env): () => string {
  const configured = env.HUB_PUBLIC_URL?.replace(/\/+$/, '');
  return () => configured || new URL(gatewayUrl()).origin;
}

function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Answers a refusal as GraphQL-style JSON with the status of its code. */
export function sendFileRefusal(res: Response, error: unknown, log: (error: unknown) => void): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const hub = error instanceof HubError ? error : null;
  const code = (hub?.code ?? 'INTERNAL_SERVER_ERROR') as HubErrorCode;
  if (!hub) log(error);
  res.status(HTTP_STATUS_OF_CODE[code] ?? 500).json(refusalBody(hub ? hub.message : 'Internal server error.', code));
}

/**
 * `GET /files/:token` on a subgraph: only through the gateway (its assertion for this user token),
 * the user's token verified here again, the link verified for this user and subgraph, then the
 * route's own permission and tenant check, then the bytes.
 */
export function serveFileRoutes<TContext extends BaseContext>(
  app: Express,
  options: {
    subgraph: string;
    secrets: AuthSecrets;
    routes: readonly FileRoute<TContext>[];
    buildContext: (base: BaseContext) => TContext;
    newEntityManager: () => BaseContext['em'];
    /** This process's own revocation list (as for GraphQL requests). */
    revocations?: { isRevoked(viewer: Viewer): boolean };
  },
): void {
  const routes = new Map(options.routes.map((r) => [r.name, r]));
  const log = (error: unknown) => logger.error({ err: error, subgraph: options.subgraph }, 'file route failed');
  app.get('/files/:token', async (req: Request, res: Response) => {
    try {
      const bearer = bearerToken(req.headers.authorization);
      const token = String(req.params.token);
      await verifyGatewayAssertion(req.headers[GATEWAY_ASSERTION_HEADER] as string | undefined, { subgraph: options.subgraph, body: fileRequestLine(token), bearer }, options.secrets);
      if (!bearer) throw unauthenticated('Downloads need the same Authorization: Bearer token as the GraphQL API.');
      const viewer = await verifyAccessToken(bearer, options.secrets);
      if (options.revocations?.isRevoked(viewer)) throw unauthenticated('This session has ended; sign in again.');
      setScopeViewer(viewer);
      const claims = await verifyFileLink(token, options.secrets, { userId: viewer.userId, subgraph: options.subgraph });
      const route = routes.get(claims.route);
      if (!route) throw new HubError('NOT_FOUND', 'This file link was not found.');
      const forwarded = req.headers[CLIENT_ADDRESS_HEADER];
      const clientAddress = typeof forwarded === 'string' && forwarded.length > 0 && forwarded.length <= 100 ? forwarded : null;
      const context = options.buildContext({ viewer, bearer, clientAddress, em: options.newEntityManager() });
      const file = await route.serve(claims.ref, context);
      res.status(200);
      res.setHeader('content-type', file.contentType);
      res.setHeader('content-disposition', contentDisposition(file.disposition ?? 'inline', file.fileName));
      // A user's document: never kept by shared caches; the link dies soon anyway.
      res.setHeader('cache-control', 'private, no-store');
      if (Buffer.isBuffer(file.body)) {
        res.setHeader('content-length', file.body.length);
        res.end(file.body);
      } else {
        await pipeline(file.body, res);
      }
    } catch (error) {
      sendFileRefusal(res, error, log);
    }
  });
}
