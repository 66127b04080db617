import { readdirSync } from 'node:fs';

export type CheckStatus = 'pass' | 'warn' | 'fail';

/** One readiness check. A failing `warning` check (the ERP) is reported but keeps the process ready. */
export interface HealthCheck {
  name: string;
  severity?: 'critical' | 'warning';
  timeoutMs?: number;
  /** Resolves when healthy (optionally with a detail), throws when not. */
  run(): Promise<string | void>;
}

export interface CheckResult {
  name: string;
  status: CheckStatus;
  durationMs: number;
  detail?: string;
}

export interface ReadinessReport {
  status: 'ready' | 'not_ready';
  checks: CheckResult[];
}

async function runCheck(check: HealthCheck): Promise<CheckResult> {
  const started = Date.now();
  const timeoutMs = check.timeoutMs ?? 2_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const detail = await Promise.race([
      check.run(),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
    ]);
    return { name: check.name, status: 'pass', durationMs: Date.now() - started, ...(detail ? { detail } : {}) };
  } catch (error) {
    return { name: check.name, status: check.severity === 'warning' ? 'warn' : 'fail', durationMs: Date.now() - started, detail: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check at once; ready unless a critical one failed. */
export async function readiness(checks: readonly HealthCheck[]): Promise<ReadinessReport> {
  const results = await Promise.all(checks.map(runCheck));
  return { status: results.some((r) => r.status === 'fail') ? 'not_ready' : 'ready', checks: results };
}

/** Runs SQL and returns its rows (a pg Pool's query, or the ORM connection's execute). */
export type SqlQuery = (sql: string) => Promise<Array<Record<string, unknown>>>;

export function databaseCheck(name: string, query: SqlQuery): HealthCheck {
  return { name, run: async () => void (await query('select 1')) };
}

/** The compiled migrations of a schema (dist/migrations/Migration*.js), by the name MikroORM records. */
export function migrationNames(migrationsPath: string): string[] {
  return readdirSync(migrationsPath)
    .filter((file) => /^Migration\w+\.js$/.test(file))
    .map((file) => file.replace(/\.js$/, ''))
    .sort();
}

/** Every migration the code ships is applied to `schema` (the code and the database agree). */
export function migrationsCheck(schema: string, migrationsPath: string, query: SqlQuery): HealthCheck {
  const expected = migrationNames(migrationsPath);
  return {
    name: `migrations:${schema}`,
    run: async () => {
      if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`unsafe schema name ${schema}`);
      const rows = await query(`select name from "${schema}".mikro_orm_migrations`);
      const applied = new Set(rows.map((r) => String(r.name).replace(/\.[jt]s$/, '')));
      const pending = expected.filter((name) => !applied.has(name));
      if (pending.length > 0) throw new Error(`pending migrations: ${pending.join(', ')}`);
      return `${expected.length} applied`;
    },
  };
}

/** An HTTP dependency answers its health URL with 2xx. */
export function httpCheck(name: string, url: string, options: { severity?: 'critical' | 'warning'; timeoutMs?: number } = {}): HealthCheck {
  return {
    name,
    severity: options.severity,
    timeoutMs: options.timeoutMs,
    run: async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 2_000) });
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    },
  };
}
