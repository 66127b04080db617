import { GraphQLError } from 'graphql';

/**
 * The error codes every part of the hub uses in `extensions.code`.
 * Clients branch on these, so they are part of the public API.
 */
export type HubErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  /** A signed file link past its expiry: ask the GraphQL field for a fresh one. */
  | 'LINK_EXPIRED'
  /** Something the hub needs from outside (the ERP) is down and it has no copy to answer from. */
  | 'UNAVAILABLE'
  /** The card was declined or its 3-D Secure check failed: the payer tries another card. */
  | 'PAYMENT_DECLINED'
  | 'INTERNAL_SERVER_ERROR';

const HTTP_STATUS: Partial<Record<HubErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
};

/** The HTTP status of each code where a plain HTTP route (a file download) answers with it. */
export const HTTP_STATUS_OF_CODE: Readonly<Record<HubErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LINK_EXPIRED: 410,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  PAYMENT_DECLINED: 402,
  INTERNAL_SERVER_ERROR: 500,
};

export class HubError extends GraphQLError {
  constructor(
    readonly code: HubErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options: { httpStatus?: number } = {},
  ) {
    const status = options.httpStatus ?? undefined;
    super(message, { extensions: { code, ...details, ...(status ? { http: { status } } : {}) } });
  }
}

export function badUserInput(message: string, field?: string): HubError {
  return new HubError('BAD_USER_INPUT', message, field ? { field } : {});
}

export function unauthenticated(message = 'You must be signed in.'): HubError {
  return new HubError('UNAUTHENTICATED', message);
}

export function forbidden(message = 'You are not allowed to do this.'): HubError {
  return new HubError('FORBIDDEN', message);
}

export function notFound(what: string, id?: string): HubError {
  return new HubError('NOT_FOUND', id ? `${what} ${id} was not found.` : `${what} was not found.`, id ? { id } : {});
}

export function conflict(message: string): HubError {
  return new HubError('CONFLICT', message);
}

export function unavailable(message: string): HubError {
  return new HubError('UNAVAILABLE', message);
}

/** Rejections that happen before GraphQL execution and must also set an HTTP status. */
export function httpRejection(code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string): HubError {
  return new HubError(code, message, {}, { httpStatus: HTTP_STATUS[code] });
}

/** Errors raised while reading the request (before execution) become HTTP 401/403 responses. */
export function asHttpRejection(error: unknown): unknown {
  if (error instanceof HubError && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')) {
    return httpRejection(error.code, error.message);
  }
  return error;
}
export * from './http-refusals';
