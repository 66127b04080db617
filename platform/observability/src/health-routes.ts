import type { Express } from 'express';
import { HealthCheck, readiness } from './health';
import { metricsEnabled, METRICS_CONTENT_TYPE, metricsText } from './metrics';

/**
 * `GET /health/live` (the process answers: always 200), `GET /health` (the same, kept for older
 * probes) and `GET /health/ready` (every check's result as JSON; 503 when a critical one fails).
 */
export function serveHealth(app: Express, service: string, checks: () => readonly HealthCheck[]): void {
  const live = (_req: unknown, res: { json(body: unknown): void }) => res.json({ status: 'ok', service });
  app.get('/health', live);
  app.get('/health/live', live);
  app.get('/health/ready', async (_req, res) => {
    const report = await readiness(checks());
    res.status(report.status === 'ready' ? 200 : 503).json({ ...report, service });
  });
}

/** `GET /metrics` in Prometheus text format; a GraphQL-style 404 when HUB_METRICS=false. */
export function serveMetrics(app: Express): void {
  const enabled = metricsEnabled();
  app.get('/metrics', async (_req, res) => {
    if (!enabled) {
      res.status(404).json({ errors: [{ message: 'Metrics are off (HUB_METRICS=false).', extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    try {
      const text = await metricsText();
      res.setHeader('content-type', METRICS_CONTENT_TYPE);
      res.send(text);
    } catch (error) {
      res.status(500).json({ errors: [{ message: `Metrics could not be collected: ${(error as Error).message}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  });
}
