import type { ErrorRequestHandler, RequestHandler } from 'express';

/** Codes of refusals made by the HTTP layer, before any GraphQL operation is read. */
export type HttpRefusalCode = 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'NOT_FOUND' | 'INTERNAL_SERVER_ERROR';

/** The GraphQL-style body every refusal gets, so clients read `errors[0].extensions.code` whatever refused them. */
export function refusalBody(message: string, code: HttpRefusalCode | string): { errors: Array<{ message: string; extensions: { code: string } }> } {
  return { errors: [{ message, extensions: { code } }] };
}

/** POSTs must be JSON (415 otherwise); GET and the rest pass on (GraphiQL, GET queries, Apollo's own checks). */
export function requireJsonPost(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type === 'application/json' || type === 'application/graphql-response+json') return next();
    res.status(415).json(refusalBody(`POST bodies must be application/json${type ? `, not ${type}` : ''}.`, 'UNSUPPORTED_MEDIA_TYPE'));
  };
}

/** Express's errors (the JSON parser's, mostly) as JSON instead of its HTML page. */
export function jsonRefusals(): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof error?.status === 'number' ? error.status : typeof error?.statusCode === 'number' ? error.statusCode : 500;
    if (error?.type === 'entity.too.large' || status === 413) return void res.status(413).json(refusalBody(`The request body is larger than ${error?.limit ?? 'the limit'} bytes.`, 'PAYLOAD_TOO_LARGE'));
    if (error?.type === 'entity.parse.failed') return void res.status(400).json(refusalBody('The request body is not valid JSON.', 'BAD_REQUEST'));
    if (status === 415 || error?.type === 'encoding.unsupported' || error?.type === 'charset.unsupported') return void res.status(415).json(refusalBody('The request body has an unsupported encoding.', 'UNSUPPORTED_MEDIA_TYPE'));
    if (status >= 400 && status < 500) return void res.status(status).json(refusalBody(error?.expose && error.message ? error.message : 'Bad request.', 'BAD_REQUEST'));
    res.status(500).json(refusalBody('Internal server error.', 'INTERNAL_SERVER_ERROR'));
  };
}

/** The last handler: an unknown path gets a JSON 404. */
export function notFoundRefusal(): RequestHandler {
  return (req, res) => {
    res.status(404).json(refusalBody(`No such path: ${req.method} ${req.path.slice(0, 200)}.`, 'NOT_FOUND'));
  };
}
