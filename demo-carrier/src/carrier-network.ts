import { CarrierCodCollection, CarrierParcelRegistration, CarrierParcelStatus, CarrierTrackingEvent } from '@hub/carrier-contract';

/** The depots a demo parcel passes through, by the step it is at. */
const ROUTE: Record<Exclude<CarrierParcelStatus, 'EXCEPTION'>, { location: string; description: string }> = {
  REGISTERED: { location: 'Online', description: 'Shipment data received' },
  PICKED_UP: { location: 'Sender depot', description: 'Picked up from the sender' },
  IN_TRANSIT: { location: 'Central hub', description: 'Sorted at the central hub' },
  OUT_FOR_DELIVERY: { location: 'Delivery depot', description: 'Out for delivery' },
  DELIVERED: { location: 'Consignee', description: 'Delivered' },
};
const NEXT: Partial<Record<CarrierParcelStatus, CarrierParcelStatus>> = {
  REGISTERED: 'PICKED_UP', PICKED_UP: 'IN_TRANSIT', IN_TRANSIT: 'OUT_FOR_DELIVERY', OUT_FOR_DELIVERY: 'DELIVERED',
};

export interface DemoParcel {
  parcelNumber: string;
  registration: CarrierParcelRegistration;
  status: CarrierParcelStatus;
  /** Lost at the central hub instead of leaving it (decided at registration, or by the admin API). */
  willBeLost: boolean;
}

export class InvalidParcel extends Error {}

/**
 * The carrier's books: parcels, their tracking events and the cash collected on delivery, each
 * with one increasing sequence so a poller can page through what is new.
 */
export class CarrierNetwork {
  private readonly parcels = new Map<string, DemoParcel>();
  private readonly byReference = new Map<string, DemoParcel>();
  private readonly events: CarrierTrackingEvent[] = [];
  private readonly collections: CarrierCodCollection[] = [];
  private sequence = 0;
  private registered = 0;

  /** @param loseEvery every n-th registered parcel is lost in transit (0: none). */
  constructor(private readonly loseEvery: number, private readonly now: () => Date = () => new Date()) {}

  register(registration: CarrierParcelRegistration): { parcel: DemoParcel; created: boolean } {
    validate(registration);
    const existing = this.byReference.get(registration.reference);
    if (existing) return { parcel: existing, created: false };
    this.registered += 1;
    const parcel: DemoParcel = {
      parcelNumber: `DP${String(this.registered).padStart(9, '0')}`,
      registration,
      status: 'REGISTERED',
      willBeLost: this.loseEvery > 0 && this.registered % this.loseEvery === 0,
    };
    this.parcels.set(parcel.parcelNumber, parcel);
    this.byReference.set(registration.reference, parcel);
    this.record(parcel, 'REGISTERED', ROUTE.REGISTERED.location, ROUTE.REGISTERED.description);
    return { parcel, created: true };
  }

  find(parcelNumber: string): DemoParcel | undefined {
    return this.parcels.get(parcelNumber);
  }

  /** One day of the carrier's work: every parcel on its way moves one step. Returns how many moved. */
  step(): number {
    let moved = 0;
    for (const parcel of this.parcels.values()) if (this.advance(parcel)) moved += 1;
    return moved;
  }

  /** Moves one parcel a step; false when it is already delivered or lost. */
  advance(parcel: DemoParcel): boolean {
    const next = NEXT[parcel.status];
    if (!next) return false;
    if (parcel.status === 'IN_TRANSIT' && parcel.willBeLost) {
      this.record(parcel, 'EXCEPTION', ROUTE.IN_TRANSIT.location, 'Parcel missing: investigation opened');
      return true;
    }
    const stop = ROUTE[next as keyof typeof ROUTE];
    const consignee = parcel.registration.consignee;
    const location = next === 'DELIVERED' || next === 'OUT_FOR_DELIVERY' ? `${consignee.postalCode} ${consignee.city}` : stop.location;
    this.record(parcel, next, location, stop.description, next === 'DELIVERED' ? consignee.name : undefined);
    const cod = parcel.registration.codAmountMinor ?? 0;
    if (next === 'DELIVERED' && cod > 0) {
      this.sequence += 1;
      this.collections.push({ sequence: this.sequence, parcelNumber: parcel.parcelNumber, amountMinor: cod, currency: parcel.registration.currency ?? 'EUR', collectedAt: this.now().toISOString() });
    }
    return true;
  }

  /** Marks a parcel to be lost when it reaches the central hub (or now, if it is there). */
  lose(parcel: DemoParcel): void {
    parcel.willBeLost = true;
  }

  trackingEvents(after: number, limit: number): { items: CarrierTrackingEvent[]; nextAfter: number; hasMore: boolean } {
    return page(this.events, after, limit);
  }

  codCollections(after: number, limit: number): { items: CarrierCodCollection[]; nextAfter: number; hasMore: boolean } {
    return page(this.collections, after, limit);
  }

  eventsOf(parcelNumber: string): CarrierTrackingEvent[] {
    return this.events.filter((e) => e.parcelNumber === parcelNumber);
  }

  get stats(): { parcels: number; events: number; collections: number } {
    return { parcels: this.parcels.size, events: this.events.length, collections: this.collections.length };
  }

  private record(parcel: DemoParcel, status: CarrierParcelStatus, location: string, description: string, signedBy?: string): void {
    parcel.status = status;
    this.sequence += 1;
    this.events.push({ sequence: this.sequence, parcelNumber: parcel.parcelNumber, status, occurredAt: this.now().toISOString(), location, description, ...(signedBy ? { signedBy } : {}) });
  }
}

function page<T extends { sequence: number }>(all: T[], after: number, limit: number): { items: T[]; nextAfter: number; hasMore: boolean } {
  const newer = all.filter((item) => item.sequence > after);
  const items = newer.slice(0, limit);
  return { items, nextAfter: items.length > 0 ? items[items.length - 1].sequence : after, hasMore: newer.length > items.length };
}

function validate(registration: CarrierParcelRegistration): void {
  const c = registration?.consignee;
  if (typeof registration?.reference !== 'string' || registration.reference.trim() === '') throw new InvalidParcel('reference is required');
  if (!c) throw new InvalidParcel('consignee is required');
  for (const field of ['name', 'street', 'postalCode', 'city', 'country'] as const) {
    if (typeof c[field] !== 'string' || c[field].trim() === '') throw new InvalidParcel(`consignee.${field} is required`);
  }
  if (!/^[A-Z]{2}$/.test(c.country)) throw new InvalidParcel('consignee.country must be an ISO 3166 alpha-2 code');
  if (!Number.isInteger(registration.weightGrams) || registration.weightGrams <= 0 || registration.weightGrams > 31_500) throw new InvalidParcel('weightGrams must be 1..31500');
  const cod = registration.codAmountMinor ?? 0;
  if (!Number.isInteger(cod) || cod < 0) throw new InvalidParcel('codAmountMinor must be a whole number of minor units, not negative');
}
