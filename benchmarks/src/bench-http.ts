import http from 'node:http';

/**
 * The benchmarks' HTTP client: node:http over one keep-alive agent (a client's few connections,
 * reused), so what is measured is the hub, not connection set-up or a fetch implementation.
 */
export class BenchHttpClient {
  readonly agent: http.Agent;

  constructor(maxSockets: number) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request(url: string, options: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> }): Promise<{ status: number; body: Buffer }> {
    const u = new URL(url);
    const headers: http.OutgoingHttpHeaders = { ...options.headers };
    if (options.body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(options.body) });
    return new Promise((resolve, reject) => {
      const req = http.request({ host: u.hostname, port: u.port, path: `${u.pathname}${u.search}`, method: options.method, agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(options.body);
    });
  }

  /** POSTs a JSON body; the answer as text. */
  async post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
    const answer = await this.request(url, { method: 'POST', body, headers });
    return { status: answer.status, text: answer.body.toString('utf8') };
  }

  /** One GraphQL request, as the bearer of `token` when given; the whole answer, errors included. */
  async graphql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<{ data: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }> {
    const { text } = await this.post(url, JSON.stringify({ query, variables }), token ? { authorization: `Bearer ${token}` } : {});
    return JSON.parse(text);
  }

  destroy(): void {
    this.agent.destroy();
  }
}
