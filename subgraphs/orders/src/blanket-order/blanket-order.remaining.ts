import { Decimal } from '@hub/money';
import { BlanketOrderLineData } from './blanket-order.entity';

/** Quantities of the hub's own drawdowns the ERP has not counted yet, per SKU and shop (delivery address code, null: none). */
export interface PendingDrawdown {
  sku: string;
  shop: string | null;
  quantity: string;
}

export interface RemainingShop {
  deliveryAddressCode: string;
  quantity: Decimal;
  drawn: Decimal;
  remaining: Decimal;
}

export interface RemainingLine {
  line: BlanketOrderLineData;
  /** The ERP's count plus the hub's drawdowns not yet counted. */
  drawn: Decimal;
  remaining: Decimal;
  shops: RemainingShop[] | null;
}

/**
 * What remains of each agreed line, and of each shop's share: agreed less what the ERP counted
 * less the hub's drawdowns on their way. Never below zero (the ERP may have drawn more by hand).
 */
export function remainingOf(lines: readonly BlanketOrderLineData[], pending: readonly PendingDrawdown[]): RemainingLine[] {
  const pendingOf = (sku: string, shop?: string) =>
    pending.filter((p) => p.sku === sku && (shop === undefined || p.shop === shop)).reduce((sum, p) => sum.plus(p.quantity), new Decimal(0));
  return lines.map((line) => {
    const drawn = new Decimal(line.drawnQuantity).plus(pendingOf(line.sku));
    const shops = line.shops && line.shops.length > 0
      ? line.shops.map((s) => {
          const shopDrawn = new Decimal(s.drawnQuantity).plus(pendingOf(line.sku, s.deliveryAddressCode));
          return { deliveryAddressCode: s.deliveryAddressCode, quantity: new Decimal(s.quantity), drawn: shopDrawn, remaining: Decimal.max(0, new Decimal(s.quantity).minus(shopDrawn)) };
        })
      : null;
    return { line, drawn, remaining: Decimal.max(0, new Decimal(line.quantity).minus(drawn)), shops };
  });
}
