import { EventListener } from '@hub/events';
import { componentLogger } from '@hub/observability';
import { PricingResult } from './order-pricing.client';

/** Announced by the products subgraph after any write to what decides prices and assortment (its trigger). */
export const CATALOG_CHANGED_TOPIC = 'catalogChanged';
const MAX_ENTRIES = 10_000;

/**
 * Prices this process asked the gateway for a moment ago, per caller token and question, reused by
 * the caller's next request while nothing that decides them has changed: a bulk add followed by
 * placing the same basket asks the catalogue once, not twice. Exact because the products subgraph
 * announces every write to its pricing tables (`catalogChanged`, from a trigger, on commit): each
 * announcement starts a new generation, and an answer counts only in the generation its request
 * began in. Time-bound too (HUB_PRICING_REUSE_SECONDS, default 10; 0 turns reuse off), because
 * a promotion can begin or end with no write at all. Nothing is reused while the event connection
 * is down or was lost since (events may have been missed), or before it first connected.
 */
export class RecentPricings {
  private generation = 0;
  private readonly answers = new Map<string, { result: PricingResult; generation: number; at: number }>();

  /** `listening`: whether catalogue changes are being heard right now. */
  constructor(private readonly maxAgeMs: number, private readonly listening: () => boolean, private readonly now: () => number = Date.now) {}

  /** The generation a request begins in: answers it stores count only while it lasts. */
  current(): number {
    return this.generation;
  }

  /** Everything known so far is stale (a catalogue write, or events possibly missed). */
  invalidate(): void {
    this.generation++;
    this.answers.clear();
  }

  get(key: string): PricingResult | undefined {
    if (!this.listening()) {
      // Events may be missed right now: whatever was heard before no longer counts.
      if (this.answers.size > 0) this.invalidate();
      return undefined;
    }
    const entry = this.answers.get(key);
    if (!entry) return undefined;
    if (entry.generation !== this.generation || this.now() - entry.at > this.maxAgeMs) {
      this.answers.delete(key);
      return undefined;
    }
    return entry.result;
  }

  set(key: string, result: PricingResult, generation: number): void {
    if (!this.listening() || this.maxAgeMs === 0 || generation !== this.generation) return;
    if (this.answers.size >= MAX_ENTRIES) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, { result, generation, at: this.now() });
  }
}

const perDatabase = new Map<string, RecentPricings>();

/** HUB_PRICING_REUSE_SECONDS: a whole number of seconds, 0 to turn reuse off. */
export function pricingReuseMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.HUB_PRICING_REUSE_SECONDS;
  if (raw === undefined || raw === '') return 10_000;
  if (!/^\d+$/.test(raw)) throw new Error(`HUB_PRICING_REUSE_SECONDS must be a whole number of seconds (0: off), got "${raw}".`);
  return Number(raw) * 1000;
}

/** The process's recent prices for this database, listening for catalogue changes from the first call on. */
export function recentPricings(databaseUrl: string): RecentPricings {
  let recent = perDatabase.get(databaseUrl);
  if (recent) return recent;
  const maxAgeMs = pricingReuseMs();
  const log = componentLogger('recent-pricings');
  const events = new EventListener({ connectionString: databaseUrl, applicationName: 'hub-orders-catalog-changes', log: (line) => log.warn(line) });
  let started = false;
  recent = new RecentPricings(maxAgeMs, () => started && events.connected);
  perDatabase.set(databaseUrl, recent);
  if (maxAgeMs === 0) return recent;
  const fresh = recent;
  events.subscribe(CATALOG_CHANGED_TOPIC, null, () => fresh.invalidate());
  // Events published while the connection was down are gone: nothing heard before then counts.
  events.onReconnect(() => fresh.invalidate());
  events.start().then(
    () => {
      started = true;
    },
    (error: Error) => log.warn(`prices are not reused: ${error.message}`),
  );
  process.once('beforeExit', () => void events.stop());
  return recent;
}
