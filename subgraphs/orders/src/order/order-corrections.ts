import { Decimal } from '@hub/money';
import { LineCorrection } from './order-status-event.entity';

/** An order line as the hub held it or as the ERP sends it. */
export interface LineState {
  lineNo: number;
  /** The ordered line it fulfils; null: a line of its own (ERP-entered orders, lines the operator added). */
  orderedLineNo: number | null;
  sku: string;
  quantity: string;
  unitPrice: string;
}

interface Aggregate {
  sku: string;
  quantity: Decimal;
  unitPrice: Decimal;
}

/** The parts of each ordered line, summed: a split by warehouse or into a back order is not a correction. */
function byOrderedLine(lines: readonly LineState[]): Map<number, Aggregate> {
  const out = new Map<number, Aggregate>();
  for (const line of [...lines].sort((a, b) => a.lineNo - b.lineNo)) {
    const key = line.orderedLineNo ?? line.lineNo;
    const existing = out.get(key);
    if (existing) existing.quantity = existing.quantity.plus(line.quantity);
    else out.set(key, { sku: line.sku, quantity: new Decimal(line.quantity), unitPrice: new Decimal(line.unitPrice) });
  }
  return out;
}

const state = (a: Aggregate | undefined) => (a ? { sku: a.sku, quantity: a.quantity.toFixed(), unitPrice: a.unitPrice.toFixed() } : null);

/**
 * What the ERP's operator changed, per ordered line: its item, total quantity or unit price before
 * and after (before null: a line the operator added; after null: one removed). Splitting a line over
 * warehouses or into an available and a back-ordered part changes nothing here.
 */
export function diffOrderLines(before: readonly LineState[], after: readonly LineState[]): LineCorrection[] {
  const was = byOrderedLine(before);
  const now = byOrderedLine(after);
  const lineNos = [...new Set([...was.keys(), ...now.keys()])].sort((a, b) => a - b);
  const corrections: LineCorrection[] = [];
  for (const lineNo of lineNos) {
    const a = was.get(lineNo);
    const b = now.get(lineNo);
    if (a && b && a.sku === b.sku && a.quantity.eq(b.quantity) && a.unitPrice.eq(b.unitPrice)) continue;
    corrections.push({ lineNo, before: state(a), after: state(b) });
  }
  return corrections;
}
