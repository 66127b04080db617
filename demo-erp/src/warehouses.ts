import { ErpWarehouseRecord } from '@hub/erp-contract';

/** The country each demo warehouse name is in (for a store's address and phone). */
const COUNTRY_OF: Readonly<Record<string, { country: string; city: string; postalCode: string; street: string; phone: string }>> = {
  'Malmö central': { country: 'SE', city: 'Malmö', postalCode: '211 20', street: 'Industrigatan 14', phone: '+46 40 612 30 00' },
  Valencia: { country: 'ES', city: 'Valencia', postalCode: '46013', street: 'Avinguda del Port 88', phone: '+34 963 41 22 10' },
  Hamburg: { country: 'DE', city: 'Hamburg', postalCode: '20457', street: 'Am Sandtorkai 5', phone: '+49 40 3344 1200' },
  Tallinn: { country: 'EE', city: 'Tallinn', postalCode: '10111', street: 'Sadama 25', phone: '+372 640 1100' },
  Aarhus: { country: 'DK', city: 'Aarhus', postalCode: '8000', street: 'Havnegade 12', phone: '+45 86 12 40 00' },
  Göteborg: { country: 'SE', city: 'Göteborg', postalCode: '411 04', street: 'Hamngatan 3', phone: '+46 31 700 20 00' },
  Madrid: { country: 'ES', city: 'Madrid', postalCode: '28045', street: 'Calle de Méndez Álvaro 40', phone: '+34 915 30 44 00' },
};

/** Weekdays 07:00–18:00 and Saturday mornings, as a trade counter keeps them. */
const TRADE_COUNTER_HOURS: ErpWarehouseRecord['openingHours'] = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '07:00', closes: '18:00' })),
  { weekday: 6, opens: '09:00', closes: '13:00' },
];

/**
 * The demo ERP's warehouses: those with a trade counter (the names COUNTRY_OF lists) are stores,
 * the rest only ship. Small scale: Malmö and Valencia are stores, Poznań is not.
 */
export function warehouseRecord(code: string, name: string): ErpWarehouseRecord {
  const place = COUNTRY_OF[name];
  if (!place) return { code, name, isStore: false, address: null, phone: null, openingHours: [] };
  return {
    code, name, isStore: true, address: { street: place.street, postalCode: place.postalCode, city: place.city, country: place.country },
    phone: place.phone, openingHours: TRADE_COUNTER_HOURS.map((h) => ({ ...h })),
  };
}
