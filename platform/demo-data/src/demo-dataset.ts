import { demoReferenceDate } from './demo-date';
import { erpEntityId } from '@hub/erp-ids';
import { SeededRandom } from './random';

export type DemoUserKind = 'CUSTOMER' | 'STAFF' | 'SUPPLIER';
export type DemoOrderStatus = 'CONFIRMED' | 'PICKED' | 'SHIPPED' | 'DELIVERED' | 'INVOICED' | 'CANCELLED';

export interface DemoCompany { id: string; erpNumber: string; name: string; currency: string; country: string }
export interface DemoUser {
  id: string; email: string; name: string; kind: DemoUserKind; password: string; role: string;
  companyId: string | null; supplierId: string | null; permissions: string[];
}
/** minOrderQuantity: the smallest quantity an order line may have (the ERP's order minimum; 1 for most items). */
export interface DemoProduct { id: string; sku: string; name: string; description: string; unit: string; listPrice: string; currency: string; minOrderQuantity: number }
export interface DemoCustomerPrice { companyId: string; productId: string; price: string; currency: string }
export interface DemoSupplier { id: string; erpNumber: string; name: string; country: string; email: string }
export interface DemoSupplierProduct { supplierId: string; productId: string; supplierSku: string; leadTimeDays: number; purchasePrice: string }
export interface DemoOrderLine { lineNo: number; productId: string; sku: string; quantity: number; unitPrice: string; lineTotal: string }
export interface DemoOrder {
  id: string; number: string; companyId: string; placedByUserId: string; status: DemoOrderStatus;
  placedAt: Date; currency: string; total: string; lines: DemoOrderLine[];
}
/** Spain's electronic invoices are signed: the demo ERP signs the invoices and credit notes of its Spanish customers. */
export function signsDocumentsFor(country: string): boolean {
  return country === 'ES';
}

export interface DemoInvoice {
  id: string; number: string; companyId: string; orderId: string; issuedAt: Date; dueAt: Date;
  currency: string; total: string; status: 'OPEN' | 'PAID';
  /** The ERP's electronic invoices to Spanish customers are digitally signed (signsDocumentsFor). */
  digitallySigned: boolean;
}

export interface DemoDataset {
  companies: DemoCompany[];
  users: DemoUser[];
  products: DemoProduct[];
  customerPrices: DemoCustomerPrice[];
  suppliers: DemoSupplier[];
  supplierProducts: DemoSupplierProduct[];
  orders: DemoOrder[];
  invoices: DemoInvoice[];
}

/** Every demo login uses this password; the README lists the logins. */
export const DEMO_PASSWORD = 'demo-password';

const ALL_CUSTOMER_PERMISSIONS = ['catalog.view', 'prices.view', 'orders.view', 'orders.submit', 'orders.place', 'orders.approve', 'invoices.view', 'payments.make', 'returns.file', 'users.manage'];
const BUYER_PERMISSIONS = ['catalog.view', 'prices.view', 'orders.view', 'orders.place', 'returns.file'];
const VIEWER_PERMISSIONS = ['catalog.view', 'prices.view', 'orders.view', 'invoices.view'];

const COMPANIES: Array<Omit<DemoCompany, 'id'> & { domain: string; people: [string, string, string] }> = [
  { erpNumber: 'C10001', name: 'Nordic Tools AB', currency: 'EUR', country: 'SE', domain: 'nordic-tools.example', people: ['Anna Lindqvist', 'Erik Berg', 'Sofia Holm'] },
  { erpNumber: 'C10002', name: 'Kowalski Hurtownia Sp. z o.o.', currency: 'EUR', country: 'PL', domain: 'kowalski-hurt.example', people: ['Marta Kowalska', 'Piotr Nowak', 'Ewa Wiśniewska'] },
  { erpNumber: 'C10003', name: 'Ferretería García S.L.', currency: 'EUR', country: 'ES', domain: 'ferreteria-garcia.example', people: ['Lucía García', 'Javier Martín', 'Carmen López'] },
  { erpNumber: 'C10004', name: 'Baltic Build OÜ', currency: 'EUR', country: 'EE', domain: 'baltic-build.example', people: ['Kati Tamm', 'Mart Saar', 'Liis Kask'] },
];

const SUPPLIERS: Array<Omit<DemoSupplier, 'id'>> = [
  { erpNumber: 'S20001', name: 'Fastenix GmbH', country: 'DE', email: 'orders@fastenix.example' },
  { erpNumber: 'S20002', name: 'PowerDrive Tools Ltd', country: 'GB', email: 'sales@powerdrive.example' },
  { erpNumber: 'S20003', name: 'Aceros del Norte S.A.', country: 'ES', email: 'ventas@aceros-norte.example' },
  { erpNumber: 'S20004', name: 'Polska Chemia Budowlana', country: 'PL', email: 'biuro@chemia-bud.example' },
  { erpNumber: 'S20005', name: 'SafeWork Apparel AB', country: 'SE', email: 'order@safework.example' },
  { erpNumber: 'S20006', name: 'ElectroLine Components', country: 'NL', email: 'sales@electroline.example' },
];

/** Order minimums of a few families (sold by the pack in practice); every other item: 1. */
const MIN_ORDER_QUANTITY: Record<string, number> = { GL: 10, HV: 5 };

/** Product families: name pattern, unit, price range and which suppliers carry them. */
const FAMILIES: Array<{ code: string; name: (v: string) => string; variants: string[]; unit: string; price: [number, number]; suppliers: number[]; text: string }> = [
  { code: 'HB', name: (v) => `Hex bolt ${v} zinc plated`, variants: ['M6x20', 'M6x30', 'M8x20', 'M8x40', 'M10x50', 'M10x80', 'M12x60', 'M12x100', 'M16x120'], unit: 'box of 100', price: [4, 60], suppliers: [0, 2], text: 'DIN 933 hexagon head bolt, steel grade 8.8, electro-galvanised.' },
  { code: 'WS', name: (v) => `Wood screw ${v} countersunk`, variants: ['3.5x30', '4x40', '4x50', '5x60', '5x80', '6x100', '6x120'], unit: 'box of 200', price: [3, 30], suppliers: [0], text: 'Torx drive chipboard screw with cutting tip, yellow zinc.' },
  { code: 'AN', name: (v) => `Concrete anchor ${v}`, variants: ['M8x75', 'M10x90', 'M12x110', 'M16x145'], unit: 'box of 25', price: [12, 90], suppliers: [0, 3], text: 'Through-bolt anchor for cracked and non-cracked concrete, ETA approved.' },
  { code: 'CD', name: (v) => `Cordless drill ${v}`, variants: ['12V compact', '18V brushless', '18V combi', '36V heavy duty'], unit: 'piece', price: [89, 420], suppliers: [1], text: 'Two-speed gearbox, LED work light, supplied in a carry case without battery.' },
  { code: 'AG', name: (v) => `Angle grinder ${v}`, variants: ['115 mm 750 W', '125 mm 1200 W', '230 mm 2200 W'], unit: 'piece', price: [49, 260], suppliers: [1], text: 'Restart protection, adjustable guard, side handle included.' },
  { code: 'BT', name: (v) => `Battery pack ${v}`, variants: ['18V 2.0Ah', '18V 4.0Ah', '18V 5.5Ah', '36V 4.0Ah'], unit: 'piece', price: [39, 180], suppliers: [1, 5], text: 'Lithium-ion battery with charge indicator, fits the whole 18V platform.' },
  { code: 'ST', name: (v) => `Steel profile ${v}`, variants: ['L 30x30x3', 'L 40x40x4', 'U 50x25', 'U 80x45', 'T 40x40', 'flat 40x5', 'flat 60x6'], unit: 'bar 6 m', price: [14, 95], suppliers: [2], text: 'Hot-rolled S235JR structural steel, mill finish.' },
  { code: 'TB', name: (v) => `Steel tube ${v}`, variants: ['20x20x2', '30x30x2', '40x40x3', '60x40x3', 'round 33.7x2.6'], unit: 'bar 6 m', price: [18, 110], suppliers: [2], text: 'Cold-formed welded hollow section, EN 10219.' },
  { code: 'SL', name: (v) => `Silicone sealant ${v}`, variants: ['clear 300 ml', 'white 300 ml', 'grey 300 ml', 'sanitary white 300 ml'], unit: 'cartridge', price: [3, 12], suppliers: [3], text: 'Neutral-cure silicone, mould resistant, for joints up to 25 mm.' },
  { code: 'PF', name: (v) => `Polyurethane foam ${v}`, variants: ['gun grade 750 ml', 'hand held 500 ml', 'fire rated 750 ml', 'low expansion 750 ml'], unit: 'can', price: [5, 19], suppliers: [3], text: 'One-component PU foam for fixing and insulating window and door frames.' },
  { code: 'TA', name: (v) => `Tile adhesive ${v}`, variants: ['C1T 25 kg', 'C2TE 25 kg', 'C2TE S1 25 kg', 'flex white 20 kg'], unit: 'bag', price: [9, 32], suppliers: [3], text: 'Cement-based adhesive for ceramic and stone tiles, indoor and outdoor.' },
  { code: 'GL', name: (v) => `Work gloves ${v}`, variants: ['nitrile size 8', 'nitrile size 9', 'nitrile size 10', 'cut level C size 9', 'winter size 10'], unit: 'pair', price: [2, 14], suppliers: [4], text: 'EN 388 certified grip gloves, breathable back.' },
  { code: 'SB', name: (v) => `Safety boots ${v}`, variants: ['S3 size 40', 'S3 size 42', 'S3 size 44', 'S1P size 42', 'S3 winter size 43'], unit: 'pair', price: [45, 140], suppliers: [4], text: 'Composite toe cap, anti-perforation midsole, slip resistant outsole.' },
  { code: 'HV', name: (v) => `Hi-vis vest ${v}`, variants: ['yellow M', 'yellow L', 'yellow XL', 'orange L'], unit: 'piece', price: [3, 9], suppliers: [4], text: 'EN ISO 20471 class 2 reflective vest.' },
  { code: 'CB', name: (v) => `Installation cable ${v}`, variants: ['3x1.5 mm² 100 m', '3x2.5 mm² 100 m', '5x2.5 mm² 50 m', '5x4 mm² 50 m'], unit: 'reel', price: [45, 260], suppliers: [5], text: 'PVC sheathed installation cable, 450/750 V, halogen free.' },
  { code: 'SW', name: (v) => `Wall switch ${v}`, variants: ['single white', 'double white', 'single anthracite', 'two-way white'], unit: 'piece', price: [3, 15], suppliers: [5], text: 'Flush-mounted rocker switch, 10 AX 250 V, screwless terminals.' },
  { code: 'LD', name: (v) => `LED panel ${v}`, variants: ['600x600 36 W 4000 K', '1200x300 40 W 4000 K', '600x600 36 W 3000 K', 'round 18 W'], unit: 'piece', price: [22, 75], suppliers: [5], text: 'Flicker-free recessed panel, UGR < 19, driver included.' },
  { code: 'DB', name: (v) => `Drill bit set ${v}`, variants: ['HSS 1-10 mm', 'SDS-plus 5-12 mm', 'wood 3-10 mm', 'tile 4-10 mm'], unit: 'set', price: [9, 65], suppliers: [1, 0], text: 'Assorted bits in a robust metal case.' },
  { code: 'SA', name: (v) => `Sanding disc ${v}`, variants: ['125 mm P40', '125 mm P80', '125 mm P120', '150 mm P80', '150 mm P180'], unit: 'pack of 50', price: [7, 28], suppliers: [1], text: 'Hook and loop aluminium oxide discs with dust holes.' },
  { code: 'CT', name: (v) => `Cutting disc ${v}`, variants: ['115x1.0 inox', '125x1.0 inox', '125x1.6 steel', '230x1.9 steel', '125 diamond'], unit: 'pack of 10', price: [6, 48], suppliers: [1, 2], text: 'Thin cutting disc for stainless and structural steel.' },
];

function money(value: number): string {
  return value.toFixed(2);
}

/**
 * Ids of ERP-mastered records are derived from their ERP keys (see @hub/erp-ids), exactly as
 * the sync derives them, so directly seeded and ERP-synchronised data are the same rows.
 *
 * The default run's demo data, the same on every machine. It has the shape of a real small
 * distributor: a few customer companies with users of different roles, a few hundred products,
 * customer-specific prices, suppliers, orders in every status and their invoices.
 */
export function buildDemoDataset(referenceDate: Date = demoReferenceDate()): DemoDataset {
  // Every random draw is independent of the reference date, so only the dates move with it.
  const rnd = new SeededRandom(20261101);
  const companies: DemoCompany[] = COMPANIES.map(({ domain: _d, people: _p, ...c }) => ({ ...c, id: erpEntityId('customer', c.erpNumber) }));
  const suppliers: DemoSupplier[] = SUPPLIERS.map((s) => ({ ...s, id: erpEntityId('supplier', s.erpNumber) }));

  const users: DemoUser[] = [
    { id: rnd.uuid(), email: 'admin@hub.example', name: 'Hub Administrator', kind: 'STAFF', role: 'staff admin', password: DEMO_PASSWORD, companyId: null, supplierId: null, permissions: ['staff.admin', 'staff.users', 'staff.orders', 'staff.sync'] },
    { id: rnd.uuid(), email: 'sync@hub.example', name: 'Sync Operator', kind: 'STAFF', role: 'staff: sync only', password: DEMO_PASSWORD, companyId: null, supplierId: null, permissions: ['staff.sync'] },
    { id: rnd.uuid(), email: 'orders@hub.example', name: 'Order Desk', kind: 'STAFF', role: 'staff: orders only', password: DEMO_PASSWORD, companyId: null, supplierId: null, permissions: ['staff.orders'] },
  ];
  COMPANIES.forEach((c, i) => {
    const company = companies[i];
    const roles: Array<[string, string[]]> = [['customer admin', ALL_CUSTOMER_PERMISSIONS], ['buyer', BUYER_PERMISSIONS], ['read-only', VIEWER_PERMISSIONS]];
    c.people.forEach((person, j) => {
      const first = person.split(' ')[0].normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      users.push({ id: rnd.uuid(), email: `${first}@${c.domain}`, name: person, kind: 'CUSTOMER', role: roles[j][0], password: DEMO_PASSWORD, companyId: company.id, supplierId: null, permissions: roles[j][1] });
    });
  });
  users.push({ id: rnd.uuid(), email: 'klaus@fastenix.example', name: 'Klaus Becker', kind: 'SUPPLIER', role: 'supplier', password: DEMO_PASSWORD, companyId: null, supplierId: suppliers[0].id, permissions: [] });
  // Drawn after everyone else, so the other users' ids stay what they were before stores came.
  users.push({ id: rnd.uuid(), email: 'store@hub.example', name: 'Store Counter', kind: 'STAFF', role: 'staff: stores only', password: DEMO_PASSWORD, companyId: null, supplierId: null, permissions: ['staff.stores'] });
  // A sales rep (offers) for Nordic Tools AB and Kowalski Hurtownia (the assignment is the orders subgraph's demo seed).
  // A fixed id, not a draw: a draw here would move every product's price drawn after it.
  users.push({ id: 'a11e5000-0000-4000-8000-000000000015', email: 'sales@hub.example', name: 'Sales Rep', kind: 'STAFF', role: 'staff: sales rep', password: DEMO_PASSWORD, companyId: null, supplierId: null, permissions: ['staff.sales'] });
  // Drawn after the store user, for the same reason: purchasing came later.
  users.push({ id: rnd.uuid(), email: 'purchasing@hub.example', name: 'Purchasing Desk', kind: 'STAFF', role: 'staff: purchasing only', password: DEMO_PASSWORD, companyId: null, supplierId: null, permissions: ['staff.purchasing'] });
  users.push({ id: rnd.uuid(), email: 'priya@powerdrive.example', name: 'Priya Shah', kind: 'SUPPLIER', role: 'supplier', password: DEMO_PASSWORD, companyId: null, supplierId: suppliers[1].id, permissions: [] });
  // From a generator of its own, so no other draw (users, products, prices) moves.
  users.push({ id: new SeededRandom(20261203).uuid(), email: 'marketing@hub.example', name: 'Marketing Desk', kind: 'STAFF', role: 'staff: marketing only', password: DEMO_PASSWORD, companyId: null, supplierId: null, permissions: ['staff.marketing'] });

  const products: DemoProduct[] = [];
  const supplierProducts: DemoSupplierProduct[] = [];
  // Each family appears in economy, standard and "PRO" lines, to reach a few hundred items.
  const lines: Array<[string, string, number]> = [['', 'S', 1], ['PRO ', 'P', 1.35], ['ECO ', 'E', 0.8]];
  for (const family of FAMILIES) {
    for (const [line, code, factor] of lines) {
      for (const variant of family.variants) {
        const base = rnd.int(family.price[0] * 100, family.price[1] * 100) / 100;
        const listPrice = base * factor;
        const sku = `${family.code}-${code}${String(products.length + 1).padStart(4, '0')}`;
        const product: DemoProduct = {
          id: erpEntityId('product', sku),
          sku,
          name: `${line}${family.name(variant)}`,
          description: `${family.text}${code === 'P' ? ' Professional grade with extended warranty.' : code === 'E' ? ' Economy line for occasional use.' : ''}`,
          unit: family.unit,
          listPrice: money(listPrice),
          currency: 'EUR',
          minOrderQuantity: MIN_ORDER_QUANTITY[family.code] ?? 1,
        };
        products.push(product);
        for (const s of family.suppliers) {
          supplierProducts.push({
            supplierId: suppliers[s].id,
            productId: product.id,
            supplierSku: `${SUPPLIERS[s].erpNumber}-${rnd.int(10000, 99999)}`,
            leadTimeDays: rnd.int(2, 30),
            purchasePrice: money(listPrice * (0.5 + rnd.next() * 0.2)),
          });
        }
      }
    }
  }

  const customerPrices: DemoCustomerPrice[] = [];
  const priceOf = new Map<string, number>();
  for (const company of companies) {
    for (const product of products) {
      if (!rnd.chance(0.3)) continue;
      const discount = rnd.int(5, 25) / 100;
      const price = Number(product.listPrice) * (1 - discount);
      customerPrices.push({ companyId: company.id, productId: product.id, price: money(price), currency: 'EUR' });
      priceOf.set(`${company.id}:${product.id}`, Number(money(price)));
    }
  }

  const statuses: DemoOrderStatus[] = ['CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'INVOICED', 'INVOICED', 'INVOICED', 'CANCELLED'];
  const orders: DemoOrder[] = [];
  const invoices: DemoInvoice[] = [];
  let orderNo = 500000;
  let invoiceNo = 800000;
  for (const company of companies) {
    const buyers = users.filter((u) => u.companyId === company.id && u.permissions.includes('orders.place'));
    for (let k = 0; k < 25; k++) {
      const placedAt = new Date(referenceDate.getTime() - rnd.int(0, 180 * 24) * 3600_000);
      const lines: DemoOrderLine[] = [];
      const lineCount = rnd.int(1, 6);
      const used = new Set<string>();
      for (let l = 0; l < lineCount; l++) {
        const product = rnd.pick(products);
        if (used.has(product.id)) continue;
        used.add(product.id);
        const unitPrice = priceOf.get(`${company.id}:${product.id}`) ?? Number(product.listPrice);
        const quantity = rnd.int(1, 40);
        lines.push({ lineNo: lines.length + 1, productId: product.id, sku: product.sku, quantity, unitPrice: money(unitPrice), lineTotal: money(unitPrice * quantity) });
      }
      const total = lines.reduce((sum, line) => sum + Math.round(Number(line.lineTotal) * 100), 0) / 100;
      const number = `SO-${++orderNo}`;
      const order: DemoOrder = {
        id: erpEntityId('order', number), number, companyId: company.id, placedByUserId: rnd.pick(buyers).id,
        status: rnd.pick(statuses), placedAt, currency: 'EUR', total: money(total), lines,
      };
      orders.push(order);
      if (order.status === 'INVOICED') {
        const issuedAt = new Date(placedAt.getTime() + rnd.int(2, 10) * 86400_000);
        const dueAt = new Date(issuedAt.getTime() + 30 * 86400_000);
        const invoiceNumber = `INV-${++invoiceNo}`;
        invoices.push({
          id: erpEntityId('invoice', invoiceNumber), number: invoiceNumber, companyId: company.id, orderId: order.id, issuedAt, dueAt,
          currency: 'EUR', total: money(total * 1.21), status: dueAt < referenceDate && rnd.chance(0.8) ? 'PAID' : 'OPEN',
          digitallySigned: signsDocumentsFor(company.country),
        });
      }
    }
  }
  return { companies, users, products, customerPrices, suppliers, supplierProducts, orders, invoices };
}
