/**
 * `npm run bench:abuse`: what the gateway answers, and how it holds up, while outsiders abuse it as
 * the hardening probe did. The hub runs as deployed (production mode, one process per subgraph);
 * a probe asks `GET /health` every 20 ms throughout, and the gateway's RSS is sampled every 100 ms.
 *
 * Phases of BENCH_SECONDS (10) each:
 *  quiet       nothing but the probe: the baseline the others are compared with (ratio)
 *  aliases     4 clients, each sending the probe's query (500 aliases of a priced page of 100) as a buyer, again and again
 *  tokens      4 clients, each sending 5,000 × `me { id }`
 *  slowReader  20 connections, each pipelining 200 catalogue-page requests and never reading an answer
 *              (reconnecting when cut off), for three times as long
 * Last line: one JSON object with each phase's answer, /health p99 and the gateway's peak RSS.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAuthSecrets, signAccessToken } from '@hub/auth';
import { dropDatabase, ensureDatabase } from '@hub/database';
import { buildDemoDataset } from '@hub/demo-data';
import { startEmbeddedPostgres } from '@hub/launcher/dist/embedded-postgres';
import { CATALOGUE_PAGE_QUERY } from './catalogue-page.query';
import { startBenchHub } from './subscription-benchmark';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ATTACKERS = 4;
const SLOW_READERS = 20;
const PIPELINED = 200;

const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

interface PhaseFigures {
  /** What the attack got back: HTTP status and error code, with how many times. */
  answers: Record<string, number>;
  healthP50Ms: number;
  healthP99Ms: number;
  healthMaxMs: number;
  healthFailures: number;
  peakRssMb: number;
  /** The gateway's RSS at the end of each third of the phase: flat when the memory is bounded. */
  rssByThirdMb: number[];
}

/** Runs `attack` for SECONDS while probing /health and sampling the gateway's RSS. */
async function phase(name: string, gatewayUrl: string, pid: number, attack: (until: number, answers: Record<string, number>) => Promise<void>, seconds = SECONDS): Promise<PhaseFigures> {
  const healthUrl = new URL('/health', gatewayUrl).toString();
  const until = Date.now() + seconds * 1000;
  const latencies: number[] = [];
  let healthFailures = 0;
  let peakRssMb = rssMb(pid);
  const answers: Record<string, number> = {};
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb(pid))), 100);
  const rssByThirdMb: number[] = [];
  const thirds = [1, 2, 3].map((k) => setTimeout(() => rssByThirdMb.push(Math.round(rssMb(pid))), (k * seconds * 1000) / 3 - 50));
  const probe = (async () => {
    while (Date.now() < until) {
      const started = performance.now();
      try {
        const response = await fetch(healthUrl, { signal: AbortSignal.timeout(5000) });
        await response.arrayBuffer();
        if (!response.ok) healthFailures++;
      } catch {
        healthFailures++;
      }
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  await Promise.all([probe, attack(until, answers)]);
  clearInterval(sampler);
  thirds.forEach(clearTimeout);
  latencies.sort((a, b) => a - b);
  const figures = { answers, healthP50Ms: percentile(latencies, 50), healthP99Ms: percentile(latencies, 99), healthMaxMs: latencies.at(-1) ?? NaN, healthFailures, peakRssMb, rssByThirdMb };
  console.log(`${name.padEnd(10)} /health p50 ${figures.healthP50Ms.toFixed(1)} ms, p99 ${figures.healthP99Ms.toFixed(1)} ms, max ${figures.healthMaxMs.toFixed(1)} ms, ${healthFailures} failed; gateway peak RSS ${peakRssMb.toFixed(0)} MB (by thirds: ${rssByThirdMb.join(', ')}); answers ${JSON.stringify(answers)}`);
  return figures;
}

/** Clients that POST `body` again and again until `until`, counting each answer by status and first error code. */
function repeatedly(gatewayUrl: string, body: string, token: string) {
  return async (until: number, answers: Record<string, number>) => {
    await Promise.all(
      Array.from({ length: ATTACKERS }, async () => {
        while (Date.now() < until) {
          try {
            const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body, signal: AbortSignal.timeout(60_000) });
            const json = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
            const key = `${response.status} ${json.errors?.[0]?.extensions?.code ?? 'data'}`;
            answers[key] = (answers[key] ?? 0) + 1;
          } catch (error) {
            answers[`failed: ${(error as Error).name}`] = (answers[`failed: ${(error as Error).name}`] ?? 0) + 1;
          }
        }
      }),
    );
  };
}

/** Connections that each pipeline PIPELINED requests and never read; a connection the gateway drops is opened again. */
function slowReaders(gatewayUrl: string, token: string) {
  const url = new URL(gatewayUrl);
  const body = JSON.stringify({ query: CATALOGUE_PAGE_QUERY, variables: { first: 100 } });
  const request = `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  return async (until: number, answers: Record<string, number>) => {
    const sockets = new Set<net.Socket>();
    const open = () => {
      if (Date.now() >= until) return;
      // Never reads; goes on sending one more request a second (which is also how it learns that the gateway hung up).
      let more: NodeJS.Timeout | undefined;
      const socket = net.connect(Number(url.port), url.hostname, () => {
        socket.pause();
        socket.write(request.repeat(PIPELINED));
        more = setInterval(() => socket.write(request), 1000);
      });
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.once('close', () => {
        clearInterval(more);
        sockets.delete(socket);
        answers['dropped by the gateway'] = (answers['dropped by the gateway'] ?? 0) + 1;
        setTimeout(open, 50);
      });
    };
    for (let i = 0; i < SLOW_READERS; i++) open();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now())));
    answers['still open at the end'] = sockets.size;
    for (const socket of sockets) {
      socket.removeAllListeners('close');
      socket.destroy();
    }
  };
}

async function cutOffs(gatewayUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(new URL('/metrics', gatewayUrl))).text();
  const counts: Record<string, number> = {};
  for (const [, reason, value] of text.matchAll(/^hub_gateway_connections_cut_off\{reason="([^"]+)"[^}]*\} (\S+)$/gm)) counts[reason] = Number(value);
  return counts;
}

async function main(): Promise<void> {
  // Production mode refuses the development secrets: the hub gets fresh ones, and this process signs with them.
  process.env.HUB_TOKEN_SECRET ??= randomBytes(32).toString('hex');
  process.env.HUB_GATEWAY_SECRET ??= randomBytes(32).toString('hex');
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: join(process.cwd(), '.hub-data', 'bench-postgres'), port: 54339 });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.serverUrl;
  const database = `hub_bench_abuse_${process.pid}`;
  const databaseUrl = await ensureDatabase(serverUrl, database);
  const hub = await startBenchHub(databaseUrl);
  try {
    const demo = buildDemoDataset();
    const buyer = demo.users.find((u) => u.role === 'buyer')!;
    const { token } = await signAccessToken({ userId: buyer.id, kind: 'CUSTOMER', companyId: buyer.companyId, supplierId: null, permissions: buyer.permissions }, loadAuthSecrets());
    const pid = hub.child.pid!;
    console.log(`hub at ${hub.gatewayUrl}; the gateway is process ${pid}; ${SECONDS} s per phase`);

    const page = (i: number) => `p${i}: products(first: 100) { edges { node { id price { amount } stock { status } } } }`;
    const aliasQuery = JSON.stringify({ query: `{ ${Array.from({ length: 500 }, (_, i) => page(i)).join(' ')} }` });
    const tokenQuery = JSON.stringify({ query: `{ ${Array.from({ length: 5000 }, () => 'me { id }').join(' ')} }` });

    const quiet = await phase('quiet', hub.gatewayUrl, pid, async (until) => void (await new Promise((resolve) => setTimeout(resolve, until - Date.now()))));
    const aliases = await phase('aliases', hub.gatewayUrl, pid, repeatedly(hub.gatewayUrl, aliasQuery, token));
    const tokens = await phase('tokens', hub.gatewayUrl, pid, repeatedly(hub.gatewayUrl, tokenQuery, token));
    // Three times as long: long enough to see whether the gateway's memory keeps growing.
    const slow = await phase('slowReader', hub.gatewayUrl, pid, slowReaders(hub.gatewayUrl, token), 3 * SECONDS);
    const cut = await cutOffs(hub.gatewayUrl);
    console.log(`connections the gateway cut off: ${JSON.stringify(cut)}`);
    const ratio = (p: PhaseFigures) => Number((p.healthP99Ms / quiet.healthP99Ms).toFixed(2));
    console.log(
      JSON.stringify({
        quietHealthP99Ms: Number(quiet.healthP99Ms.toFixed(1)),
        quietRssMb: Math.round(quiet.peakRssMb),
        aliasAnswers: aliases.answers,
        aliasHealthP99Ms: Number(aliases.healthP99Ms.toFixed(1)),
        aliasHealthP99Ratio: ratio(aliases),
        aliasPeakRssMb: Math.round(aliases.peakRssMb),
        tokenAnswers: tokens.answers,
        tokenHealthP99Ms: Number(tokens.healthP99Ms.toFixed(1)),
        tokenHealthP99Ratio: ratio(tokens),
        tokenPeakRssMb: Math.round(tokens.peakRssMb),
        slowReaderAnswers: slow.answers,
        slowReaderHealthP99Ms: Number(slow.healthP99Ms.toFixed(1)),
        slowReaderHealthP99Ratio: ratio(slow),
        slowReaderPeakRssMb: Math.round(slow.peakRssMb),
        slowReaderRssByThirdMb: slow.rssByThirdMb,
        connectionsCutOff: cut,
      }),
    );
  } finally {
    if (hub.child.exitCode === null) {
      hub.child.kill('SIGTERM');
      await new Promise((resolve) => hub.child.once('exit', resolve));
    }
    await dropDatabase(serverUrl, database);
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
