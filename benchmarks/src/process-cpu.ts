import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds used so far by a process and all its descendants (Linux /proc), per part of the hub:
 * `gateway` for the launcher's own process (the gateway runs there with HUB_PROCESSES=split), the
 * subgraph's name for `subgraph-main.js <name>` and its workers, else the script's file name.
 * A load phase's cost per request, which other work on the machine disturbs far less than throughput.
 */
export function cpuSecondsByPart(rootPid: number): Record<string, number> {
  const ticks = 100; // USER_HZ
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / ticks });
    } catch {
      // the process ended meanwhile
    }
  }
  const parts: Record<string, number> = {};
  const pending: Array<{ pid: number; inherited: string | null }> = [{ pid: rootPid, inherited: null }];
  while (pending.length > 0) {
    const { pid, inherited } = pending.pop()!;
    const part = pid === rootPid ? 'gateway' : inherited ?? partOf(pid);
    parts[part] = (parts[part] ?? 0) + (stats.get(pid)?.cpu ?? 0);
    // A subgraph's cluster workers count as that subgraph.
    for (const [child, stat] of stats) if (stat.ppid === pid) pending.push({ pid: child, inherited: pid === rootPid ? null : part });
  }
  return parts;
}

function partOf(pid: number): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const script = args.findIndex((a) => a.endsWith('.js'));
    if (script < 0) return 'other';
    if (args[script].endsWith('subgraph-main.js')) return args[script + 1] ?? 'subgraph';
    return args[script].split('/').pop()!.replace(/\.js$/, '');
  } catch {
    return 'other';
  }
}

/** CPU milliseconds per request of each part between two readings. */
export function cpuMsPerRequest(before: Record<string, number>, after: Record<string, number>, requests: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of Object.keys(after)) {
    const ms = ((after[part] - (before[part] ?? 0)) * 1000) / Math.max(requests, 1);
    if (ms >= 0.05) out[part] = Number(ms.toFixed(2));
  }
  return out;
}

export const totalOf = (parts: Record<string, number>): number => Object.values(parts).reduce((a, b) => a + b, 0);
