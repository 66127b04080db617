import type { Express, Request, Response } from 'express';
import http from 'node:http';
import {
  AuthSecrets, bearerToken, CLIENT_ADDRESS_HEADER, fileRequestLine, GATEWAY_ASSERTION_HEADER, GatewayAssertionSigner, RevocationList, verifyAccessToken, verifyFileLink,
} from '@hub/auth';
import { HTTP_STATUS_OF_CODE, HubError, refusalBody, unauthenticated } from '@hub/errors';
import { componentLogger, injectTraceHeaders, requestScope, setScopeViewer } from '@hub/observability';

// Downloads get a pool of their own, so a burst of PDFs never queues behind query plans' fetches.
const agent = new http.Agent({ keepAlive: true, keepAliveMsecs: 30_000, maxSockets: 64, timeout: 60_000 });
/** Headers of the subgraph's answer the client gets; nothing else of the subgraph leaks. */
const PASSED_HEADERS = ['content-type', 'content-length', 'content-disposition', 'cache-control'];

/**
 * `GET /files/<subgraph>/<token>`: a signed file link, served with the same checks as a GraphQL
 * request (the user's bearer token, verified and not revoked) and the link's own (this user's,
 * not expired), then streamed from the subgraph that issued it, which checks permission and tenant again.
 */
export function serveFileDownloads(
  app: Express,
  options: { subgraphUrls: Record<string, string>; secrets: AuthSecrets; signer: GatewayAssertionSigner; revoked: RevocationList | null },
): void {
  const log = componentLogger('gateway');
  const origins = new Map(Object.entries(options.subgraphUrls).map(([name, url]) => [name, new URL(url)]));
  app.get('/files/:subgraph/:token', requestScope('gateway file'), async (req: Request, res: Response) => {
    const refuse = (error: unknown) => {
      const hub = error instanceof HubError ? error : null;
      if (!hub) log.error({ err: error }, 'file download failed');
      if (res.headersSent) return void res.destroy();
      res.status(hub ? HTTP_STATUS_OF_CODE[hub.code] : 500).json(refusalBody(hub ? hub.message : 'Internal server error.', hub?.code ?? 'INTERNAL_SERVER_ERROR'));
    };
    try {
      const bearer = bearerToken(req.headers.authorization);
      if (!bearer) throw unauthenticated('Downloads need the same Authorization: Bearer token as the GraphQL API.');
      const viewer = await verifyAccessToken(bearer, options.secrets);
      if (options.revoked?.isRevoked(viewer)) throw unauthenticated('This session has ended; sign in again.');
      setScopeViewer(viewer);
      const subgraph = String(req.params.subgraph);
      const token = String(req.params.token);
      const target = origins.get(subgraph);
      if (!target) throw new HubError('NOT_FOUND', 'This file link was not found.');
      // Refused here already (another user's, expired, forged), so nothing is forwarded for it.
      await verifyFileLink(token, options.secrets, { userId: viewer.userId, subgraph });
      const headers: http.OutgoingHttpHeaders = {
        authorization: `Bearer ${bearer}`,
        [GATEWAY_ASSERTION_HEADER]: await options.signer.sign({ subgraph, body: fileRequestLine(token), bearer }),
        accept: String(req.headers.accept ?? '*/*'),
      };
      const clientAddress = req.ip ?? req.socket.remoteAddress;
      if (clientAddress) headers[CLIENT_ADDRESS_HEADER] = clientAddress;
      injectTraceHeaders((name, value) => (headers[name] = value));
      const upstream = http.request({ hostname: target.hostname, port: target.port, path: `/files/${encodeURIComponent(token)}`, method: 'GET', headers, agent });
      upstream.on('response', (answer) => {
        res.status(answer.statusCode ?? 502);
        for (const name of PASSED_HEADERS) {
          const value = answer.headers[name];
          if (value !== undefined) res.setHeader(name, value);
        }
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      });
      upstream.on('error', (error) => refuse(error));
      // The client went away before the end: stop reading from the subgraph too.
      res.on('close', () => {
        if (!res.writableFinished) upstream.destroy();
      });
      upstream.end();
    } catch (error) {
      refuse(error);
    }
  });
}
