import { context } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { newRequestScope, runInScope } from './request-context';
import { startServerSpan, SpanStatusCode } from './tracing';

/**
 * Express middleware that opens a request's scope: its request id (the caller's x-request-id or a
 * new one, echoed in the response), its trace (continuing the caller's traceparent) and, with
 * tracing on, its server span, active for everything the request does and ended when it is answered.
 */
export function requestScope(spanName: string): RequestHandler {
  return (req, res, next) => {
    const scope = newRequestScope(req.headers as Record<string, string>);
    res.setHeader('x-request-id', scope.requestId);
    const server = startServerSpan(spanName, req.headers);
    if (!server) return runInScope(scope, next);
    const { traceId, spanId, traceFlags } = server.span.spanContext();
    scope.traceId = traceId;
    scope.spanId = spanId;
    scope.traceFlags = traceFlags.toString(16).padStart(2, '0');
    scope.span = server.span;
    server.span.setAttribute('http.request.method', req.method);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      server.span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) server.span.setStatus({ code: SpanStatusCode.ERROR });
      server.span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    context.with(server.context, () => runInScope(scope, next));
  };
}
