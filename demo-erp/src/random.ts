/**
 * Stateless, seeded hashing: the demo ERP derives every generated field from (seed, indices), so
 * row i is the same in every process and no row has to be kept in memory.
 */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of the seed and up to four integers. */
export function hash32(seed: number, a: number, b = 0, c = 0, d = 0): number {
  let h = mix(seed ^ 0x9e3779b9);
  h = mix(h ^ (a | 0));
  h = mix((h + 0x85ebca6b) ^ (b | 0));
  h = mix((h + 0xc2b2ae35) ^ (c | 0));
  h = mix((h + 0x27d4eb2f) ^ (d | 0));
  return h;
}

/** A number in [0, 1) from the seed and integers. */
export function unit(seed: number, a: number, b = 0, c = 0, d = 0): number {
  return hash32(seed, a, b, c, d) / 4294967296;
}

/** An integer in [min, max] from the seed and integers. */
export function intBetween(min: number, max: number, seed: number, a: number, b = 0, c = 0, d = 0): number {
  return min + Math.floor(unit(seed, a, b, c, d) * (max - min + 1));
}

/** A stable 32-bit hash of a string (FNV-1a), to feed string keys into `hash32`. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The sequential seeded generator (mulberry32) for the simulation's ticks: the demo dataset's own. */
export { SeededRandom as TickRandom } from '@hub/demo-data';

/** Integer cents as a decimal string ("1234" → "12.34"); exact for safe integers. */
export function cents(value: number): string {
  const negative = value < 0;
  const abs = Math.abs(Math.round(value));
  const s = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return negative ? `-${s}` : s;
}

/** YYYY-MM-DD of a date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
