import { ErpCategoryRecord, ErpExchangeRateRecord } from '@hub/erp-contract';
export const DEFAULT_SEED = 20261101;
export const VAT_RATE_PERCENT = 21;

/** The ERP's creditor accounts: the same suppliers as the hub's demo data (Fastenix, PowerDrive, ...). */
export const SUPPLIER_NUMBERS: readonly string[] = ['S20001', 'S20002', 'S20003', 'S20004', 'S20005', 'S20006'];

/** Order minimums of a few families (the same as the demo dataset's); every other item: 1. */
export const MIN_ORDER_QUANTITY: Record<string, number> = { GL: 10, HV: 5 };

/** Web category groups; product families hang below them. */
const GROUPS: Array<{ code: string; name: string; families: string[] }> = [
  { code: 'FASTENERS', name: 'Fasteners & anchors', families: ['HB', 'WS', 'AN'] },
  { code: 'POWER-TOOLS', name: 'Power tools & accessories', families: ['CD', 'AG', 'BT', 'DB', 'SA', 'CT'] },
  { code: 'STEEL', name: 'Steel profiles & tubes', families: ['ST', 'TB'] },
  { code: 'CHEMICALS', name: 'Building chemicals', families: ['SL', 'PF', 'TA'] },
  { code: 'WORKWEAR', name: 'Workwear & safety', families: ['GL', 'SB', 'HV'] },
  { code: 'ELECTRICAL', name: 'Electrical & lighting', families: ['CB', 'SW', 'LD'] },
];

/** The product families of the demo catalogue (same codes as the demo dataset's SKUs). */
export const FAMILIES: Array<{ code: string; category: string; noun: string; variants: string[]; unit: string; price: [number, number]; text: string }> = [
  { code: 'HB', category: 'Hex bolts', noun: 'Hex bolt', variants: ['M6x20', 'M8x40', 'M10x50', 'M12x60', 'M16x120'], unit: 'box of 100', price: [4, 60], text: 'DIN 933 hexagon head bolt, steel grade 8.8, electro-galvanised.' },
  { code: 'WS', category: 'Wood screws', noun: 'Wood screw', variants: ['3.5x30', '4x40', '5x60', '6x100'], unit: 'box of 200', price: [3, 30], text: 'Torx drive chipboard screw with cutting tip, yellow zinc.' },
  { code: 'AN', category: 'Concrete anchors', noun: 'Concrete anchor', variants: ['M8x75', 'M10x90', 'M12x110', 'M16x145'], unit: 'box of 25', price: [12, 90], text: 'Through-bolt anchor for cracked and non-cracked concrete, ETA approved.' },
  { code: 'CD', category: 'Cordless drills', noun: 'Cordless drill', variants: ['12V compact', '18V brushless', '18V combi', '36V heavy duty'], unit: 'piece', price: [89, 420], text: 'Two-speed gearbox, LED work light, supplied in a carry case without battery.' },
  { code: 'AG', category: 'Angle grinders', noun: 'Angle grinder', variants: ['115 mm 750 W', '125 mm 1200 W', '230 mm 2200 W'], unit: 'piece', price: [49, 260], text: 'Restart protection, adjustable guard, side handle included.' },
  { code: 'BT', category: 'Batteries & chargers', noun: 'Battery pack', variants: ['18V 2.0Ah', '18V 4.0Ah', '18V 5.5Ah', '36V 4.0Ah'], unit: 'piece', price: [39, 180], text: 'Lithium-ion battery with charge indicator, fits the whole 18V platform.' },
  { code: 'ST', category: 'Steel profiles', noun: 'Steel profile', variants: ['L 30x30x3', 'U 50x25', 'T 40x40', 'flat 40x5'], unit: 'bar 6 m', price: [14, 95], text: 'Hot-rolled S235JR structural steel, mill finish.' },
  { code: 'TB', category: 'Steel tubes', noun: 'Steel tube', variants: ['20x20x2', '40x40x3', '60x40x3', 'round 33.7x2.6'], unit: 'bar 6 m', price: [18, 110], text: 'Cold-formed welded hollow section, EN 10219.' },
  { code: 'SL', category: 'Sealants', noun: 'Silicone sealant', variants: ['clear 300 ml', 'white 300 ml', 'grey 300 ml'], unit: 'cartridge', price: [3, 12], text: 'Neutral-cure silicone, mould resistant, for joints up to 25 mm.' },
  { code: 'PF', category: 'PU foams', noun: 'Polyurethane foam', variants: ['gun grade 750 ml', 'hand held 500 ml', 'fire rated 750 ml'], unit: 'can', price: [5, 19], text: 'One-component PU foam for fixing and insulating window and door frames.' },
  { code: 'TA', category: 'Tile adhesives', noun: 'Tile adhesive', variants: ['C1T 25 kg', 'C2TE 25 kg', 'flex white 20 kg'], unit: 'bag', price: [9, 32], text: 'Cement-based adhesive for ceramic and stone tiles, indoor and outdoor.' },
  { code: 'GL', category: 'Work gloves', noun: 'Work gloves', variants: ['nitrile size 8', 'nitrile size 9', 'cut level C size 9', 'winter size 10'], unit: 'pair', price: [2, 14], text: 'EN 388 certified grip gloves, breathable back.' },
  { code: 'SB', category: 'Safety boots', noun: 'Safety boots', variants: ['S3 size 40', 'S3 size 42', 'S1P size 42', 'S3 winter size 43'], unit: 'pair', price: [45, 140], text: 'Composite toe cap, anti-perforation midsole, slip resistant outsole.' },
  { code: 'HV', category: 'Hi-vis clothing', noun: 'Hi-vis vest', variants: ['yellow M', 'yellow L', 'orange L'], unit: 'piece', price: [3, 9], text: 'EN ISO 20471 class 2 reflective vest.' },
  { code: 'CB', category: 'Cables', noun: 'Installation cable', variants: ['3x1.5 mm² 100 m', '3x2.5 mm² 100 m', '5x2.5 mm² 50 m'], unit: 'reel', price: [45, 260], text: 'PVC sheathed installation cable, 450/750 V, halogen free.' },
  { code: 'SW', category: 'Switches & sockets', noun: 'Wall switch', variants: ['single white', 'double white', 'two-way white'], unit: 'piece', price: [3, 15], text: 'Flush-mounted rocker switch, 10 AX 250 V, screwless terminals.' },
  { code: 'LD', category: 'LED lighting', noun: 'LED panel', variants: ['600x600 36 W 4000 K', '1200x300 40 W 4000 K', 'round 18 W'], unit: 'piece', price: [22, 75], text: 'Flicker-free recessed panel, UGR < 19, driver included.' },
  { code: 'DB', category: 'Drill bits', noun: 'Drill bit set', variants: ['HSS 1-10 mm', 'SDS-plus 5-12 mm', 'wood 3-10 mm'], unit: 'set', price: [9, 65], text: 'Assorted bits in a robust metal case.' },
  { code: 'SA', category: 'Sanding', noun: 'Sanding disc', variants: ['125 mm P40', '125 mm P80', '150 mm P120'], unit: 'pack of 50', price: [7, 28], text: 'Hook and loop aluminium oxide discs with dust holes.' },
  { code: 'CT', category: 'Cutting discs', noun: 'Cutting disc', variants: ['115x1.0 inox', '125x1.6 steel', '230x1.9 steel'], unit: 'pack of 10', price: [6, 48], text: 'Thin cutting disc for stainless and structural steel.' },
];

export const PRODUCT_LINES: Array<{ code: string; prefix: string; factor: number; category: string | null }> = [
  { code: 'S', prefix: '', factor: 1, category: null },
  { code: 'P', prefix: 'PRO ', factor: 1.35, category: 'PRO-LINE' },
  { code: 'E', prefix: 'ECO ', factor: 0.8, category: 'ECO-LINE' },
];

/** A two-level web category tree: 6 groups with 20 family categories below, plus two line categories. */
export function categoryRecords(): ErpCategoryRecord[] {
  const out: ErpCategoryRecord[] = [];
  GROUPS.forEach((group, g) => {
    out.push({ code: group.code, parentCode: null, name: group.name, position: g + 1 });
    group.families.forEach((code, f) => {
      const family = FAMILIES.find((x) => x.code === code)!;
      out.push({ code, parentCode: group.code, name: family.category, position: f + 1 });
    });
  });
  out.push({ code: 'PRO-LINE', parentCode: null, name: 'Professional line', position: GROUPS.length + 1 });
  out.push({ code: 'ECO-LINE', parentCode: null, name: 'Economy line', position: GROUPS.length + 2 });
  // The configurable items (P7) of the small scale.
  out.push({ code: 'MADE-TO-MEASURE', parentCode: null, name: 'Windows & doors made to measure', position: GROUPS.length + 3 });
  return out;
}

/** The web categories of a SKU shaped `FF-Lnnnn` (family, product line, number). */
export function categoriesOfSku(sku: string): string[] {
  const codes = [sku.slice(0, 2)];
  const line = PRODUCT_LINES.find((l) => l.code === sku.charAt(3));
  if (line?.category) codes.push(line.category);
  return codes;
}

export function exchangeRateRecords(referenceDate: Date): ErpExchangeRateRecord[] {
  const date = referenceDate.toISOString().slice(0, 10);
  return [
    ['SEK', '11.4350'],
    ['PLN', '4.2810'],
    ['USD', '1.0820'],
    ['GBP', '0.8450'],
  ].map(([to, rate]) => ({ key: `EUR:${to}`, fromCurrency: 'EUR', toCurrency: to, rate, date }));
}

export const CITIES: Record<string, Array<[city: string, postalCode: string, street: string]>> = {
  SE: [['Stockholm', '111 22', 'Sveavägen'], ['Göteborg', '411 05', 'Kungsgatan'], ['Malmö', '211 20', 'Industrigatan']],
  PL: [['Warszawa', '00-001', 'ul. Marszałkowska'], ['Poznań', '60-101', 'ul. Głogowska'], ['Kraków', '30-001', 'ul. Przemysłowa']],
  ES: [['Madrid', '28001', 'Calle de Alcalá'], ['Valencia', '46001', 'Avenida del Puerto'], ['Sevilla', '41001', 'Calle Industria']],
  EE: [['Tallinn', '10111', 'Pärnu mnt'], ['Tartu', '51003', 'Riia tn'], ['Pärnu', '80010', 'Tööstuse tn']],
  DE: [['Hamburg', '20095', 'Lagerstraße'], ['Köln', '50667', 'Industriestraße'], ['München', '80331', 'Gewerbering']],
  NL: [['Rotterdam', '3011 AA', 'Havenweg'], ['Utrecht', '3511 AB', 'Industrieweg'], ['Eindhoven', '5611 AA', 'Kanaalstraat']],
  FI: [['Helsinki', '00100', 'Teollisuuskatu'], ['Tampere', '33100', 'Hatanpään valtatie'], ['Oulu', '90100', 'Satamatie']],
  DK: [['København', '1050', 'Havnegade'], ['Aarhus', '8000', 'Industrivej'], ['Odense', '5000', 'Fabriksvej']],
  LT: [['Vilnius', '01100', 'Pramonės g.'], ['Kaunas', '44100', 'Savanorių pr.'], ['Klaipėda', '91100', 'Uosto g.']],
  CZ: [['Praha', '110 00', 'Průmyslová'], ['Brno', '602 00', 'Hybešova'], ['Ostrava', '702 00', 'Nádražní']],
};
export const LARGE_COUNTRIES = Object.keys(CITIES);

export const WAREHOUSE_NAMES = [
  'Malmö central', 'Poznań', 'Valencia', 'Hamburg', 'Rotterdam', 'Tallinn', 'Helsinki', 'Aarhus', 'Vilnius', 'Brno',
  'Göteborg', 'Kraków', 'Madrid', 'Köln', 'Utrecht', 'Tartu', 'Tampere', 'Odense', 'Kaunas', 'Praha',
];

export const CARRIERS = ['DHL Freight', 'DB Schenker', 'PostNord', 'DPD', 'GLS'];

export const FIRST_NAMES = ['Anna', 'Erik', 'Sofia', 'Marta', 'Piotr', 'Ewa', 'Lucía', 'Javier', 'Carmen', 'Kati', 'Mart', 'Liis', 'Jonas', 'Lena', 'Mikko', 'Aino', 'Lars', 'Mette', 'Tomas', 'Jana'];
export const LAST_NAMES = ['Lindqvist', 'Berg', 'Holm', 'Kowalska', 'Nowak', 'García', 'Martín', 'López', 'Tamm', 'Saar', 'Kask', 'Müller', 'Jansen', 'Virtanen', 'Hansen', 'Kazlauskas', 'Novák', 'Schmidt', 'de Vries', 'Nielsen'];
export const NAME_PARTS = ['Nord', 'Balt', 'Ferro', 'Bau', 'Tech', 'Werk', 'Metal', 'Pro', 'Stal', 'Build', 'Tool', 'Fix', 'Volt', 'Mont', 'Hansa'];
export const NAME_SUFFIXES: Record<string, string> = { SE: 'AB', PL: 'Sp. z o.o.', ES: 'S.L.', EE: 'OÜ', DE: 'GmbH', NL: 'B.V.', FI: 'Oy', DK: 'ApS', LT: 'UAB', CZ: 's.r.o.' };
