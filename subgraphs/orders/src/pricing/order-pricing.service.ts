import { Viewer } from '@hub/auth';
import { forbidden } from '@hub/errors';
import { PricingLine, PricingResult, priceLines } from './order-pricing.client';
import { RecentPricings } from './recent-pricings';

/**
 * Prices lines for one request, as its viewer, through the gateway (see order-pricing.client.ts).
 * The same lines are priced once per request: a mutation that has just priced the basket primes
 * the answer its returned basket's fields would ask again. Across requests, the caller's own
 * answers of a moment ago are reused while the catalogue is unchanged (recent-pricings.ts).
 */
export class OrderPricingService {
  private readonly answers = new Map<string, Promise<PricingResult>>();
  /** The catalogue generation this request began in: what it learns counts for later requests only within it. */
  private readonly generation: number;

  constructor(
    private readonly gatewayUrl: () => string,
    private readonly viewer: Viewer | null,
    private readonly bearer: string | undefined,
    private readonly recent: RecentPricings | null = null,
  ) {
    this.generation = recent?.current() ?? 0;
  }

  private key(lines: readonly PricingLine[], withCompany: boolean): string {
    return JSON.stringify([withCompany, lines.map((l) => (l.options?.length ? [l.productId ?? null, l.sku ?? null, l.quantity, l.options.map((o) => [o.code, o.value])] : [l.productId ?? null, l.sku ?? null, l.quantity]))]);
  }

  private credentials(): { bearer: string; companyId: string } {
    if (!this.bearer || this.viewer?.kind !== 'CUSTOMER' || !this.viewer.companyId) throw forbidden('Only users of a customer company can order.');
    return { bearer: this.bearer, companyId: this.viewer.companyId };
  }

  /** The lines at the viewer's prices; with the company's ERP number, delivery addresses and branches when `withCompany`. */
  price(lines: readonly PricingLine[], withCompany = false): Promise<PricingResult> {
    const key = this.key(lines, withCompany);
    let answer = this.answers.get(key);
    if (!answer) {
      const { bearer, companyId } = this.credentials();
      // The company's addresses and branches (customers subgraph) are not announced: always asked.
      const reused = withCompany ? undefined : this.recent?.get(`${bearer} ${key}`);
      answer = reused ? Promise.resolve(reused) : priceLines(this.gatewayUrl(), bearer, withCompany ? companyId : null, lines);
      this.answers.set(key, answer);
      answer.then(
        (result) => {
          if (!withCompany && !reused) this.recent?.set(`${bearer} ${key}`, result, this.generation);
        },
        () => this.answers.delete(key),
      );
    }
    return answer;
  }

  /** Remembers an answer for these lines (priced as part of a larger question). */
  prime(lines: readonly PricingLine[], result: PricingResult): void {
    const key = this.key(lines, false);
    this.answers.set(key, Promise.resolve(result));
    if (this.bearer) this.recent?.set(`${this.bearer} ${key}`, result, this.generation);
  }
}
