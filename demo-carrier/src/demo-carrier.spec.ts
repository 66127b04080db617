import { CarrierError, HttpCarrierAdapter } from '@hub/carrier-contract';
import { DemoCarrierHandle, startDemoCarrier } from './server';

const consignee = { name: 'Nordic Tools AB', street: 'Storgatan 1', postalCode: '11122', city: 'Stockholm', country: 'SE' };

async function admin(carrier: DemoCarrierHandle, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${carrier.url}${path}`, { method, headers: { authorization: `Bearer ${carrier.adminKey}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

describe('the demo carrier, through the carrier adapter contract', () => {
  let carrier: DemoCarrierHandle;
  let adapter: HttpCarrierAdapter;
  beforeEach(async () => {
    carrier = await startDemoCarrier({ loseEvery: 3 });
    adapter = new HttpCarrierAdapter({ baseUrl: carrier.url, apiKey: carrier.apiKey });
  });
  afterEach(() => carrier.stop());

  it('registers a parcel once per reference and moves it to delivered, collecting the cash on delivery', async () => {
    const parcel = await adapter.registerParcel({ reference: 'shipment-1', consignee, weightGrams: 1200, codAmountMinor: 4990, currency: 'EUR' });
    expect(parcel.parcelNumber).toMatch(/^DP\d{9}$/);
    expect(parcel.trackingUrl).toBe(`${carrier.url}/track/${parcel.parcelNumber}`);
    expect(await adapter.registerParcel({ reference: 'shipment-1', consignee, weightGrams: 1200 })).toEqual(parcel);

    await admin(carrier, 'POST', '/admin/step', { times: 10 });
    const events = await adapter.trackingEvents(0);
    expect(events.items.map((e) => e.status)).toEqual(['REGISTERED', 'PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']);
    expect(events.items.at(-1)).toMatchObject({ parcelNumber: parcel.parcelNumber, location: '11122 Stockholm', signedBy: 'Nordic Tools AB' });
    expect(events.nextAfter).toBe(events.items.at(-1)!.sequence);
    const cod = await adapter.codCollections(0);
    expect(cod.items).toEqual([expect.objectContaining({ parcelNumber: parcel.parcelNumber, amountMinor: 4990, currency: 'EUR' })]);
    // Polling from the cursor returns nothing new.
    expect((await adapter.trackingEvents(events.nextAfter)).items).toEqual([]);
    expect((await adapter.codCollections(cod.nextAfter)).items).toEqual([]);
    // The public tracking page a customer's link opens.
    const page = await (await fetch(parcel.trackingUrl)).json();
    expect(page).toMatchObject({ parcelNumber: parcel.parcelNumber, status: 'DELIVERED' });
  });

  it('loses every n-th parcel in transit, which shows as an exception with no cash collected', async () => {
    const parcels = [];
    for (const n of [1, 2, 3]) parcels.push(await adapter.registerParcel({ reference: `s-${n}`, consignee, weightGrams: 500, codAmountMinor: 1000 }));
    await admin(carrier, 'POST', '/admin/step', { times: 6 });
    const events = (await adapter.trackingEvents(0)).items;
    const last = (number: string) => events.filter((e) => e.parcelNumber === number).at(-1)!;
    expect(last(parcels[0].parcelNumber).status).toBe('DELIVERED');
    expect(last(parcels[2].parcelNumber)).toMatchObject({ status: 'EXCEPTION', description: expect.stringMatching(/missing/i) });
    expect((await adapter.codCollections(0)).items.map((c) => c.parcelNumber).sort()).toEqual([parcels[0].parcelNumber, parcels[1].parcelNumber].sort());
  });

  it('refuses a parcel without a full address, a wrong key, and fails transiently during an outage', async () => {
    await expect(adapter.registerParcel({ reference: 'x', consignee: { ...consignee, city: '' }, weightGrams: 100 })).rejects.toMatchObject({ kind: 'VALIDATION', message: expect.stringContaining('consignee.city') });
    await expect(new HttpCarrierAdapter({ baseUrl: carrier.url, apiKey: 'wrong' }).health()).rejects.toMatchObject({ kind: 'AUTH' });
    await admin(carrier, 'POST', '/admin/faults', { outage: true });
    const error = await adapter.trackingEvents(0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CarrierError);
    expect((error as CarrierError).retryable).toBe(true);
    await admin(carrier, 'DELETE', '/admin/faults');
    await expect(adapter.health()).resolves.toBeUndefined();
    expect(carrier.network.stats.parcels).toBe(0);
  });
});
