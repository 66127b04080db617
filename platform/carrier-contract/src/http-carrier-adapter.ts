import { CarrierAdapter } from './carrier-adapter';
import { CarrierError } from './carrier-error';
import { CarrierCodCollection, CarrierPage, CarrierParcel, CarrierParcelRegistration, CarrierTrackingEvent } from './carrier-records';

export interface HttpCarrierAdapterOptions {
  baseUrl: string;
  apiKey: string;
  carrierName?: string;
  timeoutMs?: number;
}

/** A carrier speaking the hub's carrier HTTP+JSON protocol (the demo carrier does; a real one gets a bridge). */
export class HttpCarrierAdapter implements CarrierAdapter {
  readonly carrierName: string;

  constructor(private readonly options: HttpCarrierAdapterOptions) {
    this.carrierName = options.carrierName ?? 'Demo Parcel';
  }

  registerParcel(registration: CarrierParcelRegistration): Promise<CarrierParcel> {
    return this.request<CarrierParcel>('POST', '/parcels', registration);
  }

  trackingEvents(after: number, limit = 500): Promise<CarrierPage<CarrierTrackingEvent>> {
    return this.request('GET', `/tracking-events?after=${after}&limit=${limit}`);
  }

  codCollections(after: number, limit = 500): Promise<CarrierPage<CarrierCodCollection>> {
    return this.request('GET', `/cod-collections?after=${after}&limit=${limit}`);
  }

  async health(): Promise<void> {
    await this.request('GET', '/health');
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.options.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.options.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new CarrierError('TRANSIENT', `carrier unreachable: ${(error as Error).message}`);
    }
    const text = await response.text();
    if (response.status === 401 || response.status === 403) throw new CarrierError('AUTH', `carrier refused the credentials (${response.status})`);
    if (response.status === 400 || response.status === 422) throw new CarrierError('VALIDATION', `carrier refused the request: ${errorMessage(text)}`);
    if (!response.ok) throw new CarrierError('TRANSIENT', `carrier answered ${response.status}: ${errorMessage(text)}`);
    try {
      return (text ? JSON.parse(text) : null) as T;
    } catch {
      throw new CarrierError('TRANSIENT', 'carrier answered with a body that is not JSON');
    }
  }
}

function errorMessage(text: string): string {
  try {
    return (JSON.parse(text) as { error?: string }).error ?? text;
  } catch {
    return text.slice(0, 200);
  }
}
