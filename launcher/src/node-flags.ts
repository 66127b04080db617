/**
 * V8 flags every hub process runs with. A GraphQL request allocates many short-lived objects, and
 * with V8's default young generation the scavenger runs every few requests: 64 MiB semi-spaces cut
 * the CPU per order of the gateway, orders and products processes by about 15 % in bench:orders
 * (2026-12-02: 48.6 and 50.4 orders/s against 39.4 and 40.4 without), for at most 128 MiB more
 * young generation per process under load. The launcher passes them to every subgraph process;
 * `npm start` starts the launcher (the gateway's process) with the same flag.
 */
export const HUB_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/**
 * Where a process differs: the finance subgraph streams exports and documents (few, large
 * allocations that live for a whole file) rather than many small requests, so large semi-spaces
 * buy it no CPU and cost it memory: with 64 MiB a 10,000-invoice export peaked at 191-276 MB, over
 * the 250 MB goal (bench:documents). It keeps V8's own young generation.
 */
export const SUBGRAPH_NODE_FLAGS: Readonly<Record<string, readonly string[]>> = {
  finance: [],
  // The notifications process runs the sender: a newsletter's messages are short-lived but outlive a
  // young-generation cycle while in flight over SMTP, so V8 let the old generation grow to 300 MB of
  // garbage before collecting it (bench:messages, 50,000 messages: peak RSS 415-427 MB; its live heap
  // stays under 100 MB). Bounded at 224 MB it collects sooner: peak RSS 223 MB at 569 messages/s (2026-12-03).
  notifications: ['--max-old-space-size=224'],
};

const named = (flag: string) => flag.split('=')[0].replace(/_/g, '-');

/** `execArgv` plus each of the hub's flags (or a subgraph's own set) it does not set itself (an operator's own value wins). */
export function withHubNodeFlags(execArgv: readonly string[], subgraph?: string): string[] {
  const own = subgraph !== undefined ? SUBGRAPH_NODE_FLAGS[subgraph] : undefined;
  // A subgraph with its own set does not inherit the hub's flags from the launcher (npm start passes them to it).
  const inherited = own ? execArgv.filter((flag) => !HUB_NODE_FLAGS.includes(flag)) : [...execArgv];
  const given = new Set(inherited.map(named));
  return [...inherited, ...(own ?? HUB_NODE_FLAGS).filter((flag) => !given.has(named(flag)))];
}
