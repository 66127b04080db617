import type { EntityManager } from '@mikro-orm/postgresql';
import type { Express, Request, Response } from 'express';
import express from 'express';
import type { IncomingHttpHeaders } from 'node:http';
import { componentLogger } from '@hub/observability';

/** What a webhook handler is given: the raw body (signatures are computed over it), the headers and a fresh EntityManager. */
export interface WebhookRequest {
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
  em: EntityManager;
}

/**
 * An outside service's callbacks (a payment provider's webhooks), served at `POST /webhooks/<name>`
 * without the gateway: the caller proves itself by the request's own signature, which the handler checks.
 */
export interface WebhookRoute {
  name: string;
  handle(request: WebhookRequest): Promise<{ status: number; body: unknown }>;
}

const NAME = /^[a-z][a-z0-9-]{0,40}$/;

export function serveWebhookRoutes(app: Express, subgraph: string, routes: readonly WebhookRoute[], newEntityManager: () => EntityManager): void {
  const log = componentLogger(`${subgraph} webhooks`);
  for (const route of routes) {
    if (!NAME.test(route.name)) throw new Error(`webhook route name "${route.name}" must be lower-case letters, digits and dashes`);
    app.post(`/webhooks/${route.name}`, express.raw({ type: () => true, limit: '256kb' }), async (req: Request, res: Response) => {
      try {
        const answer = await route.handle({ rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), headers: req.headers, em: newEntityManager() });
        res.status(answer.status).json(answer.body);
      } catch (error) {
        // A failure of ours: the provider tries again later.
        log.error({ err: error }, `webhook ${route.name} failed`);
        res.status(500).json({ error: 'internal error' });
      }
    });
  }
}
