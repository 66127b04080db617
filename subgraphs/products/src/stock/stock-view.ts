import { Decimal } from '@hub/money';
import { StockDisplayPolicyValue } from './stock-display-policy.entity';

export type StockStatusValue = 'GREEN' | 'AMBER' | 'RED';

export interface StockLevelData {
  warehouseCode: string;
  warehouseName: string;
  onHand: string;
  reserved: string;
  nextReceiptDate: string | null;
  nextReceiptQuantity: string | null;
}

/** Goods on an open purchase order: how many, expected when (YYYY-MM-DD). */
export interface IncomingSupplyData {
  expectedDate: string;
  quantity: string;
}

/**
 * The traffic light against the item's minimum stock: RED when nothing is available, AMBER when
 * something is but less than the minimum stock, GREEN otherwise.
 */
export function trafficLight(available: Decimal, minStock: Decimal): StockStatusValue {
  if (available.lte(0)) return 'RED';
  if (available.lt(minStock)) return 'AMBER';
  return 'GREEN';
}

/** Available = on hand minus reserved, never below zero. */
export function availableOf(level: StockLevelData): Decimal {
  return Decimal.max(0, new Decimal(level.onHand).minus(level.reserved));
}

/**
 * The availability promise: the day `quantity` units can be had. Today when the stock covers it;
 * otherwise the earliest receipt from which stock plus receipts cover it, counting the warehouses'
 * next receipts and the open purchase-order lines (`incoming`, from the ERP's purchase orders);
 * null when even all known receipts do not. A receipt overdue counts from today.
 */
export function availableFrom(levels: readonly StockLevelData[], quantity: number, today: string, incoming: readonly IncomingSupplyData[] = []): string | null {
  let covered = levels.reduce((sum, l) => sum.plus(availableOf(l)), new Decimal(0));
  if (covered.gte(quantity)) return today;
  const receipts = [
    ...levels
      .filter((l) => l.nextReceiptDate && l.nextReceiptQuantity && new Decimal(l.nextReceiptQuantity).gt(0))
      .map((l) => ({ date: l.nextReceiptDate!, quantity: new Decimal(l.nextReceiptQuantity!) })),
    ...incoming.filter((i) => new Decimal(i.quantity).gt(0)).map((i) => ({ date: i.expectedDate, quantity: new Decimal(i.quantity) })),
  ]
    .map((r) => ({ date: r.date < today ? today : r.date, quantity: r.quantity }))
    .sort((a, b) => a.date.localeCompare(b.date));
  for (const receipt of receipts) {
    covered = covered.plus(receipt.quantity);
    if (covered.gte(quantity)) return receipt.date;
  }
  return null;
}

export interface StockView {
  policy: StockDisplayPolicyValue;
  status: StockStatusValue;
  /** Null unless the policy shows quantities. */
  quantity: Decimal | null;
  warehouses: Array<{ code: string; name: string; status: StockStatusValue; quantity: Decimal | null; nextReceiptDate: string | null; nextReceiptQuantity: Decimal | null }>;
}

/** What a policy lets a company see; null for HIDDEN (nothing at all). */
export function stockView(levels: readonly StockLevelData[], minStock: string, policy: StockDisplayPolicyValue): StockView | null {
  if (policy === 'HIDDEN') return null;
  const min = new Decimal(minStock);
  const showQuantity = policy === 'QUANTITY';
  // Each level's availability once (a catalogue page asks for this for every product on it).
  const available = levels.map((level) => ({ level, available: availableOf(level) }));
  const total = available.reduce((sum, a) => sum.plus(a.available), new Decimal(0));
  return {
    policy,
    status: trafficLight(total, min),
    quantity: showQuantity ? total : null,
    warehouses: available
      .sort((a, b) => a.level.warehouseCode.localeCompare(b.level.warehouseCode))
      .map(({ level: l, available: a }) => ({
        code: l.warehouseCode,
        name: l.warehouseName,
        status: trafficLight(a, min),
        quantity: showQuantity ? a : null,
        nextReceiptDate: l.nextReceiptDate,
        nextReceiptQuantity: showQuantity && l.nextReceiptQuantity !== null ? new Decimal(l.nextReceiptQuantity) : null,
      })),
  };
}
