import { HttpCarrierAdapter } from '@hub/carrier-contract';
import { carrierAdmin } from './support/demo-carrier';

describe('the shared hub starts the demo carrier beside the demo ERP', () => {
  it('answers the carrier protocol at the URL the launcher printed, and its admin API steps parcels', async () => {
    const url = process.env.HUB_TEST_CARRIER_URL!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const adapter = new HttpCarrierAdapter({ baseUrl: url, apiKey: 'demo-carrier-key' });
    await expect(adapter.health()).resolves.toBeUndefined();
    const parcel = await adapter.registerParcel({ reference: `launcher-${Date.now()}`, consignee: { name: 'A', street: 'B 1', postalCode: '100', city: 'C', country: 'EE' }, weightGrams: 10 });
    const before = (await adapter.trackingEvents(0, 1000)).items.filter((e) => e.parcelNumber === parcel.parcelNumber);
    expect(before.map((e) => e.status)).toEqual(['REGISTERED']);
    await carrierAdmin('POST', '/admin/step', { times: 1 });
    const after = (await adapter.trackingEvents(0, 1000)).items.filter((e) => e.parcelNumber === parcel.parcelNumber);
    expect(after.map((e) => e.status)).toEqual(['REGISTERED', 'PICKED_UP']);
  });
});
