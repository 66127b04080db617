import { wholeNumberSetting } from '@hub/settings';
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

/** HUB_PRICING_REUSE_SECONDS: a whole number of seconds, 0 to turn reuse off. */
export function pricingReuseMs(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumberSetting(env, 'HUB_PRICING_REUSE_SECONDS', 10) * 1000;
}

const serving = new Map<string, RecentPricings>();

/**
 * This process's recent prices for the database, while the orders subgraph serves it (see
 * startRecentPricings); null otherwise, and then nothing is reused.
 */
export function recentPricings(databaseUrl: string): RecentPricings | null {
  return serving.get(databaseUrl) ?? null;
}

/** Listens for catalogue changes while the orders subgraph serves (its module's whileServing); gives the function that stops it. */
export async function startRecentPricings(databaseUrl: string, env: NodeJS.ProcessEnv = process.env): Promise<() => Promise<void>> {
  const maxAgeMs = pricingReuseMs(env);
  if (maxAgeMs === 0) return async () => undefined;
  const log = componentLogger('recent-pricings');
  const events = new EventListener({ connectionString: databaseUrl, applicationName: 'hub-orders-catalog-changes', log: (line) => log.warn(line) });
  const recent = new RecentPricings(maxAgeMs, () => events.connected);
  events.subscribe(CATALOG_CHANGED_TOPIC, null, () => recent.invalidate());
  // Events published while the connection was down are gone: nothing heard before then counts.
  events.onReconnect(() => recent.invalidate());
  try {
    await events.start();
  } catch (error) {
    log.warn(`prices are not reused: ${(error as Error).message}`);
    await events.stop();
    return async () => undefined;
  }
  serving.set(databaseUrl, recent);
  return async () => {
    if (serving.get(databaseUrl) === recent) serving.delete(databaseUrl);
    await events.stop();
  };
}
