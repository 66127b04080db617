/**
 * Capped exponential backoff with jitter: attempt n waits between half and all of
 * min(cap, base · 2^n), so many failed messages do not retry in lockstep.
 */
export function retryDelayMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
