import pino from 'pino';
import { currentScope } from './request-context';

export type LogFormat = 'json' | 'pretty';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function logSettings(env: NodeJS.ProcessEnv = process.env): { level: string; format: LogFormat } {
  const level = env.HUB_LOG_LEVEL || 'info';
  if (!LEVELS.includes(level)) throw new Error(`HUB_LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${level}".`);
  const format = env.HUB_LOG_FORMAT || (env.NODE_ENV === 'production' ? 'json' : 'pretty');
  if (format !== 'json' && format !== 'pretty') throw new Error(`HUB_LOG_FORMAT must be "json" or "pretty", got "${format}".`);
  return { level, format };
}

let serviceFields: Record<string, unknown> = {};

/** The process's name and the request's ids on every line logged inside it (pino calls this per line: keep it cheap). */
function requestFields(): Record<string, unknown> {
  const scope = currentScope();
  if (!scope) return serviceFields;
  const fields: Record<string, unknown> = { ...serviceFields, requestId: scope.requestId, traceId: scope.traceId };
  if (scope.userId) {
    fields.userId = scope.userId;
    if (scope.companyId) fields.companyId = scope.companyId;
    if (scope.actorId) fields.actorId = scope.actorId;
  }
  if (scope.operationName) fields.operationName = scope.operationName;
  return fields;
}

function build(): pino.Logger {
  const { level, format } = logSettings();
  const options: pino.LoggerOptions = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: requestFields,
    // Belt and braces: nothing logs these on purpose, but an error object or a header bag might carry them.
    redact: { paths: ['authorization', 'password', 'token', 'bearer', '*.authorization', '*.password', '*.token', '*.bearer', 'headers.authorization', 'headers.cookie'], censor: '[redacted]' },
  };
  if (format === 'pretty') {
    // In-process and synchronous: readable lines in a terminal, in order with the launcher's own output.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as (options: Record<string, unknown>) => NodeJS.WritableStream;
    return pino(options, pretty({ sync: true, singleLine: true, colorize: !!process.stdout.isTTY, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service', messageFormat: '{if service}[{service}] {end}{msg}' }) as pino.DestinationStream);
  }
  // Written asynchronously, whole lines at a time: a synchronous write per line stalled the event
  // loop whenever the reader of stdout lagged (a tenth of the gateway's time under load). Each write
  // stays within PIPE_BUF (4 KiB) of whole lines, so lines from the hub's processes sharing one
  // stdout never interleave; pino flushes what is left synchronously when the process exits.
  return pino(options, pino.destination({ dest: 1, sync: false, maxWrite: 4096 }));
}

/** The process's logger. Inside a request every line carries its requestId, traceId and the viewer's ids. */
export const logger: pino.Logger = build();

/** Names the process in every line (gateway, a subgraph, the hub in single-process mode). */
export function setLogService(service: string): void {
  // Through the mixin rather than bindings, so component loggers made before this call carry it too.
  serviceFields = { service };
}

/** A logger for one component (`component` field), e.g. the outbox dispatcher. */
export function componentLogger(component: string): pino.Logger {
  return logger.child({ component });
}
