import type { ApolloServer } from '@apollo/server';
import express, { Express, Request, Response } from 'express';
import { componentLogger, requestScope } from '@hub/observability';
import { GatewayContext } from './gateway-context';

const UNSUBSCRIBE = `mutation OneClickUnsubscribe($token: String!, $newsletterId: ID!) {
  unsubscribe(token: $token)
  recordNewsletterUnsubscribe(token: $token, newsletterId: $newsletterId)
}`;

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body style="font-family:sans-serif;max-width:36em;margin:3em auto">${body}</body></html>`;

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * `/unsubscribe?token=…&newsletter=…`, the link in every newsletter's List-Unsubscribe header
 * (RFC 8058) and text: POST (the mail client's one click, or the form) withdraws the newsletter
 * consent and counts it on the newsletter, without signing in: the signed token is the proof.
 * GET only shows a confirm button, since mail scanners follow links and must not unsubscribe anyone.
 * It runs one fixed operation on the gateway's own schema as an anonymous caller.
 */
export function serveOneClickUnsubscribe(app: Express, server: ApolloServer<GatewayContext>): void {
  const log = componentLogger('gateway');
  app.get('/unsubscribe', (req: Request, res: Response) => {
    const token = String(req.query.token ?? '');
    const newsletter = String(req.query.newsletter ?? '');
    res.type('html').send(page('Unsubscribe', `<h1>Unsubscribe from newsletters?</h1>
<form method="post" action="/unsubscribe?token=${escapeAttribute(encodeURIComponent(token))}&amp;newsletter=${escapeAttribute(encodeURIComponent(newsletter))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`));
  });
  app.post('/unsubscribe', requestScope('gateway unsubscribe'), express.urlencoded({ extended: false, limit: '4kb' }), async (req: Request, res: Response) => {
    const token = String(req.query.token ?? '');
    const newsletterId = String(req.query.newsletter ?? '');
    const result = await server.executeOperation(
      { query: UNSUBSCRIBE, variables: { token, newsletterId } },
      { contextValue: { viewer: null, bearer: undefined, clientAddress: req.ip ?? req.socket.remoteAddress ?? null } },
    );
    const errors = result.body.kind === 'single' ? result.body.singleResult.errors : undefined;
    if (errors?.length) {
      const code = String(errors[0].extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      if (code !== 'BAD_USER_INPUT') log.error({ errors }, 'one-click unsubscribe failed');
      res.status(code === 'BAD_USER_INPUT' ? 400 : 500).type('html').send(page('Unsubscribe', `<h1>This unsubscribe link is not valid.</h1><p>${code}</p>`));
      return;
    }
    res.type('html').send(page('Unsubscribed', '<h1>You are unsubscribed.</h1><p>You will get no more newsletters.</p>'));
  });
}
