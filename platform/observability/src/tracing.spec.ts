import { execFile } from 'node:child_process';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tracingConfigured } from './tracing';

describe('tracing', () => {
  it('is off unless an OTLP endpoint is set or HUB_TRACING=true; HUB_TRACING=false wins', () => {
    expect(tracingConfigured({})).toBe(false);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingConfigured({ HUB_TRACING: 'true' })).toBe(true);
    expect(tracingConfigured({ HUB_TRACING: 'false', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(false);
  });

  // In a Node process of its own, as the hub runs (the compiled package): Jest's sandbox keeps the exporter's HTTP request from leaving.
  it('exports spans over OTLP/HTTP to the configured endpoint', async () => {
    const received: Array<{ path: string; body: string }> = [];
    const collector = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      const script = `
        const o = require(${JSON.stringify(join(__dirname, '..', 'dist'))});
        if (!o.startTracing({ service: 'spec' })) throw new Error('tracing did not start');
        o.withSpan('spec operation', {}, async () => console.log(o.currentTraceparent())).then(() => o.stopTracing());`;
      const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) =>
        execFile(process.execPath, ['-e', script], { env: { ...process.env, HUB_TRACING: '', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces` } }, (error, out) =>
          error ? reject(error) : resolve({ stdout: out }),
        ),
      );
      expect(stdout.trim()).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(received.map((r) => r.path)).toEqual(['/v1/traces']);
      expect(received[0].body).toContain('spec operation');
      expect(received[0].body).toContain('erp-hub-spec');
    } finally {
      collector.close();
    }
  });
});
